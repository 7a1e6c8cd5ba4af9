package io.hashdesk.ml.forecast;

import io.hashdesk.ml.TrainingProgress;
import java.util.Arrays;
import java.util.List;

/**
 * Walk-forward validation of one horizon. The rows after an initial training share are cut into folds in time
 * order; each fold is forecast by a model trained on the rows whose outcome was known at the fold's first forecast
 * time, so nothing a forecaster could not have known leaks in. Intervals are checked the same way: a fold's
 * interval comes from the errors of earlier folds only.
 */
final class WalkForward {

    /** Out-of-fold errors and scores; {@code logErrors} are (outcome − forecast) of log hashprice, in time order. */
    record Outcome(int folds, int foldsWon, int rows, double mae, double baselineMae, double directionalAccuracy,
                   double baselineDirectionalAccuracy, double intervalCoverage, double baselineIntervalCoverage,
                   double[] logErrors, double[] baselineLogErrors) {
    }

    private WalkForward() {
    }

    static Outcome run(MarketGrid grid, HorizonRows rows, List<String> names, HashpriceForecaster.Options options,
                       TrainingProgress progress, double progressFrom, double progressSpan) {
        int n = rows.size();
        int testStart = Math.max((int) Math.round(n * options.initialTrainingShare()), options.minTrainingRows());
        if (testStart >= n - options.folds()) {
            throw new IllegalArgumentException("walk-forward validation needs more history: " + n + " rows for a "
                    + grid.step.multipliedBy(rows.aheadSteps) + " horizon, of which the first " + testStart
                    + " only train");
        }
        double[] predicted = new double[n];
        Arrays.fill(predicted, Double.NaN);
        int[] foldOf = new int[n];
        Arrays.fill(foldOf, -1);
        double[] majority = new double[n];
        int folds = options.folds();
        for (int f = 0; f < folds; f++) {
            progress.checkCancelled();
            int from = testStart + (n - testStart) * f / folds;
            int to = testStart + (n - testStart) * (f + 1) / folds;
            int trainRows = rows.knownBefore(rows.index[from]);
            if (trainRows < options.minTrainingRows()) {
                throw new IllegalArgumentException("walk-forward validation needs more history: fold " + (f + 1)
                        + " of the " + grid.step.multipliedBy(rows.aheadSteps) + " horizon would train on "
                        + trainRows + " rows, fewer than minTrainingRows " + options.minTrainingRows());
            }
            BoostedRegression model = BoostedRegression.fit(names, Arrays.copyOf(rows.x, trainRows),
                    Arrays.copyOf(rows.y, trainRows), options.boost());
            double[] p = model.predict(Arrays.copyOfRange(rows.x, from, to));
            double direction = Math.signum(sum(rows.y, trainRows));
            for (int r = from; r < to; r++) {
                predicted[r] = p[r - from];
                foldOf[r] = f;
                majority[r] = direction;
            }
            progress.report(progressFrom + progressSpan * (f + 1) / folds, "Walk-forward fold " + (f + 1) + "/"
                    + folds);
        }
        return score(grid, rows, predicted, foldOf, majority, testStart, options.intervalCoverage(), folds);
    }

    private static Outcome score(MarketGrid grid, HorizonRows rows, double[] predicted, int[] foldOf,
                                 double[] majority, int testStart, double coverage, int folds) {
        int n = rows.size();
        int scored = n - testStart;
        double absModel = 0;
        double absBaseline = 0;
        int directed = 0;
        int rightModel = 0;
        int rightBaseline = 0;
        double[] foldModel = new double[folds];
        double[] foldBaseline = new double[folds];
        double[] errors = new double[scored];
        double[] baselineErrors = new double[scored];
        for (int r = testStart; r < n; r++) {
            int i = rows.index[r];
            double last = grid.hashprice[i];
            double actual = grid.hashprice[i + rows.aheadSteps];
            double modelError = Math.abs(last * Math.exp(predicted[r]) - actual);
            absModel += modelError;
            absBaseline += Math.abs(last - actual);
            foldModel[foldOf[r]] += modelError;
            foldBaseline[foldOf[r]] += Math.abs(last - actual);
            errors[r - testStart] = rows.y[r] - predicted[r];
            baselineErrors[r - testStart] = rows.y[r];
            if (rows.y[r] != 0) {
                directed++;
                rightModel += Math.signum(predicted[r]) == Math.signum(rows.y[r]) ? 1 : 0;
                rightBaseline += majority[r] == Math.signum(rows.y[r]) ? 1 : 0;
            }
        }
        int won = 0;
        for (int f = 0; f < folds; f++) {
            won += foldModel[f] < foldBaseline[f] ? 1 : 0;
        }
        int[] foldTail = Arrays.copyOfRange(foldOf, testStart, n);
        return new Outcome(folds, won, scored, absModel / scored, absBaseline / scored,
                directed == 0 ? Double.NaN : (double) rightModel / directed,
                directed == 0 ? Double.NaN : (double) rightBaseline / directed,
                sequentialCoverage(errors, foldTail, coverage), sequentialCoverage(baselineErrors, foldTail, coverage),
                errors, baselineErrors);
    }

    /** Share of errors in folds 2.. that fall inside the quantile interval of all errors of earlier folds. */
    private static double sequentialCoverage(double[] errors, int[] foldOf, double coverage) {
        int inside = 0;
        int checked = 0;
        double lo = 0;
        double hi = 0;
        for (int r = 0; r < errors.length; r++) {
            if (foldOf[r] == foldOf[0]) {
                continue;
            }
            if (foldOf[r] != foldOf[r - 1]) {
                double[] earlier = Arrays.copyOf(errors, r);
                lo = quantile(earlier, (1 - coverage) / 2);
                hi = quantile(earlier, (1 + coverage) / 2);
            }
            inside += errors[r] >= lo && errors[r] <= hi ? 1 : 0;
            checked++;
        }
        return checked == 0 ? Double.NaN : (double) inside / checked;
    }

    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    private static double sum(double[] values, int count) {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += values[i];
        }
        return s;
    }
}
