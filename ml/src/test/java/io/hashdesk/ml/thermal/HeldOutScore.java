package io.hashdesk.ml.thermal;

import java.time.Duration;

/** Squared errors and interval hits of one predictor on held-out points, by kind of question asked. */
final class HeldOutScore {

    /** Three 5-minute steps: several time constants of the chips' lag. */
    private static final int SETTLE_STEPS = 3;

    private final Tally afterChange = new Tally();
    private final Tally oneStep = new Tally();
    private final Tally steady = new Tally();
    private Tally lastUnitAfterChange = new Tally();
    private int events;

    private static final class Tally {
        double squares;
        int count;
        int covered;

        void add(double predicted, double actual) {
            squares += (predicted - actual) * (predicted - actual);
            count++;
        }

        void add(TemperaturePrediction p, double actual) {
            add(p.chipTempC(), actual);
            covered += p.lowC() <= actual && actual <= p.highC() ? 1 : 0;
        }

        double rmse() {
            return count == 0 ? Double.NaN : Math.sqrt(squares / count);
        }

        double coverage() {
            return count == 0 ? Double.NaN : (double) covered / count;
        }
    }

    /**
     * Scores the thermal model, persistence and (when given) the linear regression on one unit's held-out samples.
     */
    static void scoreUnit(ThermalSamples s, ThermalModel fit, LinearBaseline regression, HeldOutScore model,
                          HeldOutScore persistence, HeldOutScore linear) {
        model.lastUnitAfterChange = new Tally();
        for (int k = 1; k < s.size(); k++) {
            if (!s.chained[k]) {
                continue;
            }
            Duration dt = between(s, k - 1, k);
            model.oneStep.add(fit.predict(s.ambientC[k], s.powerWatts[k], s.fanPercent[k], s.chipTempC[k - 1], dt),
                    s.chipTempC[k]);
            persistence.oneStep.add(s.chipTempC[k - 1], s.chipTempC[k]);
            if (regression != null) {
                linear.oneStep.add(regression.predict(s, k), s.chipTempC[k]);
            }
            if (settled(s, k)) {
                model.steady.add(fit.steadyState(s.ambientC[k], s.powerWatts[k], s.fanPercent[k]), s.chipTempC[k]);
                if (regression != null) {
                    linear.steady.add(regression.predict(s, k), s.chipTempC[k]);
                }
            }
            if (ThermalModelEvaluation.isChange(s, k)) {
                model.events++;
                scoreChange(s, k, fit, regression, model, persistence, linear);
            }
        }
    }

    /** Whether the inputs have held for the last {@value #SETTLE_STEPS} steps, long enough for the lag to die out. */
    private static boolean settled(ThermalSamples s, int k) {
        if (k < SETTLE_STEPS) {
            return false;
        }
        for (int j = k - SETTLE_STEPS + 1; j <= k; j++) {
            if (!s.chained[j] || ThermalModelEvaluation.isChange(s, j)) {
                return false;
            }
        }
        return true;
    }

    /** Predicts each point 1..H steps after the change from the temperature just before it. */
    private static void scoreChange(ThermalSamples s, int k, ThermalModel fit, LinearBaseline regression,
                                    HeldOutScore model, HeldOutScore persistence, HeldOutScore linear) {
        double before = s.chipTempC[k - 1];
        for (int j = 1; j <= ThermalModelEvaluation.horizonSteps() && k + j < s.size() && s.chained[k + j]; j++) {
            int t = k + j;
            TemperaturePrediction p = fit.predict(s.ambientC[t], s.powerWatts[t], s.fanPercent[t], before,
                    between(s, k - 1, t));
            model.afterChange.add(p, s.chipTempC[t]);
            model.lastUnitAfterChange.add(p.chipTempC(), s.chipTempC[t]);
            persistence.afterChange.add(before, s.chipTempC[t]);
            if (regression != null) {
                linear.afterChange.add(regression.predict(s, t), s.chipTempC[t]);
            }
        }
    }

    private static Duration between(ThermalSamples s, int from, int to) {
        return Duration.between(s.at[from], s.at[to]);
    }

    double afterChangeRmse() {
        return afterChange.rmse();
    }

    double afterChangeCoverage() {
        return afterChange.coverage();
    }

    double oneStepRmse() {
        return oneStep.rmse();
    }

    double steadyRmse() {
        return steady.rmse();
    }

    double steadyCoverage() {
        return steady.coverage();
    }

    double lastUnitAfterChangeRmse() {
        return lastUnitAfterChange.rmse();
    }

    int events() {
        return events;
    }
}
