package io.hashdesk.app.common;

import java.time.Duration;

/** Spans and ages as every screen writes them, so an uptime or a "last seen" reads the same everywhere. */
public final class DurationText {

    private static final long MINUTE = 60;
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    private DurationText() {
    }

    /** A span such as {@code 3d 4h}, {@code 5h 12m} or {@code 42m}. */
    public static String span(Duration span) {
        long s = span.toSeconds();
        if (s >= DAY) {
            return (s / DAY) + "d " + (s % DAY / HOUR) + "h";
        }
        if (s >= HOUR) {
            return (s / HOUR) + "h " + (s % HOUR / MINUTE) + "m";
        }
        return (s / MINUTE) + "m";
    }

    /** How long ago, e.g. {@code 8 s ago}, {@code 12 min ago}, {@code 3 h ago}, {@code 2 d ago}; "never" if null. */
    public static String ago(Duration age) {
        if (age == null) {
            return "never";
        }
        long s = age.toSeconds();
        if (s < 2 * MINUTE) {
            return s + " s ago";
        }
        if (s < 2 * HOUR) {
            return (s / MINUTE) + " min ago";
        }
        if (s < 2 * DAY) {
            return (s / HOUR) + " h ago";
        }
        return (s / DAY) + " d ago";
    }
}
