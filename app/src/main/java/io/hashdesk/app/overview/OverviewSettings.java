package io.hashdesk.app.overview;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the overview's chart and room map read and colour the farm: defaults in {@code overview-defaults.json} beside
 * this class, overridden by {@code overview.json} in the data folder.
 *
 * @param chartRefresh   how often the 24 h chart re-reads the fleet history (its buckets are 5 minutes wide)
 * @param chartRefreshWhileEmpty how often it re-reads while it has no readings, so a new farm's first poll shows soon
 * @param chartWindow    how far back the chart reaches
 * @param mapRefresh     how often the room map re-reads the latest state (never faster than once a second)
 * @param staleAfter     a miner not heard from for longer is shown as "no recent data" on the map
 * @param chipTempBandsC ascending chip temperatures where the map's colour changes; n limits give n + 1 colours
 */
public record OverviewSettings(Duration chartRefresh, Duration chartRefreshWhileEmpty, Duration chartWindow, Duration mapRefresh, Duration staleAfter,
                               List<Double> chipTempBandsC) {

    static final String DEFAULTS = "overview-defaults.json";
    static final String OVERRIDES_FILE = "overview.json";
    /** The map's colour classes (temp-0 … temp-5) exist for at most this many limits. */
    static final int MAX_BANDS = 5;

    public OverviewSettings {
        requireAtLeast(chartRefresh, LiveRefresh.MIN_PERIOD, "chartRefresh");
        requireAtLeast(chartRefreshWhileEmpty, LiveRefresh.MIN_PERIOD, "chartRefreshWhileEmpty");
        requireAtLeast(chartWindow, Duration.ofHours(1), "chartWindow");
        requireAtLeast(mapRefresh, LiveRefresh.MIN_PERIOD, "mapRefresh");
        requireAtLeast(staleAfter, Duration.ofSeconds(1), "staleAfter");
        chipTempBandsC = List.copyOf(Objects.requireNonNull(chipTempBandsC, "chipTempBandsC"));
        if (chipTempBandsC.isEmpty() || chipTempBandsC.size() > MAX_BANDS) {
            throw new IllegalArgumentException("chipTempBandsC must hold 1 to " + MAX_BANDS + " limits, got "
                    + chipTempBandsC.size());
        }
        for (int i = 1; i < chipTempBandsC.size(); i++) {
            if (chipTempBandsC.get(i) <= chipTempBandsC.get(i - 1)) {
                throw new IllegalArgumentException("chipTempBandsC must ascend, but " + chipTempBandsC.get(i)
                        + " follows " + chipTempBandsC.get(i - 1));
            }
        }
    }

    private static void requireAtLeast(Duration value, Duration minimum, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }

    /** The bundled defaults with the operator's {@code overview.json} in {@code dataFolder} laid over them. */
    public static OverviewSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(OverviewSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    public static OverviewSettings defaults() {
        return JsonSettings.defaults(OverviewSettings.class, DEFAULTS);
    }
}
