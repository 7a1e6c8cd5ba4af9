package io.hashdesk.app.market;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Market &amp; energy screen reads and presents, from {@code market-screen-defaults.json} beside this class.
 *
 * @param refresh          how often the shown screen re-reads the market figures, the tariff and the providers
 * @param cheapWindowHours the length of the cheapest run of hours highlighted in the 24 h price strip
 */
public record MarketScreenSettings(Duration refresh, int cheapWindowHours) {

    static final String DEFAULTS = "market-screen-defaults.json";
    private static final int HOURS_SHOWN = 24;

    public MarketScreenSettings {
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("refresh must be at least " + LiveRefresh.MIN_PERIOD + ", got " + refresh);
        }
        if (cheapWindowHours < 1 || cheapWindowHours > HOURS_SHOWN) {
            throw new IllegalArgumentException("cheapWindowHours must be 1–" + HOURS_SHOWN + ", got " + cheapWindowHours);
        }
    }

    public static MarketScreenSettings defaults() {
        return JsonSettings.defaults(MarketScreenSettings.class, DEFAULTS);
    }
}
