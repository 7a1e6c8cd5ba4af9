package io.hashdesk.core.store;

import java.time.Duration;

/** How finely a series is returned: every poll, or rolled up into 5-minute or 1-hour buckets. */
public enum Resolution {
    /** One point per stored snapshot. */
    RAW(Duration.ZERO),
    FIVE_MINUTES(Duration.ofMinutes(5)),
    ONE_HOUR(Duration.ofHours(1));

    /** A chart rarely needs more points than this; {@link #forRange} picks the finest tier under it. */
    private static final long MAX_POINTS = 2_000;
    private static final Duration ASSUMED_POLL_INTERVAL = Duration.ofMinutes(1);

    private final Duration width;

    Resolution(Duration width) {
        this.width = width;
    }

    /** Bucket width; zero for raw. */
    public Duration width() {
        return width;
    }

    /** The finest resolution that keeps a range under about two thousand points. */
    public static Resolution forRange(Duration range) {
        if (range.dividedBy(ASSUMED_POLL_INTERVAL) <= MAX_POINTS) {
            return RAW;
        }
        if (range.dividedBy(FIVE_MINUTES.width) <= MAX_POINTS) {
            return FIVE_MINUTES;
        }
        return ONE_HOUR;
    }
}
