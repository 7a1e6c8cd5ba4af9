package io.hashdesk.core.polling;

import static io.hashdesk.core.polling.Fleet.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stragglers — reads running past {@code stragglerAfter} — neither hold a slot nor hold up the cycle: the cycle is
 * stored without them and a later cycle stores their outcome. The readers here really block; the JUnit timeout is a
 * generous bound that only a poller waiting for a straggler until its deadline would come near.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PollStragglerTest {

    /** Ticks (without moving the test clock) until a cycle stores something. */
    private static PollCycle nextStoredCycle(FakeFarm farm) throws InterruptedException {
        while (true) {
            Optional<PollCycle> cycle = farm.scheduler.pollDue();
            if (cycle.isPresent()) {
                return cycle.get();
            }
            Thread.sleep(20);
        }
    }

    private static TelemetrySnapshot snapshotOf(PollCycle cycle, int miner) {
        return cycle.snapshots().stream().filter(s -> s.minerId().equals(id(miner))).findFirst().orElseThrow();
    }

    @Test
    void theCycleIsStoredWithoutTheStragglerAndTheNextCycleStoresItsAnswer() throws InterruptedException {
        CountDownLatch answer = new CountDownLatch(1);
        try (FakeFarm farm = new FakeFarm(3, Fleet.settings("""
                {"perMinerTimeout": "PT15S", "stragglerAfter": "PT0.1S", "backoffJitter": 0.0}"""))) {
            farm.reader.set(id(0), m -> {
                answer.await();
                return Fleet.mining(m.id(), farm.clock.instant());
            });

            PollCycle first = farm.scheduler.pollDue().orElseThrow();
            answer.countDown();
            PollCycle second = nextStoredCycle(farm);

            assertEquals(2, first.snapshots().size(), "the two miners that answered");
            assertEquals(1, first.metrics().carriedOver());
            assertEquals(0, first.metrics().deadlineExceeded());
            assertEquals(List.of(id(0)), second.snapshots().stream().map(TelemetrySnapshot::minerId).toList());
            assertEquals(MinerStatus.MINING, snapshotOf(second, 0).status());
            assertEquals(1, second.metrics().ok());
            assertEquals(0, farm.scheduler.health(id(0)).orElseThrow().consecutiveFailures());
        } finally {
            answer.countDown();
        }
    }

    @Test
    void aStragglerThatNeverAnswersIsRecordedAsTimedOutAtItsDeadlineByALaterCycle() throws InterruptedException {
        try (FakeFarm farm = new FakeFarm(2, Fleet.settings("""
                {"perMinerTimeout": "PT0.4S", "stragglerAfter": "PT0.1S", "backoffJitter": 0.0}"""))) {
            farm.reader.set(id(0), m -> {
                new CountDownLatch(1).await();
                throw new AssertionError("unreachable: the latch is never released");
            });

            PollCycle first = farm.scheduler.pollDue().orElseThrow();
            PollCycle later = nextStoredCycle(farm);

            assertEquals(1, first.metrics().carriedOver());
            assertEquals(MinerStatus.OFFLINE, snapshotOf(later, 0).status());
            assertEquals(1, later.metrics().deadlineExceeded());
            PollFailure failure = farm.scheduler.health(id(0)).orElseThrow().lastFailure().orElseThrow();
            assertEquals(Failure.TIMEOUT, failure.kind());
            assertTrue(failure.message().contains("400 ms"), failure.message());
        }
    }

    @Test
    void aStragglerHandsItsSlotToTheNextMinerInsteadOfHoldingItUntilTheDeadline() {
        CountDownLatch answer = new CountDownLatch(1);
        try (FakeFarm farm = new FakeFarm(3, Fleet.settings("""
                {"perMinerTimeout": "PT15S", "stragglerAfter": "PT0.1S", "maxConcurrency": 1,
                 "backoffJitter": 0.0}"""))) {
            farm.reader.set(id(0), m -> {
                answer.await();
                return Fleet.mining(m.id(), farm.clock.instant());
            });

            PollCycle cycle = farm.scheduler.pollDue().orElseThrow();
            answer.countDown();

            assertEquals(2, cycle.metrics().ok(), "both other miners read through the one slot");
            assertEquals(1, cycle.metrics().carriedOver());
            assertEquals(0, cycle.metrics().deadlineExceeded());
        } finally {
            answer.countDown();
        }
    }

    @Test
    void aMinerIsNotReadAgainWhileItsStragglingReadRuns() {
        CountDownLatch answer = new CountDownLatch(1);
        try (FakeFarm farm = new FakeFarm(2, Fleet.settings("""
                {"interval": "PT1S", "troubleInterval": "PT1S", "perMinerTimeout": "PT15S",
                 "stragglerAfter": "PT0.1S", "backoffJitter": 0.0}"""))) {
            farm.reader.set(id(0), m -> {
                answer.await();
                return Fleet.mining(m.id(), farm.clock.instant());
            });

            farm.runFor(Duration.ofSeconds(5));
            answer.countDown();

            assertEquals(1, farm.reader.reads(id(0)));
            assertTrue(farm.reader.reads(id(1)) >= 4, "the other miner kept its 1 s schedule");
        } finally {
            answer.countDown();
        }
    }

    @Test
    void closingWaitsForTheStragglersAndStoresTheirOutcome() {
        CountDownLatch answer = new CountDownLatch(1);
        FakeFarm farm = new FakeFarm(2, Fleet.settings("""
                {"perMinerTimeout": "PT15S", "stragglerAfter": "PT0.1S", "backoffJitter": 0.0}"""));
        farm.reader.set(id(0), m -> {
            answer.await(300, TimeUnit.MILLISECONDS);
            return Fleet.mining(m.id(), farm.clock.instant());
        });
        farm.scheduler.pollDue().orElseThrow();

        farm.close();

        assertEquals(1, farm.store.of(id(0)).size());
        assertEquals(MinerStatus.MINING, farm.store.of(id(0)).getFirst().status());
    }
}
