package io.hashdesk.core.action;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How carefully the action executor changes miners. Defaults live in {@code action-defaults.json} beside this class;
 * an operator's {@value #OVERRIDES_FILE} in the data folder overrides any subset of them.
 *
 * @param minersAtOnce             most miners changing at the same time across the farm (one wave)
 * @param minersAtOncePerRoom      most miners of one room in one wave, so a room's power and heat never jump
 * @param stepSizes                the largest change one write may make; bigger changes go in several steps
 * @param readBackTolerances       how far a read-back may differ from what was asked (firmware rounds)
 * @param settleTime               wait between two steps on one miner, for it to retune
 * @param watchWindow              how long a miner is watched after its last step before the change is kept
 * @param observeEvery             how often it is observed during the watch
 * @param hashrateGrace            hashrate is not judged until this long after the last step (retuning dips)
 * @param rollbackWhen             what makes a watched miner roll back
 * @param retries                  further attempts when a miner does not answer, before it is left for recovery
 * @param retryDelay               wait between those attempts
 * @param restoreWait              wait after restoring a firmware backup (the miner reboots) before reading it
 * @param writesPerMinerPerHour    most writes one miner may get in an hour (rollbacks count, never held back)
 * @param atNewSettingsOnRecovery  what recovery does with a miner found at its new settings whose watch never ended
 * @param recoveryRetryEvery       how often recovery tries again while a miner of an unfinished action does not answer
 * @param operatorLimits           per catalog model id, limits that narrow the catalog's safe limits (never widen)
 */
public record ActionSettings(int minersAtOnce, int minersAtOncePerRoom, StepSizes stepSizes,
                             ReadBackTolerances readBackTolerances, Duration settleTime, Duration watchWindow,
                             Duration observeEvery, Duration hashrateGrace, RollbackCriteria rollbackWhen, int retries,
                             Duration retryDelay, Duration restoreWait, int writesPerMinerPerHour,
                             RecoveryChoice atNewSettingsOnRecovery, Duration recoveryRetryEvery,
                             Map<String, OperatorLimits> operatorLimits) {

    /** The operator's overrides, in the data folder. */
    public static final String OVERRIDES_FILE = "action-settings.json";
    private static final String DEFAULTS = "action-defaults.json";

    public ActionSettings {
        requireAtLeastOne(minersAtOnce, "minersAtOnce");
        requireAtLeastOne(minersAtOncePerRoom, "minersAtOncePerRoom");
        if (minersAtOncePerRoom > minersAtOnce) {
            throw new IllegalArgumentException("minersAtOncePerRoom (" + minersAtOncePerRoom
                    + ") must not be above minersAtOnce (" + minersAtOnce + ")");
        }
        Objects.requireNonNull(stepSizes, "stepSizes is missing");
        Objects.requireNonNull(readBackTolerances, "readBackTolerances is missing");
        requireNotNegative(settleTime, "settleTime");
        requireNotNegative(watchWindow, "watchWindow");
        requirePositive(observeEvery, "observeEvery");
        requireNotNegative(hashrateGrace, "hashrateGrace");
        Objects.requireNonNull(rollbackWhen, "rollbackWhen is missing");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        requireNotNegative(retryDelay, "retryDelay");
        requireNotNegative(restoreWait, "restoreWait");
        requireAtLeastOne(writesPerMinerPerHour, "writesPerMinerPerHour");
        Objects.requireNonNull(atNewSettingsOnRecovery, "atNewSettingsOnRecovery must be ROLL_BACK or RESUME_WATCH");
        requirePositive(recoveryRetryEvery, "recoveryRetryEvery");
        operatorLimits = operatorLimits == null ? Map.of() : Map.copyOf(operatorLimits);
    }

    /** What recovery does with a miner found at its new settings whose watch had not ended. */
    public enum RecoveryChoice {
        /** Put it back to the settings it had (the safe default: nobody watched it through). */
        ROLL_BACK,
        /** Watch it again for a full window, then keep or roll back as usual. */
        RESUME_WATCH
    }

    /**
     * The largest change one write may make; each must be positive.
     *
     * @param frequencyMhz     chip clock per step, MHz
     * @param voltageVolts     chain voltage per step, volts
     * @param powerTargetWatts power target (or numeric preset) per step, watts
     * @param targetTempC      fan controller target temperature per step, °C
     */
    public record StepSizes(int frequencyMhz, double voltageVolts, int powerTargetWatts, int targetTempC) {

        public StepSizes {
            requireAtLeastOne(frequencyMhz, "stepSizes.frequencyMhz");
            if (!(voltageVolts > 0) || Double.isInfinite(voltageVolts)) {
                throw new IllegalArgumentException("stepSizes.voltageVolts must be a positive number of volts, got "
                        + voltageVolts);
            }
            requireAtLeastOne(powerTargetWatts, "stepSizes.powerTargetWatts");
            requireAtLeastOne(targetTempC, "stepSizes.targetTempC");
        }
    }

    /**
     * How far a read-back may be from what was asked and still count as taken.
     *
     * @param powerTargetWatts a power target is met by the highest tuned preset at or below it, so the read-back may be
     *                         this much lower (never higher)
     */
    public record ReadBackTolerances(int frequencyMhz, double voltageVolts, int powerTargetWatts) {

        public ReadBackTolerances {
            if (frequencyMhz < 0 || powerTargetWatts < 0 || !(voltageVolts >= 0) || Double.isInfinite(voltageVolts)) {
                throw new IllegalArgumentException("readBackTolerances must be 0 or more, got frequencyMhz "
                        + frequencyMhz + ", voltageVolts " + voltageVolts + ", powerTargetWatts " + powerTargetWatts);
            }
        }
    }

    /**
     * What makes a watched miner roll back.
     *
     * @param hashrateBelowFraction   hashrate under this fraction of what it did before (scaled down by the change's
     *                                own expected drop, e.g. a lower power target) is a collapse
     * @param chipTempMarginC         a chip hotter than the model's limit minus this margin is overheating
     * @param offlineObservations     this many observations in a row without an answer (or OFFLINE) is offline
     * @param hardwareErrorRateFactor hardware errors per share more than this many times the rate before is "errors up"
     * @param hardwareErrorRateFloor  the rate before is taken as at least this, so a clean miner's first error is
     *                                not infinitely many times its old rate
     */
    public record RollbackCriteria(double hashrateBelowFraction, double chipTempMarginC, int offlineObservations,
                                   double hardwareErrorRateFactor, double hardwareErrorRateFloor) {

        public RollbackCriteria {
            if (!(hashrateBelowFraction > 0 && hashrateBelowFraction < 1)) {
                throw new IllegalArgumentException("rollbackWhen.hashrateBelowFraction must be between 0 and 1, got "
                        + hashrateBelowFraction);
            }
            if (!(chipTempMarginC >= 0) || Double.isInfinite(chipTempMarginC)) {
                throw new IllegalArgumentException("rollbackWhen.chipTempMarginC must be 0 or more °C, got "
                        + chipTempMarginC);
            }
            requireAtLeastOne(offlineObservations, "rollbackWhen.offlineObservations");
            if (!(hardwareErrorRateFactor > 1) || Double.isInfinite(hardwareErrorRateFactor)) {
                throw new IllegalArgumentException("rollbackWhen.hardwareErrorRateFactor must be above 1, got "
                        + hardwareErrorRateFactor);
            }
            if (!(hardwareErrorRateFloor > 0 && hardwareErrorRateFloor < 1)) {
                throw new IllegalArgumentException("rollbackWhen.hardwareErrorRateFloor must be between 0 and 1, got "
                        + hardwareErrorRateFloor);
            }
        }
    }

    /** The bundled defaults. */
    public static ActionSettings defaults() {
        return JsonSettings.defaults(ActionSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@value #OVERRIDES_FILE} in {@code dataFolder} replacing them. */
    public static ActionSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(ActionSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    /** The operator's limits for a model, if any. */
    public OperatorLimits operatorLimitsOf(String modelId) {
        return operatorLimits.getOrDefault(modelId, OperatorLimits.NONE);
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more, got " + d);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
