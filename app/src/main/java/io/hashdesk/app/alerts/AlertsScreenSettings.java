package io.hashdesk.app.alerts;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Alerts screen reads and notifies, from {@code alerts-screen-defaults.json} beside this class.
 *
 * @param refresh              how often the alert list and the count are re-read
 * @param notificationQuiet    after a notification, newly raised alerts wait this long and are shown together,
 *                             so a switch going down gives one "12 miners went offline" instead of twelve pop-ups
 * @param separateNotifications up to this many alerts of one kind are notified one by one; more are summed up
 * @param maxNotifications     at most this many notifications at once; the rest are folded into the last
 * @param listLimit            most alerts a list shows
 */
public record AlertsScreenSettings(Duration refresh, Duration notificationQuiet, int separateNotifications,
                                   int maxNotifications, int listLimit) {

    static final String DEFAULTS = "alerts-screen-defaults.json";

    public AlertsScreenSettings {
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(notificationQuiet, "notificationQuiet");
        if (refresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("refresh must be at least " + LiveRefresh.MIN_PERIOD + ", got " + refresh);
        }
        if (notificationQuiet.isNegative()) {
            throw new IllegalArgumentException("notificationQuiet must not be negative, got " + notificationQuiet);
        }
        if (separateNotifications < 1 || maxNotifications < 1 || listLimit < 1) {
            throw new IllegalArgumentException("separateNotifications, maxNotifications and listLimit must be at least"
                    + " 1, got " + separateNotifications + ", " + maxNotifications + " and " + listLimit);
        }
    }

    public static AlertsScreenSettings defaults() {
        return JsonSettings.defaults(AlertsScreenSettings.class, DEFAULTS);
    }
}
