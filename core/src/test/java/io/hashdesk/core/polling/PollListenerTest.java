package io.hashdesk.core.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Listeners hear about cycles on their own threads and can neither stop nor slow polling. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PollListenerTest {

    private static final long GENEROUS_SECONDS = 10;

    @Test
    void aListenerReceivesEachCompletedCycle() throws InterruptedException {
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            BlockingQueue<PollCycle> heard = new LinkedBlockingQueue<>();
            farm.scheduler.addListener(heard::add);

            PollCycle cycle = farm.scheduler.pollDue().orElseThrow();

            assertEquals(cycle, heard.poll(GENEROUS_SECONDS, TimeUnit.SECONDS));
            assertEquals(3, cycle.health().size());
        }
    }

    @Test
    void aListenerThatThrowsKeepsReceivingAndPollingGoesOn() throws InterruptedException {
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            Semaphore calls = new Semaphore(0);
            farm.scheduler.addListener(cycle -> {
                calls.release();
                throw new IllegalStateException("listener bug");
            });

            farm.scheduler.pollDue().orElseThrow();
            assertTrue(calls.tryAcquire(GENEROUS_SECONDS, TimeUnit.SECONDS));
            farm.clock.advance(Duration.ofSeconds(60));
            farm.scheduler.pollDue().orElseThrow();

            assertTrue(calls.tryAcquire(GENEROUS_SECONDS, TimeUnit.SECONDS), "called again after throwing");
            assertEquals(6, farm.scheduler.totals().ok());
        }
    }

    @Test
    void aListenerThatBlocksHoldsUpNeitherPollingNorOtherListeners() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            farm.scheduler.addListener(cycle -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            BlockingQueue<PollCycle> heard = new LinkedBlockingQueue<>();
            farm.scheduler.addListener(heard::add);

            Instant lastCycle = null;
            for (int i = 0; i < 3; i++) {
                lastCycle = farm.scheduler.pollDue().orElseThrow().startedAt();
                farm.clock.advance(Duration.ofSeconds(60));
            }

            assertEquals(9, farm.scheduler.totals().ok());
            PollCycle latest = heard.poll(GENEROUS_SECONDS, TimeUnit.SECONDS);
            while (latest != null && !latest.startedAt().equals(lastCycle)) {
                latest = heard.poll(GENEROUS_SECONDS, TimeUnit.SECONDS);
            }
            assertNotNull(latest, "the other listener heard the latest cycle");
        }
    }
}
