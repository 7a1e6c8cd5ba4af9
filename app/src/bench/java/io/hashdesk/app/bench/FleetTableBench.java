package io.hashdesk.app.bench;

import atlantafx.base.theme.PrimerDark;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.miners.FleetCsvExport;
import io.hashdesk.app.miners.FleetTableView;
import io.hashdesk.app.miners.FleetTableViewModel;
import io.hashdesk.app.miners.MinerRow;
import io.hashdesk.core.domain.MinerId;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Drives a real {@link FleetTableView} of 10,000 miners in a shown 1280×800 stage with a fresh read every second for
 * a minute, sorted by hashrate with a few rows selected, and measures what the operator would feel: how long each
 * {@code update} holds the FX thread, how many pulses (frames) the FX thread still delivers per second, the longest
 * gap between two pulses, and the heap left afterwards. Run by {@code ./mvnw -pl app -Pbench verify}
 * (docs/BENCHMARKS.md); the report goes to the console and to {@code <out>/fleet-table-bench.txt}.
 */
public final class FleetTableBench {

    private static final int MINERS = 10_000;
    private static final int UPDATES = 60;
    private static final long UPDATE_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    /** Table indices the "operator" selects before the refreshes start; sorting moves the miners around. */
    private static final int[] SELECTED_INDICES = {2, 3, 5, 8, 13};
    /** Lets the first layout, CSS and JIT of the shown table settle before anything is measured. */
    private static final long SETTLE_MILLIS = 3_000;
    private static final long SEED = 20261127L;

    private FleetTableBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);

        SyntheticFleet fleet = new SyntheticFleet(MINERS, SEED);
        JobRunner jobs = onFx(() -> new JobRunner(FxExecutor.fx()));
        FleetTableViewModel viewModel = onFx(() -> new FleetTableViewModel(new FleetCsvExport(), jobs));
        List<MinerRow> firstRead = fleet.read(Instant.now());
        TableView<MinerRow> table = onFx(() -> show(viewModel, firstRead));
        Thread.sleep(SETTLE_MILLIS);
        List<MinerId> selected = onFx(() -> selectRows(table, viewModel));

        PulseCounter pulses = new PulseCounter();
        onFx(() -> {
            pulses.start();
            return null;
        });
        long[] updateNanos = new long[UPDATES];
        boolean[] selectionKept = new boolean[UPDATES];
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < UPDATES; i++) {
            long due = start + (i + 1) * UPDATE_PERIOD_NANOS;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            // the read runs off the FX thread, as the app's LiveRefresh does; only update() is on it
            List<MinerRow> fresh = fleet.read(Instant.now());
            int index = i;
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long before = System.nanoTime();
                viewModel.update(fresh);
                updateNanos[index] = System.nanoTime() - before;
                selectionKept[index] = viewModel.selectedMinerIds().size() == selected.size()
                        && viewModel.selectedMinerIds().containsAll(selected)
                        && table.getSelectionModel().getSelectedItems().size() == selected.size();
                done.complete(null);
            });
            pending.add(done);
        }
        // one more second of pulses after the last update, so its layout and render are inside the window
        TimeUnit.NANOSECONDS.sleep(Math.max(0, start + (UPDATES + 1) * UPDATE_PERIOD_NANOS - System.nanoTime()));
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long[] frames = onFx(pulses::stopCounting);
        String sortedBy = onFx(() -> table.getSortOrder().getFirst().getText() + " "
                + table.getSortOrder().getFirst().getSortType().name().toLowerCase(Locale.ROOT));

        System.gc();
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String report = report(updateNanos, selectionKept, frames, heapAfter, sortedBy, selected.size());
        Files.writeString(out.resolve("fleet-table-bench.txt"), report, StandardCharsets.UTF_8);
        PrintStream console = System.out;
        console.println(report);
        onFx(() -> {
            jobs.close();
            return null;
        });
        Platform.exit();
    }

    private static TableView<MinerRow> show(FleetTableViewModel viewModel, List<MinerRow> firstRead) {
        // the app's dark theme, so the cells cost what they cost in the console
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        FleetTableView view = new FleetTableView(viewModel);
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        URL css = FleetTableBench.class.getResource("/assets/css/hashdesk.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        Stage stage = new Stage();
        stage.setTitle("Fleet table bench");
        stage.setScene(scene);
        stage.show();
        viewModel.update(firstRead);
        @SuppressWarnings("unchecked")
        TableView<MinerRow> table = (TableView<MinerRow>) view.root().lookup("#fleet-table");
        TableColumn<MinerRow, ?> hashrate = table.getColumns().stream()
                .filter(column -> "col-hashrate".equals(column.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the fleet table has no column with id col-hashrate"));
        hashrate.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(hashrate));
        return table;
    }

    private static List<MinerId> selectRows(TableView<MinerRow> table, FleetTableViewModel viewModel) {
        table.getSelectionModel().selectIndices(SELECTED_INDICES[0], SELECTED_INDICES);
        List<MinerId> selected = List.copyOf(viewModel.selectedMinerIds());
        if (selected.size() != SELECTED_INDICES.length) {
            throw new IllegalStateException("selecting " + SELECTED_INDICES.length + " rows in the table left "
                    + selected.size() + " in the view-model");
        }
        return selected;
    }

    private static String report(long[] updateNanos, boolean[] selectionKept, long[] frames, long heapBytes,
                                 String sortedBy, int selected) {
        long[] sorted = updateNanos.clone();
        Arrays.sort(sorted);
        PulseFigures pulses = PulseFigures.of(frames);
        int kept = 0;
        for (boolean k : selectionKept) {
            kept += k ? 1 : 0;
        }
        Runtime runtime = Runtime.getRuntime();
        StringBuilder s = new StringBuilder();
        s.append("Fleet table bench: ").append(String.format(Locale.ROOT, "%,d", MINERS))
                .append(" miners, one update per second for ").append(UPDATES).append(" s, stage ")
                .append(WIDTH).append('x').append(HEIGHT).append(", sorted by ").append(sortedBy).append(", ")
                .append(selected).append(" rows selected\n");
        s.append(String.format(Locale.ROOT, "  JVM %s, %d processors, max heap %d MiB, glass %s, prism %s%n",
                Runtime.version(), runtime.availableProcessors(), runtime.maxMemory() >> 20,
                System.getProperty("glass.platform", "default"), System.getProperty("prism.order", "default")));
        s.append(String.format(Locale.ROOT, "  update() on the FX thread: p50 %.1f ms, p95 %.1f ms, max %.1f ms"
                        + " (first %.1f ms)%n", millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(sorted[sorted.length - 1]), millis(updateNanos[0])));
        s.append(String.format(Locale.ROOT, "  FX pulses: %d in %.1f s, mean %.1f /s, worst 1-s window %d%n",
                frames.length, pulses.spanSeconds(), pulses.meanPerSecond(), pulses.worstOneSecondWindow()));
        s.append(String.format(Locale.ROOT, "  longest gap between pulses: %.1f ms%n", millis(pulses.longestGapNanos())));
        s.append(String.format(Locale.ROOT, "  selection kept after %d of %d updates%n", kept, UPDATES));
        s.append(String.format(Locale.ROOT, "  heap used after the run (after System.gc()): %d MiB%n", heapBytes >> 20));
        return s.toString();
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(rank, 0, sorted.length - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Records the time of every FX pulse; an active AnimationTimer also makes the toolkit pulse every frame. */
    private static final class PulseCounter extends AnimationTimer {

        private long[] times = new long[8_192];
        private int count;

        @Override
        public void handle(long now) {
            if (count == times.length) {
                times = Arrays.copyOf(times, times.length * 2);
            }
            times[count++] = now;
        }

        long[] stopCounting() {
            stop();
            return Arrays.copyOf(times, count);
        }
    }

    private record PulseFigures(double spanSeconds, double meanPerSecond, int worstOneSecondWindow,
                                long longestGapNanos) {

        static PulseFigures of(long[] frames) {
            if (frames.length < 2) {
                throw new IllegalStateException("the FX thread delivered " + frames.length
                        + " pulses in the whole run; the stage was not shown or the toolkit did not pulse");
            }
            long span = frames[frames.length - 1] - frames[0];
            long gap = 0;
            for (int i = 1; i < frames.length; i++) {
                gap = Math.max(gap, frames[i] - frames[i - 1]);
            }
            // every window [t, t + 1 s) that starts at a pulse and ends inside the run
            int worst = Integer.MAX_VALUE;
            int end = 0;
            long second = TimeUnit.SECONDS.toNanos(1);
            for (int begin = 0; begin < frames.length && frames[begin] + second <= frames[frames.length - 1]; begin++) {
                while (end < frames.length && frames[end] < frames[begin] + second) {
                    end++;
                }
                worst = Math.min(worst, end - begin);
            }
            return new PulseFigures(span / 1e9, (frames.length - 1) / (span / 1e9), worst, gap);
        }
    }
}
