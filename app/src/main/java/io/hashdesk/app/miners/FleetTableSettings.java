package io.hashdesk.app.miners;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the fleet table reads and judges miners: defaults in {@code fleet-table-defaults.json} beside this class,
 * overridden by {@code fleet-table.json} in the data folder.
 *
 * @param refresh                     how often the table re-reads the fleet (never faster than once a second)
 * @param staleAfter                  a miner not heard from for longer is dimmed; matches the store's staleness limit
 * @param degradedBelowPercentOfRated a mining miner below this share of its rated hashrate shows as degraded
 */
public record FleetTableSettings(Duration refresh, Duration staleAfter, double degradedBelowPercentOfRated) {

    static final String DEFAULTS = "fleet-table-defaults.json";
    static final String OVERRIDES_FILE = "fleet-table.json";

    public FleetTableSettings {
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("refresh must be at least " + LiveRefresh.MIN_PERIOD + ", got " + refresh);
        }
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, got " + staleAfter);
        }
        if (!(degradedBelowPercentOfRated >= 0 && degradedBelowPercentOfRated <= 100)) {
            throw new IllegalArgumentException("degradedBelowPercentOfRated must be 0–100, got "
                    + degradedBelowPercentOfRated);
        }
    }

    /** The bundled defaults with the operator's {@code fleet-table.json} in {@code dataFolder} laid over them. */
    public static FleetTableSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(FleetTableSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    static FleetTableSettings defaults() {
        return JsonSettings.defaults(FleetTableSettings.class, DEFAULTS);
    }
}
