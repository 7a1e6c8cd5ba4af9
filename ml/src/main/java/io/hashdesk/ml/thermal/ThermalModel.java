package io.hashdesk.ml.thermal;

import io.hashdesk.core.settings.JsonSettings;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One miner's thermal model, fitted from its telemetry: hottest-chip temperature from room temperature, wall
 * power and fan duty, with a steady state of ambient + heat × resistance(airflow) and a first-order lag towards it
 * (see {@link ThermalParameters}). Immutable; {@link #fit} builds one. Answers "how hot will the chips run after
 * this power or fan change, and how soon" with an interval from its own measured errors.
 */
public final class ThermalModel {

    private static final Logger LOG = LoggerFactory.getLogger(ThermalModel.class);
    private static final double PERCENT = 100;

    private final ThermalParameters parameters;
    private final PredictionErrors errors;
    private final ThermalSamples.AirflowSource airflowSource;
    private final double airflowPerDuty;
    private final double minAirflowFraction;
    private final int samples;
    private final Instant trainedFrom;
    private final Instant trainedTo;
    private final double trainingRmseC;
    private final String priorScope;

    private ThermalModel(ThermalParameters parameters, PredictionErrors errors, ThermalSamples data,
                         double airflowPerDuty, Options options, double trainingRmseC, String priorScope) {
        this.parameters = parameters;
        this.errors = errors;
        this.airflowSource = data.source;
        this.airflowPerDuty = airflowPerDuty;
        this.minAirflowFraction = options.minAirflowFraction();
        this.samples = data.size();
        this.trainedFrom = data.at[0];
        this.trainedTo = data.at[data.size() - 1];
        this.trainingRmseC = trainingRmseC;
        this.priorScope = priorScope;
    }

    /**
     * Hyper-parameters of the fit; defaults in {@code thermal-model-defaults.json} beside this class.
     *
     * @param trainingWindow            only the latest stretch of a series this long is fitted: dust and fan wear
     *                                  make older behaviour stale, and it bounds the cost of a fit
     * @param maxChainGap               points further apart than this are not linked by the lag
     * @param minSamples                usable points needed without a prior
     * @param minSamplesWithPrior       usable points needed with a per-model prior
     * @param minRpmShare               share of points that must report fan rpm for airflow to be measured by rpm
     * @param minRpmCalibrationPercent  duty below which rpm ÷ duty is too noisy to calibrate full-duty rpm on
     * @param minAirflowFraction        airflow floor, so that a stopped fan or immersion does not divide by zero
     * @param maxIterations             Levenberg–Marquardt iterations
     * @param tolerance                 stops when an iteration improves the sum of squares by less than this share
     * @param initialAirflowExponent    where the fit starts
     * @param initialTimeConstant       where the fit starts
     * @param errorHorizon              how far ahead prediction errors are measured step by step; beyond it the
     *                                  steady-state errors apply
     * @param intervalCoverage          share of training errors prediction intervals cover (0.9 = 5th–95th pct)
     * @param fanHealthWindow           the end of the series over which today's airflow per duty is measured
     * @param calibrationShare          the last share of a series that intervals are calibrated on, out of sample
     * @param priorMinimumSpread        least spread a per-model prior allows per parameter
     */
    public record Options(Duration trainingWindow, Duration maxChainGap, int minSamples, int minSamplesWithPrior,
                          double minRpmShare,
                          double minRpmCalibrationPercent, double minAirflowFraction, int maxIterations,
                          double tolerance, double initialAirflowExponent, Duration initialTimeConstant,
                          Duration errorHorizon, double intervalCoverage, Duration fanHealthWindow,
                          double calibrationShare, ThermalSpreads priorMinimumSpread) {

        private static final String DEFAULTS = "thermal-model-defaults.json";

        public Options {
            Objects.requireNonNull(priorMinimumSpread, "priorMinimumSpread");
            requirePositive(trainingWindow, "trainingWindow");
            requirePositive(maxChainGap, "maxChainGap");
            requirePositive(initialTimeConstant, "initialTimeConstant");
            requirePositive(errorHorizon, "errorHorizon");
            requirePositive(fanHealthWindow, "fanHealthWindow");
            if (minSamplesWithPrior < 2 || minSamples < minSamplesWithPrior) {
                throw new IllegalArgumentException("need 2 ≤ minSamplesWithPrior ≤ minSamples, got "
                        + minSamplesWithPrior + " and " + minSamples);
            }
            if (!(minRpmShare > 0 && minRpmShare <= 1) || !(minAirflowFraction > 0 && minAirflowFraction < 1)
                    || !(minRpmCalibrationPercent > 0 && minRpmCalibrationPercent <= PERCENT)) {
                throw new IllegalArgumentException("minRpmShare and minAirflowFraction must be in (0, 1],"
                        + " minRpmCalibrationPercent in (0, 100]");
            }
            if (maxIterations < 1 || !(tolerance > 0) || !(initialAirflowExponent > 0)) {
                throw new IllegalArgumentException("maxIterations, tolerance and initialAirflowExponent must be"
                        + " positive");
            }
            if (!(calibrationShare > 0 && calibrationShare < 1)) {
                throw new IllegalArgumentException("calibrationShare must be in (0, 1), got " + calibrationShare);
            }
            if (!(intervalCoverage > 0 && intervalCoverage < 1)) {
                throw new IllegalArgumentException("intervalCoverage must be in (0, 1), got " + intervalCoverage);
            }
        }

        public static Options defaults() {
            return JsonSettings.defaults(Options.class, DEFAULTS);
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
            }
        }
    }

    /**
     * Fits a miner's model from its series (raw or 5-minute points, oldest first).
     *
     * @param ambient room temperature over the series; {@link RoomAmbient#constant} where no sensor exists
     * @param prior   the miner model's prior from fitted peers, or {@code null} to rely on this series alone
     * @throws IllegalArgumentException when too few usable points remain (saying how many and why) or the series
     *                                  is out of order
     */
    public static ThermalModel fit(List<SeriesPoint> series, RoomAmbient ambient, ThermalPrior prior,
                                   Options options, TrainingProgress progress) {
        ThermalSamples data = ThermalSamples.from(latest(series, options.trainingWindow()), ambient, options);
        int needed = prior == null ? options.minSamples() : options.minSamplesWithPrior();
        if (data.chainedCount() < needed) {
            throw new IllegalArgumentException("a thermal fit needs " + needed + " usable points following another"
                    + " within " + options.maxChainGap() + (prior == null ? " (or a per-model prior)" : "")
                    + ", got " + data.chainedCount() + " of " + (data.size() + data.leftOut) + " (" + data.leftOut
                    + " lacked power, chip temperature, fan duty or fan rpm, or mixed hashing and idle)");
        }
        double[] start = prior != null ? prior.mean() : ThermalFitStart.of(data, options);
        LagResiduals residuals = new LagResiduals(data, prior);
        double[] theta = solve(residuals, start, options, progress);
        double rmse = Math.sqrt(residuals.dataSumOfSquares(theta) / data.chainedCount());
        PredictionErrors errors = calibrationErrors(data, prior, start, theta, options, progress);
        return new ThermalModel(ThermalParameters.fromVector(theta), errors, data,
                data.recentAirflowPerDuty(options.fanHealthWindow()), options, rmse,
                prior == null ? null : prior.scope());
    }

    private static List<SeriesPoint> latest(List<SeriesPoint> series, Duration window) {
        if (series.isEmpty()) {
            return series;
        }
        Instant from = series.getLast().start().minus(window);
        return series.stream().filter(p -> !p.start().isBefore(from)).toList();
    }

    private static double[] solve(LagResiduals residuals, double[] start, Options options,
                                  TrainingProgress progress) {
        LevenbergMarquardt.Result result = LevenbergMarquardt.minimize(residuals, start, options.maxIterations(),
                options.tolerance(), progress);
        if (!result.converged()) {
            LOG.debug("Thermal fit stopped after {} iterations without converging", result.iterations());
        }
        return result.parameters();
    }

    /**
     * Prediction errors measured out of sample: the model refitted on the series without its last
     * {@code calibrationShare}, then asked about that last part, so intervals reflect how the model does on data
     * it has not seen. A series too short to spare that part falls back to in-sample errors of the full fit.
     */
    private static PredictionErrors calibrationErrors(ThermalSamples data, ThermalPrior prior, double[] start,
                                                      double[] fullFit, Options options, TrainingProgress progress) {
        int split = (int) Math.round(data.size() * (1 - options.calibrationShare()));
        ThermalSamples early = data.slice(0, split);
        ThermalSamples late = data.slice(split, data.size());
        int needed = prior == null ? options.minSamples() : options.minSamplesWithPrior();
        if (early.chainedCount() < needed || late.chainedCount() < needed) {
            return PredictionErrors.measure(data, fullFit, options.errorHorizon(), options.intervalCoverage());
        }
        double[] earlyFit = solve(new LagResiduals(early, prior), start, options, progress);
        return PredictionErrors.measure(late, earlyFit, options.errorHorizon(), options.intervalCoverage());
    }

    /** Where the hottest chip settles at this room temperature, wall power and fan duty. */
    public TemperaturePrediction steadyState(double ambientC, double powerWatts, double fanPercent) {
        checkInputs(ambientC, powerWatts, fanPercent);
        return errors.steady(parameters.steadyStateC(ambientC, powerWatts, airflowAt(fanPercent)));
    }

    /**
     * The hottest chip's temperature {@code after} a change to this power and fan duty, starting from
     * {@code currentChipTempC}, with room temperature and the new settings held from then on.
     */
    public TemperaturePrediction predict(double ambientC, double powerWatts, double fanPercent,
                                         double currentChipTempC, Duration after) {
        checkInputs(ambientC, powerWatts, fanPercent);
        if (!Double.isFinite(currentChipTempC)) {
            throw new IllegalArgumentException("current chip temperature must be finite, got " + currentChipTempC);
        }
        if (after.isNegative()) {
            throw new IllegalArgumentException("cannot predict " + after + " into the past");
        }
        double steady = parameters.steadyStateC(ambientC, powerWatts, airflowAt(fanPercent));
        double predicted = steady + (currentChipTempC - steady) * parameters.remainingAfter(after.toNanos() / 1e9);
        return errors.around(predicted, after);
    }

    /** Chip-to-air resistance at this fan duty with the fans as healthy as at the end of training, °C per W. */
    public double resistanceCPerW(double fanPercent) {
        checkInputs(0, 0, fanPercent);
        return parameters.resistanceCPerW(airflowAt(fanPercent));
    }

    private double airflowAt(double fanPercent) {
        return Math.max(fanPercent / PERCENT * airflowPerDuty, minAirflowFraction);
    }

    private static void checkInputs(double ambientC, double powerWatts, double fanPercent) {
        if (!Double.isFinite(ambientC) || !(powerWatts >= 0) || Double.isInfinite(powerWatts)
                || !(fanPercent >= 0 && fanPercent <= PERCENT)) {
            throw new IllegalArgumentException("need a finite ambient, power ≥ 0 W and fan duty 0–100 %, got "
                    + ambientC + " °C, " + powerWatts + " W, " + fanPercent + " %");
        }
    }

    public ThermalParameters parameters() {
        return parameters;
    }

    /** Whether airflow was measured from fan rpm (tracks worn fans) rather than from duty alone. */
    public boolean airflowFromRpm() {
        return airflowSource == ThermalSamples.AirflowSource.FAN_RPM;
    }

    /** Airflow per duty at the end of training relative to the training window (1 = fans as healthy as then). */
    public double airflowPerDuty() {
        return airflowPerDuty;
    }

    public int samples() {
        return samples;
    }

    public Instant trainedFrom() {
        return trainedFrom;
    }

    public Instant trainedTo() {
        return trainedTo;
    }

    /** Root mean square of the one-step residuals on the training series, °C. */
    public double trainingRmseC() {
        return trainingRmseC;
    }

    /** The scope of the prior the fit leaned on, or {@code null} when it used its own data alone. */
    public String priorScope() {
        return priorScope;
    }

    /** One-step residuals: each chained sample predicted from the one before it with its own inputs. */
    private static final class LagResiduals implements LevenbergMarquardt.Residuals {
        private final ThermalSamples s;
        private final ThermalPrior prior;
        private final int[] targets;

        LagResiduals(ThermalSamples s, ThermalPrior prior) {
            this.s = s;
            this.prior = prior;
            this.targets = new int[s.chainedCount()];
            int t = 0;
            for (int k = 0; k < s.size(); k++) {
                if (s.chained[k]) {
                    targets[t++] = k;
                }
            }
        }

        @Override
        public int count() {
            return targets.length + (prior == null ? 0 : ThermalParameters.COUNT);
        }

        @Override
        public void evaluate(double[] theta, double[] out) {
            double tau = Math.exp(theta[4]);
            for (int t = 0; t < targets.length; t++) {
                int k = targets[t];
                double steady = ThermalParameters.steadyStateC(theta, s.ambientC[k], s.powerWatts[k], s.airflow[k]);
                double remaining = Math.exp(-(s.seconds[k] - s.seconds[k - 1]) / tau);
                out[t] = steady + (s.chipTempC[k - 1] - steady) * remaining - s.chipTempC[k];
            }
            if (prior != null) {
                prior.residuals(theta, out, targets.length);
            }
        }

        double dataSumOfSquares(double[] theta) {
            double[] out = new double[count()];
            evaluate(theta, out);
            double sum = 0;
            for (int t = 0; t < targets.length; t++) {
                sum += out[t] * out[t];
            }
            return sum;
        }
    }
}
