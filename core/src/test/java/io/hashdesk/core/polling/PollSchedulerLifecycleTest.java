package io.hashdesk.core.polling;

import static io.hashdesk.core.polling.Fleet.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, ticking on its own thread, and closing without losing the cycle in progress. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PollSchedulerLifecycleTest {

    private static final long GENEROUS_SECONDS = 10;
    private static final PollSettings FAST_TICKS = Fleet.settings("""
            {"tickInterval": "PT0.02S", "perMinerTimeout": "PT30S"}""");

    @Test
    void aStartedSchedulerPollsOnItsOwnAsTheClockMoves() throws InterruptedException {
        try (FakeFarm farm = new FakeFarm(2, FAST_TICKS)) {
            BlockingQueue<PollCycle> heard = new LinkedBlockingQueue<>();
            farm.scheduler.addListener(heard::add);

            farm.scheduler.start();
            PollCycle first = heard.poll(GENEROUS_SECONDS, TimeUnit.SECONDS);
            farm.clock.advance(Duration.ofSeconds(60));
            PollCycle second = heard.poll(GENEROUS_SECONDS, TimeUnit.SECONDS);

            assertEquals(FakeFarm.T0, first.startedAt());
            assertEquals(FakeFarm.T0.plusSeconds(60), second.startedAt());
            assertEquals(2, farm.reader.reads(id(0)));
        }
    }

    @Test
    void closeWaitsForTheReadInFlightAndStoresItsCycle() throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        FakeFarm farm = new FakeFarm(1, FAST_TICKS);
        farm.reader.set(id(0), m -> {
            reading.countDown();
            answer.await();
            return Fleet.mining(m.id(), farm.clock.instant());
        });
        farm.scheduler.start();
        assertTrue(reading.await(GENEROUS_SECONDS, TimeUnit.SECONDS));

        Thread closing = Thread.ofVirtual().start(farm::close);
        closing.join(Duration.ofMillis(200));
        assertTrue(closing.isAlive(), "close returned while a read was still running");
        answer.countDown();
        closing.join(Duration.ofSeconds(GENEROUS_SECONDS));

        assertFalse(closing.isAlive());
        assertEquals(1, farm.store.batches.size());
        TelemetrySnapshot stored = farm.store.of(id(0)).getFirst();
        assertEquals(MinerStatus.MINING, stored.status());
    }

    @Test
    void aClosedSchedulerRefusesToPollAndClosingTwiceIsHarmless() {
        FakeFarm farm = new FakeFarm(1, PollSettings.defaults());
        farm.close();
        farm.close();

        assertThrows(IllegalStateException.class, farm.scheduler::pollDue);
        assertThrows(IllegalStateException.class, farm.scheduler::start);
    }
}
