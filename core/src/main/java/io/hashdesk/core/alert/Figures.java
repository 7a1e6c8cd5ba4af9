package io.hashdesk.core.alert;

import java.time.Duration;
import java.util.Locale;

/** Numbers as alert sentences write them: whole degrees, grouped rpm, one-decimal hashrates, rounded durations. */
final class Figures {

    private Figures() {
    }

    static String celsius(double value) {
        return String.format(Locale.ROOT, "%.0f °C", value);
    }

    static String rpm(double value) {
        return String.format(Locale.ROOT, "%,.0f rpm", value);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    /** "45 seconds", "1 minute", "12 minutes", "3 hours". */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        if (seconds < 2 * 60 * 60) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds / 3600, "hour");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
