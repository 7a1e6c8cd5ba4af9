package io.hashdesk.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The job runner with a queue standing in for the FX thread: the test drains it, so it sees exactly what the FX
 * thread would be asked to do.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JobRunnerTest {

    private final LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    private final JobRunner runner = new JobRunner(fxQueue::add);

    /** Runs what was posted to the "FX thread" until {@code done} holds. */
    private void drainUntil(BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable next = fxQueue.poll(5, TimeUnit.SECONDS);
            if (next != null) {
                next.run();
            }
        }
        for (Runnable next = fxQueue.poll(); next != null; next = fxQueue.poll()) {
            next.run();
        }
    }

    @Test
    void aJobsResultArrivesOnTheFxExecutorAndTheJobLeavesTheRunningList() throws InterruptedException {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Thread> resultThread = new AtomicReference<>();

        JobHandle handle = runner.submit("Import prices.csv", context -> "42 rows", r -> {
            result.set(r);
            resultThread.set(Thread.currentThread());
        }, e -> { });
        drainUntil(() -> result.get() != null);

        assertEquals("42 rows", result.get());
        assertEquals(Thread.currentThread(), resultThread.get(), "delivered by the FX executor");
        assertEquals(JobState.SUCCEEDED, handle.stateProperty().get());
        assertEquals(1.0, handle.progressProperty().get());
        assertTrue(runner.running().isEmpty());
    }

    @Test
    void progressReportsCoalesceToTheNewestWhileTheFxThreadIsBusy() throws InterruptedException {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        JobHandle handle = runner.submit("Scan", context -> {
            for (int i = 1; i <= 1000; i++) {
                context.progress(i / 1000.0, "address " + i + " of 1000");
            }
            reported.countDown();
            finish.await();
            return null;
        }, r -> { }, e -> { });
        reported.await();

        List<Runnable> posted = new CopyOnWriteArrayList<>();
        fxQueue.drainTo(posted);
        posted.forEach(Runnable::run);

        assertTrue(posted.size() <= 3, "a thousand reports did not queue a thousand updates: " + posted.size());
        assertEquals(1.0, handle.progressProperty().get());
        assertEquals("address 1000 of 1000", handle.messageProperty().get());
        finish.countDown();
        drainUntil(() -> handle.stateProperty().get().finished());
    }

    @Test
    void aCancelledJobStopsEndsAsCancelledAndNeitherCallbackRuns() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Object> callback = new AtomicReference<>();
        JobHandle handle = runner.submit("History", context -> {
            started.countDown();
            while (true) {
                context.checkCancelled();
                Thread.sleep(10);
            }
        }, callback::set, callback::set);
        started.await();

        handle.cancel();
        drainUntil(() -> handle.stateProperty().get().finished());

        assertEquals(JobState.CANCELLED, handle.stateProperty().get());
        assertNull(callback.get());
        assertTrue(runner.running().isEmpty());
    }

    @Test
    void aFailureReachesTheScreenWithItsMessage() throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        JobHandle handle = runner.submit("Import", context -> {
            throw new IllegalArgumentException("row 3, column price_usd: 'abc' is not a number");
        }, r -> { }, failure::set);
        drainUntil(() -> failure.get() != null);

        assertEquals(JobState.FAILED, handle.stateProperty().get());
        assertEquals("row 3, column price_usd: 'abc' is not a number", handle.messageProperty().get());
    }
}
