package io.hashdesk.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.training.RetrainingRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScheduledRetrainingTest {

    private static final Duration SOON = Duration.ofMillis(10);
    private static final RetrainingRun NOTHING_DUE = new RetrainingRun(List.of());

    @Test
    void aFailedRunDoesNotStopLaterChecks() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        Function<TrainingProgress, RetrainingRun> work = progress -> {
            third.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("store unavailable");
            }
            return NOTHING_DUE;
        };

        try (ScheduledRetraining scheduled = ScheduledRetraining.start(work, SOON, SOON)) {
            assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void runsGoThroughTheRunnerGivenLaterAndNeverOverlap() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger throughRunner = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(3);
        Function<TrainingProgress, RetrainingRun> work = progress -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return NOTHING_DUE;
        };

        try (ScheduledRetraining scheduled = ScheduledRetraining.start(work, Duration.ofMillis(200), SOON)) {
            scheduled.runThrough((title, job) -> {
                throughRunner.incrementAndGet();
                RetrainingRun run = job.apply(TrainingProgress.NONE);
                done.countDown();
                return run;
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(throughRunner.get()).isGreaterThanOrEqualTo(3);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void closingStopsTheChecks() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        ScheduledRetraining scheduled = ScheduledRetraining.start(progress -> {
            runs.incrementAndGet();
            return NOTHING_DUE;
        }, SOON, SOON);
        Thread.sleep(100);

        scheduled.close();
        int afterClose = runs.get();
        Thread.sleep(100);

        assertThat(runs.get()).isEqualTo(afterClose);
    }
}
