package io.hashdesk.core.alert;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * When a miner's telemetry raises and clears an alert. Defaults live in {@code alert-defaults.json} beside this class;
 * an operator's {@value #OVERRIDES_FILE} in the data folder overrides any subset of them.
 *
 * <p>Every alert needs its condition to hold for its {@code ...After} duration before it is raised, and to be gone
 * for {@code clearAfter} before it is cleared; the temperature, fan and hashrate conditions also clear only past a
 * second, safer threshold. Both keep an alert from flapping open and shut around one value.
 *
 * @param offlineAfter             a miner whose polls fail (status OFFLINE) this long is offline
 * @param notHeardFromAfter        a miner with no reading at all for this long (the poller lost it) is offline
 * @param chipTempMaxC             chip temperature that is overheating on every model; {@code null} means each
 *                                 model's own {@code safeLimits.chipTempMaxC} from the model catalog
 * @param unknownModelChipTempMaxC the limit for a miner whose model is not in the catalog
 * @param overheatClearMarginC     an overheating alert clears once the chip is this many °C under the limit
 * @param overheatAfter            how long the chip must stay at or above the limit
 * @param fanStoppedRpm            a fan at or below this speed while mining has stopped
 * @param fanBelowOthersFraction   a fan slower than this fraction of the median of the other fans is failing
 * @param fanClearFraction         a fan alert clears when every fan is above this fraction of the others' median
 *                                 (and above {@code fanStoppedRpm})
 * @param fanFailureAfter          how long a fan must stay stopped or slow
 * @param hashboardLostAfter       how long fewer boards than the model has must be hashing
 * @param lowHashratePercent       hashrate below this percentage of the model's rated hashrate is low
 * @param lowHashrateClearPercent  a low-hashrate alert clears at or above this percentage
 * @param lowHashrateAfter         how long hashrate must stay low (short dips while a miner retunes are normal)
 * @param clearAfter               how long a condition must be gone before its alert clears
 */
public record AlertSettings(Duration offlineAfter, Duration notHeardFromAfter, Double chipTempMaxC,
                            double unknownModelChipTempMaxC, double overheatClearMarginC, Duration overheatAfter,
                            int fanStoppedRpm, double fanBelowOthersFraction, double fanClearFraction,
                            Duration fanFailureAfter, Duration hashboardLostAfter, double lowHashratePercent,
                            double lowHashrateClearPercent, Duration lowHashrateAfter, Duration clearAfter) {

    /** The operator's overrides, in the data folder. */
    public static final String OVERRIDES_FILE = "alert-settings.json";
    private static final String DEFAULTS = "alert-defaults.json";

    public AlertSettings {
        requireNotNegative(offlineAfter, "offlineAfter");
        requireNotNegative(notHeardFromAfter, "notHeardFromAfter");
        requireNotNegative(overheatAfter, "overheatAfter");
        requireNotNegative(fanFailureAfter, "fanFailureAfter");
        requireNotNegative(hashboardLostAfter, "hashboardLostAfter");
        requireNotNegative(lowHashrateAfter, "lowHashrateAfter");
        requireNotNegative(clearAfter, "clearAfter");
        if (chipTempMaxC != null) {
            requirePositive(chipTempMaxC, "chipTempMaxC");
        }
        requirePositive(unknownModelChipTempMaxC, "unknownModelChipTempMaxC");
        if (!(overheatClearMarginC >= 0) || Double.isInfinite(overheatClearMarginC)) {
            throw new IllegalArgumentException("overheatClearMarginC must be 0 or more °C, got " + overheatClearMarginC);
        }
        if (fanStoppedRpm < 0) {
            throw new IllegalArgumentException("fanStoppedRpm must be 0 or more, got " + fanStoppedRpm);
        }
        requireFraction(fanBelowOthersFraction, "fanBelowOthersFraction");
        requireFraction(fanClearFraction, "fanClearFraction");
        if (fanClearFraction < fanBelowOthersFraction) {
            throw new IllegalArgumentException("fanClearFraction (" + fanClearFraction
                    + ") must not be below fanBelowOthersFraction (" + fanBelowOthersFraction + ")");
        }
        if (!(lowHashratePercent > 0 && lowHashratePercent <= 100)) {
            throw new IllegalArgumentException("lowHashratePercent must be in (0, 100], got " + lowHashratePercent);
        }
        if (!(lowHashrateClearPercent >= lowHashratePercent && lowHashrateClearPercent <= 100)) {
            throw new IllegalArgumentException("lowHashrateClearPercent must be between lowHashratePercent ("
                    + lowHashratePercent + ") and 100, got " + lowHashrateClearPercent);
        }
    }

    /** The bundled defaults. */
    public static AlertSettings defaults() {
        return JsonSettings.defaults(AlertSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@value #OVERRIDES_FILE} in {@code dataFolder} replacing them. */
    public static AlertSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(AlertSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more, got " + d);
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive temperature, got " + value);
        }
    }

    private static void requireFraction(double value, String name) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }
}
