package io.hashdesk.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiagnosticsViewModelTest {

    private final List<String> clipboard = new CopyOnWriteArrayList<>();
    /** Results are delivered on the job's own thread instead of the FX thread. */
    private final JobRunner jobs = new JobRunner(Runnable::run);

    @AfterEach
    void stopJobs() {
        jobs.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 5 s for the bundle job").isBefore(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aWrittenBundleGoesOnTheClipboardAndTheNoticeSaysWhere() throws InterruptedException {
        Path bundle = Path.of("/data/diagnostics/hashdesk-diagnostics-20261127-183005Z.zip");
        DiagnosticsViewModel viewModel = new DiagnosticsViewModel(context -> bundle, jobs, clipboard::add);

        viewModel.copyDiagnostics();
        waitUntil(() -> !viewModel.runningProperty().get());

        assertThat(clipboard).containsExactly(bundle.toString());
        assertThat(viewModel.noticeProperty().get())
                .isEqualTo("Diagnostics saved: hashdesk-diagnostics-20261127-183005Z.zip in /data/diagnostics"
                        + " (path copied to the clipboard)");
    }

    @Test
    void aFailureIsSaidAndNothingGoesOnTheClipboard() throws InterruptedException {
        DiagnosticsViewModel viewModel = new DiagnosticsViewModel(context -> {
            throw new IOException("No space left on device");
        }, jobs, clipboard::add);

        viewModel.copyDiagnostics();
        waitUntil(() -> !viewModel.runningProperty().get());

        assertThat(clipboard).isEmpty();
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Diagnostics could not be saved: No space left on device");
    }

    @Test
    void aSecondClickWhileWritingStartsNoSecondBundle() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        DiagnosticsViewModel viewModel = new DiagnosticsViewModel(context -> {
            started.incrementAndGet();
            release.await();
            return Path.of("/b.zip");
        }, jobs, clipboard::add);

        viewModel.copyDiagnostics();
        viewModel.copyDiagnostics();

        assertThat(viewModel.runningProperty().get()).isTrue();
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Collecting diagnostics…");
        release.countDown();
        waitUntil(() -> !viewModel.runningProperty().get());
        assertThat(started).hasValue(1);
        assertThat(clipboard).containsExactly("/b.zip");
    }
}
