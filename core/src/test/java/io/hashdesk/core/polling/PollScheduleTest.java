package io.hashdesk.core.polling;

import static io.hashdesk.core.polling.FakeFarm.T0;
import static io.hashdesk.core.polling.FakeFarm.seconds;
import static io.hashdesk.core.polling.Fleet.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** When miners are polled: interval, trouble interval, back-off, breaker, inventory changes. */
class PollScheduleTest {

    private static Set<MinerId> ids(List<TelemetrySnapshot> batch) {
        return batch.stream().map(TelemetrySnapshot::minerId).collect(Collectors.toSet());
    }

    private static List<MinerStatus> statuses(List<TelemetrySnapshot> snapshots) {
        return snapshots.stream().map(TelemetrySnapshot::status).toList();
    }

    private static List<Long> times(List<TelemetrySnapshot> snapshots) {
        return seconds(snapshots.stream().map(TelemetrySnapshot::takenAt).toList());
    }

    @Test
    void healthyMinersArePolledOncePerIntervalAndEachCycleIsStoredAsOneBatch() {
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            List<PollCycle> cycles = farm.runFor(Duration.ofMinutes(3));

            assertEquals(List.of(0L, 60L, 120L), seconds(cycles.stream().map(PollCycle::startedAt).toList()));
            assertEquals(3, farm.store.batches.size(), "one ingest per cycle");
            for (List<TelemetrySnapshot> batch : farm.store.batches) {
                assertEquals(Set.of(id(0), id(1), id(2)), ids(batch));
                assertEquals(List.of(MinerStatus.MINING, MinerStatus.MINING, MinerStatus.MINING), statuses(batch));
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of(0L, 60L, 120L), seconds(farm.reader.readTimes(id(i))));
                MinerHealth health = farm.scheduler.health(id(i)).orElseThrow();
                assertEquals(MinerStatus.MINING, health.status());
                assertEquals(BreakerState.CLOSED, health.breaker());
                assertEquals(T0.plusSeconds(180), health.nextPollDue());
            }
        }
    }

    @Test
    void aHotOrNotMiningMinerIsPolledAtTheTroubleIntervalUntilItRecovers() {
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            farm.reader.set(id(0), m -> Fleet.reading(m.id(), farm.clock.instant(), MinerStatus.MINING, 90.0));
            farm.reader.set(id(1), m -> Fleet.reading(m.id(), farm.clock.instant(), MinerStatus.STARTING, 60.0));

            farm.runFor(Duration.ofSeconds(60));
            farm.reader.heal(id(0));
            farm.runUntil(150);

            assertEquals(List.of(0L, 15L, 30L, 45L, 60L, 120L), seconds(farm.reader.readTimes(id(0))));
            assertEquals(List.of(0L, 15L, 30L, 45L, 60L, 75L, 90L, 105L, 120L, 135L),
                    seconds(farm.reader.readTimes(id(1))));
            assertEquals(List.of(0L, 60L, 120L), seconds(farm.reader.readTimes(id(2))));
        }
    }

    @Test
    void aMinerWithItsOwnIntervalIsPolledAtIt() {
        try (FakeFarm farm = new FakeFarm(2, Fleet.settings("""
                {"minerIntervals": {"m-00001": "PT20S"}}"""))) {
            farm.runFor(Duration.ofSeconds(60));

            assertEquals(List.of(0L), seconds(farm.reader.readTimes(id(0))));
            assertEquals(List.of(0L, 20L, 40L), seconds(farm.reader.readTimes(id(1))));
        }
    }

    @Test
    void aFailingMinerBacksOffExponentiallyUpToTheMaximumAndIsRecordedOffline() {
        try (FakeFarm farm = new FakeFarm(2, Fleet.settings("""
                {"backoffJitter": 0.0, "backoffInitial": "PT10S", "backoffMultiplier": 2.0, "backoffMax": "PT40S",
                 "breakerFailureThreshold": 10}"""))) {
            farm.reader.fail(id(0), Failure.UNREACHABLE, "connection refused");

            farm.runFor(Duration.ofSeconds(160));

            assertEquals(List.of(0L, 10L, 30L, 70L, 110L, 150L), seconds(farm.reader.readTimes(id(0))));
            List<TelemetrySnapshot> stored = farm.store.of(id(0));
            assertEquals(List.of(0L, 10L, 30L, 70L, 110L, 150L), times(stored));
            assertTrue(stored.stream().allMatch(s -> s.status() == MinerStatus.OFFLINE && s.hashrateThs() == null));
            MinerHealth health = farm.scheduler.health(id(0)).orElseThrow();
            assertEquals(6, health.consecutiveFailures());
            assertEquals(BreakerState.CLOSED, health.breaker());
            assertEquals(new PollFailure(Failure.UNREACHABLE, "connection refused", T0.plusSeconds(150)),
                    health.lastFailure().orElseThrow());
            assertEquals(List.of(0L, 60L, 120L), seconds(farm.reader.readTimes(id(1))), "the healthy one is unaffected");
        }
    }

    @Test
    void minersThatFailTogetherAreRetriedSpreadOutWithinTheJitter() {
        try (FakeFarm farm = new FakeFarm(50, Fleet.settings("""
                {"backoffInitial": "PT100S", "backoffJitter": 0.2}"""))) {
            for (int i = 0; i < 50; i++) {
                farm.reader.fail(id(i), Failure.UNREACHABLE, "switch down");
            }

            farm.runFor(Duration.ofSeconds(1));

            List<Instant> retries = farm.scheduler.health().values().stream().map(MinerHealth::nextPollDue).toList();
            assertEquals(50, retries.size());
            assertTrue(retries.stream().allMatch(t -> !t.isBefore(T0.plusSeconds(80)) && !t.isAfter(T0.plusSeconds(120))),
                    retries::toString);
            assertTrue(Set.copyOf(retries).size() >= 40, "retries spread out, not in lockstep: " + retries);
        }
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresRecordsWithoutReadingProbesAfterTheCoolDownAndClosesOnSuccess() {
        try (FakeFarm farm = new FakeFarm(1, Fleet.settings("""
                {"backoffJitter": 0.0, "backoffInitial": "PT10S", "backoffMultiplier": 1.0, "backoffMax": "PT10S",
                 "breakerFailureThreshold": 3, "breakerOpenDuration": "PT60S", "openBreakerRecordInterval": "PT20S"}
                """))) {
            List<BreakerState> seenWhileProbing = new CopyOnWriteArrayList<>();
            farm.reader.set(id(0), m -> {
                farm.scheduler.health(m.id()).ifPresent(h -> seenWhileProbing.add(h.breaker()));
                throw new MinerAccessException(Failure.TIMEOUT, "no reply in 3 s");
            });

            farm.runUntil(30);
            MinerHealth opened = farm.scheduler.health(id(0)).orElseThrow();
            assertEquals(BreakerState.OPEN, opened.breaker());
            assertEquals(3, opened.consecutiveFailures());

            farm.runUntil(130);
            assertEquals(BreakerState.OPEN, farm.scheduler.health(id(0)).orElseThrow().breaker(), "probe failed");
            farm.reader.heal(id(0));
            farm.runUntil(210);

            assertEquals(List.of(0L, 10L, 20L, 80L, 140L, 200L), seconds(farm.reader.readTimes(id(0))));
            assertEquals(List.of(BreakerState.CLOSED, BreakerState.CLOSED, BreakerState.HALF_OPEN), seenWhileProbing,
                    "the breaker as seen by reads 2, 3 and the first probe");
            List<TelemetrySnapshot> stored = farm.store.of(id(0));
            assertEquals(List.of(0L, 10L, 20L, 40L, 60L, 80L, 100L, 120L, 140L, 200L), times(stored));
            assertEquals(List.of(MinerStatus.OFFLINE, MinerStatus.OFFLINE, MinerStatus.OFFLINE, MinerStatus.OFFLINE,
                    MinerStatus.OFFLINE, MinerStatus.OFFLINE, MinerStatus.OFFLINE, MinerStatus.OFFLINE,
                    MinerStatus.MINING, MinerStatus.MINING), statuses(stored));
            MinerHealth closed = farm.scheduler.health(id(0)).orElseThrow();
            assertEquals(BreakerState.CLOSED, closed.breaker());
            assertEquals(0, closed.consecutiveFailures());
            assertEquals(Failure.TIMEOUT, closed.lastFailure().orElseThrow().kind(), "the last failure stays visible");
            assertEquals(4, farm.scheduler.totals().skippedByOpenBreaker());
        }
    }

    @Test
    void refusedCredentialsAreRecordedAsAuthFailedAndRetriedOnlyAfterTheLongBackoff() {
        try (FakeFarm farm = new FakeFarm(1, Fleet.settings("""
                {"backoffJitter": 0.0, "nonTransientBackoff": "PT10M", "openBreakerRecordInterval": "PT2M"}"""))) {
            farm.reader.fail(id(0), Failure.AUTH_FAILED, "password refused");

            farm.runFor(Duration.ofMinutes(11));

            assertEquals(List.of(0L, 600L), seconds(farm.reader.readTimes(id(0))));
            List<TelemetrySnapshot> stored = farm.store.of(id(0));
            assertEquals(List.of(0L, 120L, 240L, 360L, 480L, 600L), times(stored));
            assertTrue(stored.stream().allMatch(s -> s.status() == MinerStatus.AUTH_FAILED), statuses(stored)::toString);
            MinerHealth health = farm.scheduler.health(id(0)).orElseThrow();
            assertEquals(MinerStatus.AUTH_FAILED, health.status());
            assertEquals("password refused", health.lastFailure().orElseThrow().message());
            assertEquals(BreakerState.OPEN, health.breaker());
        }
    }

    @Test
    void newCredentialsEndTheAuthFailureBackoffAtOnce() {
        try (FakeFarm farm = new FakeFarm(1, Fleet.settings("""
                {"backoffJitter": 0.0, "inventoryRefreshInterval": "PT5S"}"""))) {
            farm.reader.fail(id(0), Failure.AUTH_FAILED, "password refused");
            farm.runUntil(30);

            farm.reader.heal(id(0));
            farm.fleet.replace(Fleet.withCredentials(Fleet.miner(0), "vault-7"));
            farm.runUntil(40);

            assertEquals(List.of(0L, 30L), seconds(farm.reader.readTimes(id(0))));
            MinerHealth health = farm.scheduler.health(id(0)).orElseThrow();
            assertEquals(MinerStatus.MINING, health.status());
            assertEquals(BreakerState.CLOSED, health.breaker());
        }
    }

    @Test
    void newlyRegisteredMinersArePickedUpAndRemovedOnesDropped() {
        try (FakeFarm farm = new FakeFarm(3, Fleet.settings("""
                {"inventoryRefreshInterval": "PT5S"}"""))) {
            farm.runUntil(10);

            farm.fleet.add(Fleet.miner(3));
            farm.fleet.remove(id(0));
            farm.runUntil(70);

            assertEquals(List.of(10L), seconds(farm.reader.readTimes(id(3))));
            assertEquals(List.of(0L), seconds(farm.reader.readTimes(id(0))));
            assertEquals(List.of(0L, 60L), seconds(farm.reader.readTimes(id(1))));
            assertEquals(Set.of(id(1), id(2), id(3)), farm.scheduler.health().keySet());
            assertEquals(List.of(0L), times(farm.store.of(id(0))));
        }
    }
}
