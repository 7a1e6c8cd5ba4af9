package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.SafeLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Watches one miner after its last step for the watch window and says whether to keep the change: it rolls back when
 * the chip runs hotter than the model's limit minus a margin, the hashrate collapses (judged after a grace period,
 * against what it did before scaled by the drop the change itself was meant to cause), the miner stays offline, or
 * its hardware-error rate climbs.
 */
final class MinerWatch {

    /** How the watch ended; {@code reason} says why for anything but KEEP. */
    record Verdict(Kind kind, String reason) {

        enum Kind { KEEP, ROLL_BACK, CANCELLED }
    }

    private final ActionContext context;

    MinerWatch(ActionContext context) {
        this.context = context;
    }

    /**
     * @param expectedHashrateScale how much of its old hashrate the change itself should leave (e.g. 0.8 for a power
     *                              target 20 % lower); empty when hashrate is not to be judged (mining paused)
     */
    Verdict watch(MinerId miner, String modelId, WatchBaseline baseline, Optional<Double> expectedHashrateScale,
                  Instant lastStepAt, BooleanSupplier cancelled) throws InterruptedException {
        ActionSettings settings = context.settings();
        Instant end = lastStepAt.plus(settings.watchWindow());
        Instant judgeHashrateFrom = lastStepAt.plus(settings.hashrateGrace());
        Double chipLimit = context.validator().limitsOf(modelId).map(SafeLimits::chipTempMaxC).orElse(null);
        int offlineInARow = 0;
        // at least one observation, however the window went: a change nobody looked at is never kept
        do {
            if (cancelled.getAsBoolean()) {
                return new Verdict(Verdict.Kind.CANCELLED, "cancelled by the operator");
            }
            Duration left = Duration.between(context.clock().instant(), end);
            context.sleeper().sleep(left.isNegative() ? Duration.ZERO
                    : left.compareTo(settings.observeEvery()) < 0 ? left : settings.observeEvery());
            TelemetrySnapshot reading;
            try {
                reading = context.calls().observeOnce(miner);
            } catch (MinerAccessException e) {
                reading = TelemetrySnapshot.unreachable(miner, context.clock().instant());
            }
            offlineInARow = reading.status() == MinerStatus.OFFLINE ? offlineInARow + 1 : 0;
            if (offlineInARow >= settings.rollbackWhen().offlineObservations()) {
                return rollBack("offline for " + offlineInARow + " observations in a row");
            }
            Optional<String> problem = problemIn(reading, baseline, expectedHashrateScale, chipLimit,
                    !context.clock().instant().isBefore(judgeHashrateFrom));
            if (problem.isPresent()) {
                return rollBack(problem.get());
            }
        } while (context.clock().instant().isBefore(end));
        return new Verdict(Verdict.Kind.KEEP, "");
    }

    private Optional<String> problemIn(TelemetrySnapshot reading, WatchBaseline baseline,
                                       Optional<Double> expectedHashrateScale, Double chipLimit,
                                       boolean judgeHashrate) {
        ActionSettings.RollbackCriteria when = context.settings().rollbackWhen();
        if (chipLimit != null && reading.chipTempMaxC() != null
                && reading.chipTempMaxC() > chipLimit - when.chipTempMarginC()) {
            return Optional.of("chip temperature " + round(reading.chipTempMaxC())
                    + " °C is above the model's limit of " + round(chipLimit) + " °C minus the "
                    + round(when.chipTempMarginC()) + " °C margin");
        }
        if (judgeHashrate && expectedHashrateScale.isPresent() && baseline.hashrateThs() != null
                && baseline.hashrateThs() > 0 && reading.hashrateThs() != null) {
            double floor = when.hashrateBelowFraction() * baseline.hashrateThs() * expectedHashrateScale.get();
            if (reading.hashrateThs() < floor) {
                return Optional.of("hashrate " + round(reading.hashrateThs()) + " TH/s collapsed below "
                        + round(floor) + " TH/s (" + round(when.hashrateBelowFraction() * 100) + " % of the "
                        + round(baseline.hashrateThs() * expectedHashrateScale.get()) + " TH/s expected)");
            }
        }
        return hardwareErrorsUp(reading, baseline, when);
    }

    /**
     * Hardware errors per share since the change against the rate before it (both from the firmware's counters,
     * which restart from zero when the mining process restarts; then the counts since the restart are used).
     */
    private static Optional<String> hardwareErrorsUp(TelemetrySnapshot reading, WatchBaseline baseline,
                                                     ActionSettings.RollbackCriteria when) {
        if (reading.hardwareErrors() == null || reading.acceptedShares() == null || baseline.hardwareErrors() == null
                || baseline.acceptedShares() == null) {
            return Optional.empty();
        }
        boolean restarted = reading.hardwareErrors() < baseline.hardwareErrors()
                || reading.acceptedShares() < baseline.acceptedShares();
        long errors = restarted ? reading.hardwareErrors() : reading.hardwareErrors() - baseline.hardwareErrors();
        long shares = restarted ? reading.acceptedShares() : reading.acceptedShares() - baseline.acceptedShares();
        if (errors == 0) {
            return Optional.empty();
        }
        double rateBefore = Math.max(when.hardwareErrorRateFloor(),
                (double) baseline.hardwareErrors()
                        / Math.max(1, baseline.acceptedShares() + baseline.hardwareErrors()));
        double rateAfter = (double) errors / Math.max(1, shares + errors);
        if (rateAfter > when.hardwareErrorRateFactor() * rateBefore) {
            return Optional.of("hardware errors rose to " + round(rateAfter * 100) + " % of shares from "
                    + round(rateBefore * 100) + " % before the change");
        }
        return Optional.empty();
    }

    /** The share of its old hashrate a change from {@code before} to {@code to} is meant to leave, if known. */
    static Optional<Double> expectedHashrateScale(SettingValues before, SettingValues to) {
        if (Boolean.TRUE.equals(to.miningPaused())) {
            return Optional.empty();
        }
        double scale = 1.0;
        scale = Math.min(scale, ratio(before.throttlePercent(), to.throttlePercent()));
        scale = Math.min(scale, ratio(watts(before), watts(to)));
        scale = Math.min(scale, ratio(before.frequencyMhz(), to.frequencyMhz()));
        return Optional.of(scale);
    }

    private static Integer watts(SettingValues values) {
        if (values.powerTargetWatts() != null) {
            return values.powerTargetWatts();
        }
        return values.preset() != null && values.preset().matches("\\d{1,5}") ? Integer.valueOf(values.preset()) : null;
    }

    private static double ratio(Integer before, Integer after) {
        return before == null || after == null || before <= 0 ? 1.0 : (double) after / before;
    }

    private static Verdict rollBack(String reason) {
        return new Verdict(Verdict.Kind.ROLL_BACK, reason);
    }

    private static String round(double value) {
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0).stripTrailingZeros().toPlainString();
    }
}
