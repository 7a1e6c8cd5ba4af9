package io.hashdesk.ml.features;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Windows and thresholds of feature building; defaults in {@code feature-defaults.json} beside this class.
 *
 * @param shortWindow         the "1 h" window (5-minute buckets)
 * @param dayWindow           the "24 h" window (5-minute buckets); the baseline is what lies before it in the week
 * @param weekWindow          the "7 d" window (1-hour buckets)
 * @param marketWindow        window of the difficulty trend and price volatility
 * @param electricityAhead    how far ahead the mean electricity price looks
 * @param minPeers            other miners of the same model in the same room needed for a peer comparison; a median
 *                            of one or two peers is one unit's quirk, not the room's norm
 * @param progressEveryMiners progress is reported and cancellation checked every this many miners
 */
public record FeatureSettings(Duration shortWindow, Duration dayWindow, Duration weekWindow, Duration marketWindow,
                              Duration electricityAhead, int minPeers, int progressEveryMiners) {

    private static final String DEFAULTS = "feature-defaults.json";
    private static final Duration BUCKET = Duration.ofMinutes(5);

    public FeatureSettings {
        requireWindow(shortWindow, "shortWindow");
        requireWindow(dayWindow, "dayWindow");
        requireWindow(weekWindow, "weekWindow");
        requireWindow(marketWindow, "marketWindow");
        requireWindow(electricityAhead, "electricityAhead");
        if (shortWindow.compareTo(dayWindow) > 0 || dayWindow.compareTo(weekWindow) >= 0) {
            throw new IllegalArgumentException("windows must grow: shortWindow ≤ dayWindow < weekWindow, got "
                    + shortWindow + ", " + dayWindow + ", " + weekWindow);
        }
        if (minPeers < 1) {
            throw new IllegalArgumentException("minPeers must be ≥ 1, got " + minPeers);
        }
        if (progressEveryMiners < 1) {
            throw new IllegalArgumentException("progressEveryMiners must be ≥ 1, got " + progressEveryMiners);
        }
    }

    public static FeatureSettings defaults() {
        return JsonSettings.defaults(FeatureSettings.class, DEFAULTS);
    }

    public static FeatureSettings withOverrides(Path file) {
        return JsonSettings.withOverrides(FeatureSettings.class, DEFAULTS, file);
    }

    /** 5-minute buckets in the day window: the denominator of coverage, positive by construction. */
    int bucketsPerDay() {
        return (int) (dayWindow.toMinutes() / BUCKET.toMinutes());
    }

    private static void requireWindow(Duration d, String name) {
        if (d == null || d.compareTo(BUCKET) < 0 || d.toMinutes() % BUCKET.toMinutes() != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of 5-minute buckets, got " + d);
        }
    }
}
