package io.hashdesk.app.detail;

import static io.hashdesk.app.detail.DetailFixture.CATALOG;
import static io.hashdesk.app.detail.DetailFixture.CLOCK;
import static io.hashdesk.app.detail.DetailFixture.MINER;
import static io.hashdesk.app.detail.DetailFixture.NOW;
import static io.hashdesk.app.detail.DetailFixture.QUIET;
import static io.hashdesk.app.detail.DetailFixture.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.detail.ChartLine.Point;
import io.hashdesk.app.detail.ChartLine.Role;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.TelemetryStore;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The miner detail view-model over a real store: header, ranges at their resolutions, events, cancel. No toolkit. */
class MinerDetailViewModelTest {

    @TempDir
    Path folder;
    private SqliteFarmStore store;
    private final JobRunner jobs = new JobRunner(Runnable::run);
    private MinerDetailViewModel viewModel;

    @BeforeEach
    void openStore() {
        store = DetailFixture.store(folder);
        viewModel = new MinerDetailViewModel(new MinerDetailReader(store, CATALOG, CLOCK, SETTINGS), jobs,
                SETTINGS.staleAfter());
    }

    @AfterEach
    void closeStore() {
        jobs.close();
        store.close();
    }

    private static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    private MinerHistory openAndRead(DetailRange range) throws InterruptedException {
        viewModel.open(MINER);
        if (range != DetailRange.HOUR) {
            viewModel.selectRange(range);
        }
        until(() -> viewModel.historyProperty().get() != null && viewModel.historyProperty().get().range() == range
                && !viewModel.loadingProperty().get(), range + " history");
        return viewModel.historyProperty().get();
    }

    private static ChartLine line(MinerHistory history, ChartKind kind, String name) {
        return history.lines(kind).stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " has no line " + name + ": " + history.lines(kind)));
    }

    @Test
    void theHeaderShowsIdentityLiveValuesAndCurrentSettings() throws InterruptedException {
        viewModel.open(MINER);
        until(() -> viewModel.headerProperty().get() != null, "header");

        HeaderText header = viewModel.headerProperty().get();
        assertThat(header.minerId()).isEqualTo("m-001");
        assertThat(header.model()).isEqualTo("Antminer S19j Pro · Vnish 1.2.7");
        assertThat(header.location()).isEqualTo("hall-a / R1 / 1-1");
        assertThat(header.address()).isEqualTo("10.0.0.1");
        assertThat(header.status()).isEqualTo("Mining");
        assertThat(header.hashrate()).isEqualTo("99.0 TH/s");
        assertThat(header.percentOfRated()).isEqualTo("95 % of rated 104.0 TH/s");
        assertThat(header.lastSeen()).isEqualTo("60 s ago");
        assertThat(header.stale()).isFalse();
        assertThat(header.settings()).extracting(HeaderText.Setting::value)
                .containsExactly("3100", "525 MHz", "13.60 V", "stratum+tcp://btc.pool.example:3333");
    }

    @Test
    void aMinerNeverPolledSaysSoAndAHeaderReadForAnotherMinerIsIgnored() throws InterruptedException {
        MinerDetailReader reader = new MinerDetailReader(store, CATALOG, CLOCK, SETTINGS);
        viewModel.open(QUIET);
        until(() -> viewModel.headerProperty().get() != null, "header");
        assertThat(viewModel.headerProperty().get().status()).isEqualTo("Never polled");
        until(() -> !viewModel.loadingProperty().get(), "history");
        assertThat(viewModel.messageProperty().get()).isEqualTo("No telemetry from m-002 in the last 1 h.");

        viewModel.updateHeader(reader.header(MINER).orElseThrow());

        assertThat(viewModel.headerProperty().get().minerId()).isEqualTo("m-002");
    }

    @Test
    void aMinerNoLongerRegisteredIsExplained() throws InterruptedException {
        viewModel.open(MinerId.of("m-gone"));
        until(() -> viewModel.messageProperty().get().contains("no longer registered"), "the explanation");
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("m-gone is no longer registered; go back to the list of miners.");
    }

    @Test
    void theHourRangeReadsEveryPollWithOneLinePerHashboardAndNoBand() throws InterruptedException {
        MinerHistory hour = openAndRead(DetailRange.HOUR);

        assertThat(hour.from()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(hour.samples()).isEqualTo(60);
        assertThat(hour.lines(ChartKind.HASHRATE)).extracting(ChartLine::name)
                .containsExactly("Total", "Board 1", "Board 2", "Board 3");
        // the polls that found the miner offline count as no hashrate, so the outage shows as a drop to zero
        assertThat(line(hour, ChartKind.HASHRATE, "Total").points()).hasSize(60).extracting(Point::value)
                .filteredOn(value -> value == 0.0).hasSize(DetailFixture.OFFLINE_MINUTES);
        assertThat(line(hour, ChartKind.HASHRATE, "Board 2").points()).extracting(Point::value).contains(0.0);
        assertThat(line(hour, ChartKind.FANS, "Slowest fan").points()).extracting(Point::value).contains(0.0);
        assertThat(line(hour, ChartKind.TEMPERATURE, "Hottest chip").points()).extracting(Point::value)
                .contains(95.0);
        assertThat(hour.lines(ChartKind.REJECTS)).isNotEmpty();
        assertThat(hour.unit(ChartKind.EFFICIENCY)).isEqualTo("J/TH");
    }

    @Test
    void theDayRangeReadsFiveMinuteBucketsWithAMinMaxBand() throws InterruptedException {
        MinerHistory day = openAndRead(DetailRange.DAY);

        ChartLine total = line(day, ChartKind.HASHRATE, "Total");
        assertThat(total.points()).hasSizeBetween(24 * 12 - 2, 24 * 12 + 1);
        assertThat(total.points().get(1).epochSecond() - total.points().get(0).epochSecond()).isEqualTo(300);
        ChartLine max = day.lines(ChartKind.HASHRATE).stream().filter(l -> l.role() == Role.MAX).findFirst()
                .orElseThrow();
        ChartLine min = day.lines(ChartKind.POWER).stream().filter(l -> l.role() == Role.MIN).findFirst()
                .orElseThrow();
        assertThat(max.points().get(10).value()).isGreaterThan(total.points().get(10).value());
        assertThat(min.points().get(10).value())
                .isLessThan(line(day, ChartKind.POWER, "Power").points().get(10).value());
    }

    @Test
    void theWeekAndMonthRangesReadHourlyBuckets() throws InterruptedException {
        MinerHistory week = openAndRead(DetailRange.WEEK);
        List<Point> points = line(week, ChartKind.POWER, "Power").points();
        // 26 hours of history: 26 or 27 hourly buckets, whichever way the hours fall
        assertThat(points).hasSizeBetween(26, 27);
        assertThat(points.get(1).epochSecond() - points.get(0).epochSecond()).isEqualTo(3_600);

        viewModel.selectRange(DetailRange.MONTH);
        until(() -> viewModel.historyProperty().get().range() == DetailRange.MONTH, "month history");
        assertThat(viewModel.historyProperty().get().from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(line(viewModel.historyProperty().get(), ChartKind.POWER, "Power").points()).hasSize(points.size());
    }

    @Test
    void theEventHistoryListsOutagesLostBoardsStoppedFansAndHotChipsNewestFirst() throws InterruptedException {
        openAndRead(DetailRange.HOUR);

        assertThat(viewModel.events()).extracting(MinerEvent::text).containsExactly(
                "Chip temperature back under 85 °C after 4m (peak 95 °C)",
                "Chip temperature reached 95 °C (limit 85 °C)",
                "All fans spinning again",
                "A fan stopped (0 rpm)",
                "Hashboard back: 2 → 3 hashing",
                "Hashboard lost: 3 → 2 hashing",
                "Status Offline → Mining",
                "Status Mining → Offline");
        assertThat(viewModel.events().getLast().at()).isEqualTo(NOW.minus(Duration.ofMinutes(DetailFixture.OFFLINE_AT)));
        assertThat(viewModel.events().getLast().severity()).isEqualTo(MinerEvent.Severity.PROBLEM);
    }

    @Test
    void cancellingASlowLoadStopsItAndKeepsTheChartsShown() throws Exception {
        AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
        CountDownLatch dayStarted = new CountDownLatch(1);
        MinerDetailViewModel slow = new MinerDetailViewModel(new MinerDetailReader(slowSeries(store, gate,
                dayStarted), CATALOG, CLOCK, SETTINGS), jobs, SETTINGS.staleAfter());
        slow.open(MINER);
        until(() -> slow.historyProperty().get() != null, "the hour");
        MinerHistory hour = slow.historyProperty().get();

        gate.set(new CountDownLatch(1));
        slow.selectRange(DetailRange.DAY);
        dayStarted.await();
        assertThat(slow.loadingProperty().get()).isTrue();
        slow.cancelLoad();
        // the read is interrupted; opening the gate as well means a read that missed the interrupt still ends, and
        // its result must then be dropped because the load was cancelled
        gate.get().countDown();

        until(() -> !slow.loadingProperty().get(), "the cancel");
        assertThat(slow.messageProperty().get()).isEqualTo("Loading cancelled; pick a range to read it again.");
        assertThat(slow.historyProperty().get()).isSameAs(hour);
    }

    /** The store, with {@code series} waiting for the gate to open (interruptibly, as a cancelled read stops). */
    private static FarmStore slowSeries(FarmStore real, AtomicReference<CountDownLatch> gate,
                                        CountDownLatch closedGateReached) {
        TelemetryStore telemetry = (TelemetryStore) Proxy.newProxyInstance(TelemetryStore.class.getClassLoader(),
                new Class<?>[] {TelemetryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("series")) {
                        CountDownLatch current = gate.get();
                        if (current.getCount() > 0) {
                            closedGateReached.countDown();
                        }
                        current.await();
                    }
                    try {
                        return method.invoke(real.telemetry(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (FarmStore) Proxy.newProxyInstance(FarmStore.class.getClassLoader(), new Class<?>[] {FarmStore.class},
                (proxy, method, args) -> method.getName().equals("telemetry") ? telemetry
                        : method.invoke(real, args));
    }
}
