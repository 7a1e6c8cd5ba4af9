package io.hashdesk.core.polling;

import static io.hashdesk.core.polling.Fleet.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The poller's own per-miner deadline and concurrency bound, with readers that really block. The deadline here is
 * short; the JUnit timeouts are generous bounds that only a poller waiting for a hung reader would hit.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PollDeadlineTest {

    private static final PollSettings SHORT_DEADLINE = Fleet.settings("""
            {"perMinerTimeout": "PT0.3S", "backoffJitter": 0.0}""");

    /** Blocks until released, and goes on blocking when interrupted, as a driver stuck in native I/O would. */
    private static void awaitIgnoringInterrupts(CountDownLatch release) {
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException ignoredOnPurpose) {
                // The point of this reader is that it does not give up.
            }
        }
    }

    @Test
    void aHungReaderIsAbandonedAtTheDeadlineAndRecordedAsTimedOutWhileTheOthersAreStored() {
        try (FakeFarm farm = new FakeFarm(3, SHORT_DEADLINE)) {
            farm.reader.set(id(0), m -> {
                new CountDownLatch(1).await();
                throw new AssertionError("unreachable: the latch is never released");
            });

            PollCycle cycle = farm.scheduler.pollDue().orElseThrow();

            assertEquals(3, cycle.snapshots().size());
            TelemetrySnapshot hung = cycle.snapshots().stream().filter(s -> s.minerId().equals(id(0))).findFirst()
                    .orElseThrow();
            assertEquals(MinerStatus.OFFLINE, hung.status());
            assertEquals(2, cycle.snapshots().stream().filter(s -> s.status() == MinerStatus.MINING).count());
            PollFailure failure = farm.scheduler.health(id(0)).orElseThrow().lastFailure().orElseThrow();
            assertEquals(Failure.TIMEOUT, failure.kind());
            assertTrue(failure.message().contains("300 ms"), failure.message());
            assertEquals(1, cycle.metrics().deadlineExceeded());
            assertEquals(1, cycle.metrics().failed(Failure.TIMEOUT));
        }
    }

    @Test
    void aReadThatIgnoresTheInterruptGivesUpItsSlotAndIsNotStartedAgainWhileStuck() {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeFarm farm = new FakeFarm(2, Fleet.settings("""
                {"perMinerTimeout": "PT0.3S", "backoffJitter": 0.0, "maxConcurrency": 1}"""))) {
            farm.reader.set(id(0), m -> {
                awaitIgnoringInterrupts(release);
                return Fleet.mining(m.id(), farm.clock.instant());
            });

            PollCycle first = farm.scheduler.pollDue().orElseThrow();
            farm.clock.advance(Duration.ofSeconds(15));
            PollCycle retry = farm.scheduler.pollDue().orElseThrow();

            assertEquals(1, first.metrics().ok(), "the other miner got the only slot after the deadline");
            assertEquals(1, first.metrics().deadlineExceeded());
            assertEquals(1, retry.snapshots().size());
            assertEquals(1, farm.reader.reads(id(0)), "no second thread piled onto the stuck one");
            assertTrue(farm.scheduler.health(id(0)).orElseThrow().lastFailure().orElseThrow().message()
                    .contains("still not returned"));
            release.countDown();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aMinerWhoseLastReadTimedOutGetsTheShorterDeadlineInItsOwnLaneAndBlocksNoHealthySlot() {
        AtomicInteger reads = new AtomicInteger();
        try (FakeFarm farm = new FakeFarm(2, Fleet.settings("""
                {"perMinerTimeout": "PT10S", "timedOutTimeout": "PT0.3S", "maxConcurrency": 1,
                 "backoffJitter": 0.0, "backoffInitial": "PT15S"}"""))) {
            farm.reader.set(id(0), m -> {
                if (reads.incrementAndGet() == 1) {
                    throw new MinerAccessException(Failure.TIMEOUT, "the driver's request timed out");
                }
                new CountDownLatch(1).await();
                throw new AssertionError("unreachable: the latch is never released");
            });
            farm.scheduler.pollDue().orElseThrow();
            farm.clock.advance(Duration.ofSeconds(60));

            PollCycle second = farm.scheduler.pollDue().orElseThrow();

            assertEquals(1, second.metrics().ok(), "the healthy miner had its own slot");
            assertEquals(1, second.metrics().deadlineExceeded());
            PollFailure failure = farm.scheduler.health(id(0)).orElseThrow().lastFailure().orElseThrow();
            assertTrue(failure.message().contains("300 ms"), "abandoned at the short deadline: " + failure.message());
        }
    }

    @Test
    void noMoreThanMaxConcurrencyReadsAreInFlightAtOnce() throws InterruptedException {
        int slots = 4;
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        try (FakeFarm farm = new FakeFarm(40, Fleet.settings("""
                {"perMinerTimeout": "PT30S", "maxConcurrency": 4}"""))) {
            for (int i = 0; i < 40; i++) {
                farm.reader.set(id(i), m -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    gate.await();
                    inFlight.decrementAndGet();
                    return Fleet.mining(m.id(), farm.clock.instant());
                });
            }
            AtomicReference<PollCycle> cycle = new AtomicReference<>();
            Thread poller = Thread.ofVirtual().start(() -> cycle.set(farm.scheduler.pollDue().orElseThrow()));

            while (inFlight.get() < slots) {
                Thread.sleep(5);
            }
            // Without the bound the other 36 reads would be piling in now; give them ample time to show.
            Thread.sleep(200);
            gate.countDown();
            poller.join();

            assertEquals(slots, mostInFlight.get());
            assertEquals(40, cycle.get().metrics().ok());
        }
    }
}
