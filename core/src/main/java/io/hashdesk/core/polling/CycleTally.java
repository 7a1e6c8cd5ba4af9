package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerAccessException.Failure;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Counts one cycle's outcomes into its {@link PollMetrics}. */
final class CycleTally {

    private final Duration lateAfter;
    private final Map<Failure, Long> failedByKind = new EnumMap<>(Failure.class);
    private long polled;
    private long ok;
    private long deadlineExceeded;
    private long skipped;
    private long late;
    private Duration maxQueueLag = Duration.ZERO;

    CycleTally(Duration lateAfter) {
        this.lateAfter = lateAfter;
    }

    void count(PollOutcome outcome) {
        if (outcome.result() == PollOutcome.Result.SKIPPED) {
            skipped++;
            return;
        }
        polled++;
        if (outcome.result() == PollOutcome.Result.OK) {
            ok++;
        } else {
            failedByKind.merge(outcome.failureKind(), 1L, Long::sum);
        }
        if (outcome.deadlineExceeded()) {
            deadlineExceeded++;
        }
        Duration lag = Duration.between(outcome.state().due(), outcome.startedAt());
        if (lag.compareTo(lateAfter) > 0) {
            late++;
        }
        if (lag.compareTo(maxQueueLag) > 0) {
            maxQueueLag = lag;
        }
    }

    PollMetrics metrics(Duration cycleTime, long carriedOver, Duration ingestTime, long ingestRejected,
                        long ingestLost) {
        return new PollMetrics(1, cycleTime, cycleTime, polled, ok, failedByKind, deadlineExceeded, skipped, late,
                carriedOver, maxQueueLag, ingestTime, ingestRejected, ingestLost);
    }
}
