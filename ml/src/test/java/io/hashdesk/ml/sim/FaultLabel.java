package io.hashdesk.ml.sim;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.Objects;

/**
 * Ground truth for the models: this unit had this condition from {@code from} until {@code until} (exclusive;
 * {@code null} = still at the end of the history).
 *
 * @param source where the label comes from: {@code "injected"}, {@code "settings"}, {@code "wear"} (a failure time
 *               the simulator seeded), {@code "blueprint"}
 */
public record FaultLabel(MinerId miner, Condition condition, Instant from, Instant until, String source) {

    public FaultLabel {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(source, "source");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("label of " + miner + " ends (" + until + ") before it starts (" + from
                    + ")");
        }
    }

    /** Whether the condition holds at {@code at}. */
    public boolean activeAt(Instant at) {
        return !at.isBefore(from) && (until == null || at.isBefore(until));
    }

    /** Whether the condition holds at any moment of {@code [start, end)}. */
    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && (until == null || until.isAfter(start));
    }

    FaultLabel endingAt(Instant end) {
        return new FaultLabel(miner, condition, from, end.isBefore(from) ? from : end, source);
    }
}
