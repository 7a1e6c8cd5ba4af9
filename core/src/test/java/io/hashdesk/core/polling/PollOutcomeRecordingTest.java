package io.hashdesk.core.polling;

import static io.hashdesk.core.polling.FakeFarm.T0;
import static io.hashdesk.core.polling.Fleet.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What is recorded for each kind of result, and the metrics counted from them. */
class PollOutcomeRecordingTest {

    private static Map<MinerId, TelemetrySnapshot> byMiner(PollCycle cycle) {
        return cycle.snapshots().stream().collect(Collectors.toMap(TelemetrySnapshot::minerId, Function.identity()));
    }

    @Test
    void aReaderThrowingAnUnexpectedExceptionCostsOnlyThatMinerItsPoll() {
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            farm.reader.set(id(0), m -> {
                throw new IllegalStateException("parser exploded at byte 17");
            });

            PollCycle cycle = farm.scheduler.pollDue().orElseThrow();
            farm.runUntil(61);

            Map<MinerId, TelemetrySnapshot> stored = byMiner(cycle);
            assertEquals(MinerStatus.UNKNOWN, stored.get(id(0)).status());
            assertEquals(MinerStatus.MINING, stored.get(id(1)).status());
            assertEquals(MinerStatus.MINING, stored.get(id(2)).status());
            PollFailure failure = farm.scheduler.health(id(0)).orElseThrow().lastFailure().orElseThrow();
            assertEquals(Failure.MALFORMED_REPLY, failure.kind());
            assertTrue(failure.message().contains("parser exploded at byte 17"), failure.message());
            assertEquals(1, cycle.metrics().failed(Failure.MALFORMED_REPLY));
            assertTrue(farm.reader.reads(id(0)) >= 2, "retried: the scheduler lives on");
            assertEquals(2, farm.reader.reads(id(1)));
        }
    }

    @Test
    void aMissingForeignOrImplausibleSnapshotIsRecordedAsAMalformedReply() {
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            farm.reader.set(id(0), m -> null);
            farm.reader.set(id(1), m -> Fleet.mining(id(2), farm.clock.instant()));
            farm.reader.set(id(2), m -> new TelemetrySnapshot(m.id(), farm.clock.instant(), MinerStatus.MINING, -5.0,
                    null, List.of(), null, null, List.of(), null, null, null, null, null, null, null, null, null, null));

            PollCycle cycle = farm.scheduler.pollDue().orElseThrow();

            assertEquals(3, cycle.metrics().failed(Failure.MALFORMED_REPLY));
            assertTrue(cycle.snapshots().stream().allMatch(s -> s.status() == MinerStatus.UNKNOWN));
            assertFailureMentions(farm, 0, "no snapshot");
            assertFailureMentions(farm, 1, "m-00002");
            assertFailureMentions(farm, 2, "implausible values: hashrate");
        }
    }

    private static void assertFailureMentions(FakeFarm farm, int miner, String words) {
        String message = farm.scheduler.health(id(miner)).orElseThrow().lastFailure().orElseThrow().message();
        assertTrue(message.contains(words), message);
    }

    @Test
    void cycleMetricsCountOkFailuresByKindAndLateReads() {
        try (FakeFarm farm = new FakeFarm(4, Fleet.settings("""
                {"backoffJitter": 0.0, "backoffInitial": "PT15S", "lateAfter": "PT5S"}"""))) {
            farm.reader.fail(id(1), Failure.UNREACHABLE, "no route to host");
            farm.reader.fail(id(2), Failure.AUTH_FAILED, "password refused");
            farm.reader.fail(id(3), Failure.TIMEOUT, "no reply in 3 s");

            PollMetrics first = farm.scheduler.pollDue().orElseThrow().metrics();
            farm.clock.advance(Duration.ofSeconds(70));
            PollMetrics second = farm.scheduler.pollDue().orElseThrow().metrics();

            assertEquals(1, first.cycles());
            assertEquals(4, first.polled());
            assertEquals(1, first.ok());
            assertEquals(Map.of(Failure.UNREACHABLE, 1L, Failure.AUTH_FAILED, 1L, Failure.TIMEOUT, 1L),
                    first.failedByKind());
            assertEquals(0, first.late());
            assertEquals(0, first.deadlineExceeded(), "the reader's own timeout is not the poller's deadline");
            assertEquals(3, second.polled(), "the miner with refused credentials waits out its long back-off");
            assertEquals(3, second.late(), "due at 60 s and 15 s, read at 70 s");
            assertEquals(Duration.ofSeconds(55), second.maxQueueLag());
            PollMetrics totals = farm.scheduler.totals();
            assertEquals(2, totals.cycles());
            assertEquals(7, totals.polled());
            assertEquals(2, totals.ok());
            assertEquals(5, totals.failed());
            assertEquals(2, totals.failed(Failure.UNREACHABLE));
            assertEquals(0, totals.ingestRejected());
        }
    }

    @Test
    void aFailedIngestIsCountedAsLostAndPollingGoesOn() {
        try (FakeFarm farm = new FakeFarm(3, PollSettings.defaults())) {
            farm.runFor(Duration.ofSeconds(1));
            farm.store.failFromNowOn();

            farm.runUntil(60);
            PollCycle lost = farm.scheduler.pollDue().orElseThrow();
            farm.runUntil(121);

            assertEquals(3, lost.metrics().ingestLost());
            assertEquals(0, lost.ingest().stored());
            assertEquals(T0.plusSeconds(180), farm.scheduler.health(id(0)).orElseThrow().nextPollDue());
            assertEquals(3, farm.reader.reads(id(0)));
            assertEquals(6, farm.scheduler.totals().ingestLost());
        }
    }
}
