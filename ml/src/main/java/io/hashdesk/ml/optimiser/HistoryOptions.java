package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How {@link UnitHistories} turns stored telemetry into probes. Defaults live in {@code history-defaults.json} beside
 * this class; an operator's file overrides any subset of them.
 *
 * @param settleTime             buckets starting sooner than this after a setting began are dropped: the restart,
 *                               the chips' thermal lag (about 90 s each, six of them) and the firmware's hashrate
 *                               average all need it
 * @param minSettledTime         a stretch with less settled time than this makes no probe: too short to average
 * @param frequencyToleranceMhz  buckets whose mean frequency is within this of the stretch's first are one setting
 *                               (chain readings wobble; the firmware sets whole MHz)
 * @param voltageToleranceVolts  as above for the mean chain voltage (the firmware sets 10 mV steps)
 * @param hashesPerHardwareError hashes one hardware error stands for, per algorithm: the firmware counts a
 *                               hardware error per failed difficulty-1 nonce, which takes 2³² hashes for SHA-256 and
 *                               2¹⁶ for Scrypt (the pools' convention, which Scrypt firmware follows)
 */
public record HistoryOptions(Duration settleTime, Duration minSettledTime, double frequencyToleranceMhz,
                             double voltageToleranceVolts, Map<Algorithm, Double> hashesPerHardwareError) {

    private static final String DEFAULTS = "history-defaults.json";

    public HistoryOptions {
        require(settleTime != null && !settleTime.isNegative(), "settleTime must be zero or more, got "
                + settleTime);
        require(minSettledTime != null && minSettledTime.isPositive(), "minSettledTime must be positive, got "
                + minSettledTime);
        require(frequencyToleranceMhz >= 0 && Double.isFinite(frequencyToleranceMhz),
                "frequencyToleranceMhz must be 0 or more, got " + frequencyToleranceMhz);
        require(voltageToleranceVolts >= 0 && Double.isFinite(voltageToleranceVolts),
                "voltageToleranceVolts must be 0 or more, got " + voltageToleranceVolts);
        hashesPerHardwareError = Map.copyOf(hashesPerHardwareError);
        for (Algorithm algorithm : Algorithm.values()) {
            Double hashes = hashesPerHardwareError.get(algorithm);
            require(hashes != null && hashes > 0 && Double.isFinite(hashes), "hashesPerHardwareError."
                    + algorithm + " must be a positive number, got " + hashes);
        }
    }

    public static HistoryOptions defaults() {
        return JsonSettings.defaults(HistoryOptions.class, DEFAULTS);
    }

    public static HistoryOptions withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(HistoryOptions.class, DEFAULTS, overridesFile);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("history options: " + message);
        }
    }
}
