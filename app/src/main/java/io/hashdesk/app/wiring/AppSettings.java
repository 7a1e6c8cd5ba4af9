package io.hashdesk.app.wiring;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The console's own settings: defaults in {@code app-defaults.json} beside this class, overridden by
 * {@code app-settings.json} in the data folder.
 *
 * @param fleetRefresh how often the overview re-reads the fleet summary (never faster than once a second)
 * @param profitRefresh how often the overview re-computes profit per day (it reads pools, market and tariff too)
 * @param demoFarm     run the simulated demo farm when no real miner is registered, so a new user sees live data
 */
public record AppSettings(Duration fleetRefresh, Duration profitRefresh, boolean demoFarm) {

    static final String DEFAULTS = "app-defaults.json";
    static final String OVERRIDES_FILE = "app-settings.json";

    public AppSettings {
        Objects.requireNonNull(fleetRefresh, "fleetRefresh");
        if (fleetRefresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("fleetRefresh must be at least " + LiveRefresh.MIN_PERIOD + ", got " + fleetRefresh);
        }
        Objects.requireNonNull(profitRefresh, "profitRefresh");
        if (profitRefresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("profitRefresh must be at least " + LiveRefresh.MIN_PERIOD + ", got "
                    + profitRefresh);
        }
    }

    static AppSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(AppSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    AppSettings withDemoFarm(boolean enabled) {
        return new AppSettings(fleetRefresh, profitRefresh, enabled);
    }
}
