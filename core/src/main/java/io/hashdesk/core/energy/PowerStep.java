package io.hashdesk.core.energy;

import java.time.Instant;
import java.util.Objects;

/** From {@code at} on, the load draws {@code powerWatts} until the next step. */
public record PowerStep(Instant at, double powerWatts) {

    public PowerStep {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(powerWatts) || powerWatts < 0) {
            throw new IllegalArgumentException("powerWatts at " + at + " must be zero or more, got " + powerWatts);
        }
    }
}
