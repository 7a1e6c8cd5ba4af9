package io.hashdesk.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One point of a sensor series: a single read (raw) or a bucket of reads (rollup). For a series that combines
 * several sensors (a room's intake air, a room's power) the statistics combine them as the query says.
 *
 * @param start   the read's time, or the bucket's aligned start
 * @param width   zero for raw points
 * @param samples reads in the bucket, over all the sensors combined
 */
public record SensorPoint(Instant start, Duration width, int samples, Stat value) {

    public SensorPoint {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(value, "value");
        if (samples < 1) {
            throw new IllegalArgumentException("a sensor point holds at least one read, got " + samples);
        }
    }
}
