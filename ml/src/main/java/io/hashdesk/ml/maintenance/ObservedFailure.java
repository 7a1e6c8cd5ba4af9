package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A failure recognised in a unit's stored history: the label the maintenance model learns from.
 *
 * @param at     start of the hour in which the history first shows it
 * @param detail which part, in the operator's words ("fan 2", "hashboard 1", "chip 86 °C")
 */
public record ObservedFailure(MinerId miner, FailureKind kind, Instant at, String detail) {

    public ObservedFailure {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
