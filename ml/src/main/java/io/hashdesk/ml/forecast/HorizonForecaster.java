package io.hashdesk.ml.forecast;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One horizon's forecaster after validation: the boosted model trained on every row when it beat the naive
 * forecast walk-forward, else the naive forecast; either way with interval quantiles from its own walk-forward
 * errors (log hashprice).
 */
final class HorizonForecaster implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Duration horizon;
    private final BoostedRegression model;
    private final double lowerLog;
    private final double upperLog;
    private final HorizonValidation validation;

    private HorizonForecaster(Duration horizon, BoostedRegression model, double lowerLog, double upperLog,
                              HorizonValidation validation) {
        this.horizon = horizon;
        this.model = model;
        this.lowerLog = lowerLog;
        this.upperLog = upperLog;
        this.validation = validation;
    }

    static HorizonForecaster decide(Duration horizon, List<String> names, HorizonRows rows,
                                    WalkForward.Outcome outcome, HashpriceForecaster.Options options) {
        double needed = outcome.baselineMae() * (1 - options.minMaeImprovement());
        // Overlapping week-ahead windows make a small overall win cheap to get by chance, so the model must also
        // win most folds on their own, and its advantage must be unlikely under "no better than naive" once the
        // overlap's autocorrelation is accounted for (Diebold–Mariano with Newey–West variance).
        int overlapLags = (int) Math.max(0, Math.ceil((double) horizon.toMinutes() / options.step().toMinutes()) - 1);
        double pValue = DieboldMariano.pValueModelBetter(abs(outcome.logErrors()), abs(outcome.baselineLogErrors()),
                overlapLags);
        boolean beats = outcome.mae() < needed
                && outcome.foldsWon() >= options.minFoldWinShare() * outcome.folds()
                && pValue <= options.maxAdvantagePValue();
        String reason = String.format(Locale.ROOT, "walk-forward MAE %.3f vs naive %.3f USD/PH/day (%+.1f %%) over"
                        + " %d forecasts, better in %d of %d folds, chance of such an advantage without a real one"
                        + " p = %.3f; to be used the model must be at least %.0f %% better overall, in %.0f %% of"
                        + " folds, with p ≤ %.2f",
                outcome.mae(), outcome.baselineMae(), 100 * (outcome.mae() / outcome.baselineMae() - 1),
                outcome.rows(), outcome.foldsWon(), outcome.folds(), pValue, 100 * options.minMaeImprovement(),
                100 * options.minFoldWinShare(), options.maxAdvantagePValue());
        double tail = (1 - options.intervalCoverage()) / 2;
        double[] errors = beats ? outcome.logErrors() : outcome.baselineLogErrors();
        HorizonValidation validation = new HorizonValidation(horizon, outcome.folds(), outcome.rows(), outcome.mae(),
                outcome.baselineMae(), outcome.directionalAccuracy(), outcome.baselineDirectionalAccuracy(),
                beats ? outcome.intervalCoverage() : outcome.baselineIntervalCoverage(),
                beats ? ForecastSource.MODEL : ForecastSource.BASELINE,
                (beats ? "model beats the naive forecast: " : "falls back to the naive forecast: ") + reason);
        BoostedRegression model = beats ? BoostedRegression.fit(names, rows.x, rows.y, options.boost()) : null;
        return new HorizonForecaster(horizon, model, WalkForward.quantile(errors, tail),
                WalkForward.quantile(errors, 1 - tail), validation);
    }

    Duration horizon() {
        return horizon;
    }

    HorizonValidation validation() {
        return validation;
    }

    /**
     * @param x the features now, or {@code null} when some are unknown: then even a validated model cannot speak
     *          and the naive forecast stands, saying why
     */
    HashpriceForecast forecast(Instant madeAt, double lastKnown, double[] x, boolean feesIncluded, double coverage) {
        ForecastSource source = validation.source();
        String reason = validation.reason();
        double change = 0;
        if (model != null && x != null) {
            change = model.predict(new double[][]{x})[0];
        } else if (model != null) {
            source = ForecastSource.BASELINE;
            reason = "falls back to the naive forecast: the market history lacks figures the model needs at "
                    + madeAt + " (a week of price, difficulty and fees, two weeks of difficulty)";
        }
        double expected = lastKnown * Math.exp(change);
        double low = expected * Math.exp(Math.min(lowerLog, 0));
        double high = expected * Math.exp(Math.max(upperLog, 0));
        return new HashpriceForecast(horizon, madeAt, lastKnown, expected, low, high, coverage, source, reason,
                feesIncluded);
    }

    private static double[] abs(double[] errors) {
        double[] out = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            out[i] = Math.abs(errors[i]);
        }
        return out;
    }
}
