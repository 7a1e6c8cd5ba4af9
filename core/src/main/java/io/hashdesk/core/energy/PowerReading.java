package io.hashdesk.core.energy;

import java.time.Instant;
import java.util.Objects;

/** The site's (or a meter's) total power at an instant, for demand charges. */
public record PowerReading(Instant at, double powerWatts) {

    public PowerReading {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(powerWatts) || powerWatts < 0) {
            throw new IllegalArgumentException("powerWatts at " + at + " must be zero or more, got " + powerWatts);
        }
    }
}
