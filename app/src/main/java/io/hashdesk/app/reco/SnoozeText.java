package io.hashdesk.app.reco;

import java.time.Duration;

/** A snooze length as its menu item reads: "1 hour", "1 day", "1 week", "3 days". */
final class SnoozeText {

    private SnoozeText() {
    }

    static String of(Duration length) {
        long hours = length.toHours();
        if (hours > 0 && hours % (24 * 7) == 0) {
            return plural(hours / (24 * 7), "week");
        }
        if (hours > 0 && hours % 24 == 0) {
            return plural(hours / 24, "day");
        }
        return hours > 0 && length.toMinutesPart() == 0 ? plural(hours, "hour") : plural(length.toMinutes(), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
