package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerAccessException.Failure;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the poller is doing, for one cycle or summed over many ({@link #plus}). A cycle is one tick that found
 * miners due: their reads, the status records of open breakers and one store ingest.
 *
 * @param cycles               cycles counted here
 * @param cycleTime            wall time spent in them, reads and ingest included
 * @param longestCycle         the longest of them
 * @param polled               reads attempted (each ends {@code ok} or in {@code failedByKind})
 * @param ok                   reads that returned a plausible snapshot
 * @param failedByKind         failed reads by kind; only kinds that occurred are present
 * @param deadlineExceeded     reads the poller abandoned at its own per-miner deadline (also counted as TIMEOUT)
 * @param skippedByOpenBreaker miners not read because their breaker was open; their status was recorded
 * @param late                 reads that started more than {@link PollSettings#lateAfter()} after they were due
 * @param carriedOver          reads still running, as stragglers, when the cycle was stored; each one's outcome
 *                             is stored and counted with a later cycle
 * @param maxQueueLag          the longest any miner waited past its due time before its read started
 * @param ingestTime           time spent in the store's ingest
 * @param ingestRejected       snapshots the store refused (the report names each, see the log)
 * @param ingestLost           snapshots lost because an ingest failed outright
 */
public record PollMetrics(long cycles, Duration cycleTime, Duration longestCycle, long polled, long ok,
                          Map<Failure, Long> failedByKind, long deadlineExceeded, long skippedByOpenBreaker,
                          long late, long carriedOver, Duration maxQueueLag, Duration ingestTime, long ingestRejected,
                          long ingestLost) {

    private static final PollMetrics NONE = new PollMetrics(0, Duration.ZERO, Duration.ZERO, 0, 0, Map.of(), 0, 0,
            0, 0, Duration.ZERO, Duration.ZERO, 0, 0);

    public PollMetrics {
        Objects.requireNonNull(cycleTime, "cycle time");
        Objects.requireNonNull(longestCycle, "longest cycle");
        Objects.requireNonNull(maxQueueLag, "max queue lag");
        Objects.requireNonNull(ingestTime, "ingest time");
        failedByKind = inKindOrder(failedByKind);
        if (failedByKind.values().stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("failedByKind holds only kinds that occurred, got " + failedByKind);
        }
    }

    /** Nothing polled yet. */
    public static PollMetrics none() {
        return NONE;
    }

    /** Failed reads of every kind. */
    public long failed() {
        return failedByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failed reads of one kind. */
    public long failed(Failure kind) {
        return failedByKind.getOrDefault(kind, 0L);
    }

    /** These figures and {@code other}'s together: counts and times add up, maxima take the larger. */
    public PollMetrics plus(PollMetrics other) {
        Map<Failure, Long> failures = new EnumMap<>(Failure.class);
        failures.putAll(failedByKind);
        other.failedByKind.forEach((kind, n) -> failures.merge(kind, n, Long::sum));
        return new PollMetrics(cycles + other.cycles, cycleTime.plus(other.cycleTime),
                max(longestCycle, other.longestCycle), polled + other.polled, ok + other.ok, failures,
                deadlineExceeded + other.deadlineExceeded, skippedByOpenBreaker + other.skippedByOpenBreaker,
                late + other.late, carriedOver + other.carriedOver, max(maxQueueLag, other.maxQueueLag), ingestTime.plus(other.ingestTime),
                ingestRejected + other.ingestRejected, ingestLost + other.ingestLost);
    }

    /** Kept in the enum's order so logs and screens list the kinds the same way every time. */
    private static Map<Failure, Long> inKindOrder(Map<Failure, Long> counts) {
        Map<Failure, Long> ordered = new EnumMap<>(Failure.class);
        ordered.putAll(counts);
        return Collections.unmodifiableMap(ordered);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
