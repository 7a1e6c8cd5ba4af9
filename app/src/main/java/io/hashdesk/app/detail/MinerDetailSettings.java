package io.hashdesk.app.detail;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the miner detail screen reads and judges one miner: defaults in {@code miner-detail-defaults.json} beside this
 * class, overridden by {@code miner-detail.json} in the data folder.
 *
 * @param refresh          how often the header re-reads the miner's latest snapshot (never faster than once a second)
 * @param staleAfter       a last-seen older than this is marked, as in the fleet table
 * @param hotChipFallbackC chip temperature that starts a "hot chip" event for a model the catalog does not know
 *                         (known models use their own safe limit)
 * @param maxPointsPerLine longer chart lines are thinned by averaging neighbours, so a chart stays quick to draw
 */
public record MinerDetailSettings(Duration refresh, Duration staleAfter, double hotChipFallbackC,
                                  int maxPointsPerLine) {

    static final String DEFAULTS = "miner-detail-defaults.json";
    static final String OVERRIDES_FILE = "miner-detail.json";
    private static final int FEWEST_POINTS = 10;

    public MinerDetailSettings {
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("refresh must be at least " + LiveRefresh.MIN_PERIOD + ", got " + refresh);
        }
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, got " + staleAfter);
        }
        if (!(hotChipFallbackC > 0)) {
            throw new IllegalArgumentException("hotChipFallbackC must be above 0 °C, got " + hotChipFallbackC);
        }
        if (maxPointsPerLine < FEWEST_POINTS) {
            throw new IllegalArgumentException("maxPointsPerLine must be at least " + FEWEST_POINTS + ", got "
                    + maxPointsPerLine);
        }
    }

    /** The bundled defaults with the operator's {@code miner-detail.json} in {@code dataFolder} laid over them. */
    public static MinerDetailSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(MinerDetailSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    public static MinerDetailSettings defaults() {
        return JsonSettings.defaults(MinerDetailSettings.class, DEFAULTS);
    }
}
