package io.hashdesk.core.store;

import java.time.Duration;

/** How finely a series is returned: every poll, or rolled up into 5-minute or 1-hour buckets. */
public enum Resolution {
    /** One point per stored snapshot. */
    RAW(Duration.ZERO),
    FIVE_MINUTES(Duration.ofMinutes(5)),
    ONE_HOUR(Duration.ofHours(1));

    private final Duration width;

    Resolution(Duration width) {
        this.width = width;
    }

    /** Bucket width; zero for raw. */
    public Duration width() {
        return width;
    }
}
