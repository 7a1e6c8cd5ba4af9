package io.hashdesk.app.detail;

import io.hashdesk.core.store.Resolution;
import java.time.Duration;

/**
 * The spans the miner detail charts cover, each read at the store's resolution that gives a few hundred points at
 * most: every poll for an hour, 5-minute buckets for a day, hourly buckets for a week or a month.
 */
public enum DetailRange {
    HOUR("1 h", Duration.ofHours(1), Resolution.RAW, Duration.ofMinutes(10), "HH:mm"),
    DAY("24 h", Duration.ofHours(24), Resolution.FIVE_MINUTES, Duration.ofHours(3), "HH:mm"),
    WEEK("7 d", Duration.ofDays(7), Resolution.ONE_HOUR, Duration.ofDays(1), "EEE d"),
    MONTH("30 d", Duration.ofDays(30), Resolution.ONE_HOUR, Duration.ofDays(5), "d MMM");

    private final String label;
    private final Duration span;
    private final Resolution resolution;
    private final Duration tickSpacing;
    private final String tickPattern;

    DetailRange(String label, Duration span, Resolution resolution, Duration tickSpacing, String tickPattern) {
        this.label = label;
        this.span = span;
        this.resolution = resolution;
        this.tickSpacing = tickSpacing;
        this.tickPattern = tickPattern;
    }

    /** What the range toggle says, e.g. {@code 24 h}. */
    public String label() {
        return label;
    }

    /** How far back from now the charts reach. */
    public Duration span() {
        return span;
    }

    /** The rollup the charts read. */
    public Resolution resolution() {
        return resolution;
    }

    /** Distance between the time axis' ticks. */
    public Duration tickSpacing() {
        return tickSpacing;
    }

    /** How a tick on the time axis reads, as a {@code DateTimeFormatter} pattern in local time. */
    public String tickPattern() {
        return tickPattern;
    }
}
