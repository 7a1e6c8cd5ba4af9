package io.hashdesk.ml.thermal;

import io.hashdesk.core.settings.JsonSettings;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One miner's thermal model, fitted from its telemetry: hottest-chip temperature from room temperature, wall
 * power and fan duty, with a steady state of ambient + heat × resistance(airflow) and a first-order lag towards it
 * (see {@link ThermalParameters}). Immutable; {@link #fit} builds one. Answers "how hot will the chips run after
 * this power or fan change, and how soon" with an interval from errors measured out of sample (rolling origin, see
 * {@link ThermalFit#rollingOrigin}). Its {@link #state()} is plain data that {@link #restore} turns back into it.
 */
public final class ThermalModel {

    private static final double PERCENT = 100;

    private final ThermalModelState state;

    private ThermalModel(ThermalModelState state) {
        this.state = state;
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
     * @param startAirflowExponents     airflow exponents the fit's starting point is tried at (resistances are then
     *                                  solved for linearly); the best one starts Levenberg–Marquardt
     * @param initialTimeConstant       where the fit starts
     * @param errorHorizon              how far ahead prediction errors are measured step by step; beyond it the
     *                                  steady-state errors apply
     * @param intervalCoverage          share of training errors prediction intervals cover (0.9 = 5th–95th pct)
     * @param fanHealthWindow           the end of the series over which today's airflow per duty is measured
     * @param calibrationBlocks         stretches a series is cut into for rolling-origin calibration of intervals:
     *                                  at each boundary a fit on everything before it predicts what follows
     * @param calibrationAheadBlocks    how many stretches after its boundary each of those fits predicts: how long a
     *                                  model is used before it is retrained, in stretches
     * @param priorMinimumSpread        least spread a per-model prior allows per parameter
     * @param bounds                    the box every fit is held in; a fit that ends on its edge is refused
     * @param maxHeldOutRmseC           a fit whose rolling-origin one-step RMSE is above this is refused, °C
     * @param maxHeldOutToTrainingRmse  and one whose rolling-origin RMSE is more than this many times its training
     *                                  RMSE: it matches the days it saw and not the next ones
     * @param minNoiseC                 the least one-step noise intervals assume, °C (a reading's rounding), so
     *                                  that a perfect fit still divides its errors by something
     */
    public record Options(Duration trainingWindow, Duration maxChainGap, int minSamples, int minSamplesWithPrior,
                          double minRpmShare,
                          double minRpmCalibrationPercent, double minAirflowFraction, int maxIterations,
                          double tolerance, List<Double> startAirflowExponents, Duration initialTimeConstant,
                          Duration errorHorizon, double intervalCoverage, Duration fanHealthWindow,
                          int calibrationBlocks, int calibrationAheadBlocks,
                          ThermalSpreads priorMinimumSpread, ThermalBounds bounds, double maxHeldOutRmseC,
                          double maxHeldOutToTrainingRmse, double minNoiseC) {

        private static final String DEFAULTS = "thermal-model-defaults.json";

        public Options {
            Objects.requireNonNull(priorMinimumSpread, "priorMinimumSpread");
            Objects.requireNonNull(bounds, "bounds");
            if (!(maxHeldOutRmseC > 0) || !(maxHeldOutToTrainingRmse >= 1) || !(minNoiseC > 0)
                    || Double.isInfinite(maxHeldOutRmseC) || Double.isInfinite(maxHeldOutToTrainingRmse)
                    || Double.isInfinite(minNoiseC)) {
                throw new IllegalArgumentException("need finite maxHeldOutRmseC > 0, maxHeldOutToTrainingRmse ≥ 1 and"
                        + " minNoiseC > 0, got " + maxHeldOutRmseC + ", " + maxHeldOutToTrainingRmse + " and "
                        + minNoiseC);
            }
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
            startAirflowExponents = List.copyOf(startAirflowExponents);
            if (maxIterations < 1 || !(tolerance > 0) || startAirflowExponents.isEmpty()
                    || startAirflowExponents.stream().anyMatch(e -> !(e > 0))) {
                throw new IllegalArgumentException("maxIterations and tolerance must be positive and"
                        + " startAirflowExponents a non-empty list of positive exponents, got " + maxIterations + ", "
                        + tolerance + ", " + startAirflowExponents);
            }
            if (calibrationBlocks < 2 || calibrationAheadBlocks < 1 || calibrationAheadBlocks >= calibrationBlocks) {
                throw new IllegalArgumentException("need calibrationBlocks ≥ 2 and 1 ≤ calibrationAheadBlocks <"
                        + " calibrationBlocks, got " + calibrationBlocks + " and " + calibrationAheadBlocks);
            }
            if (!(intervalCoverage > 0 && intervalCoverage < 1)) {
                throw new IllegalArgumentException("intervalCoverage must be in (0, 1), got " + intervalCoverage);
            }
        }

        public static Options defaults() {
            return JsonSettings.defaults(Options.class, DEFAULTS);
        }

        /** These options fitting the latest {@code window} of a series instead (scheduled retraining sets it). */
        public Options withTrainingWindow(Duration window) {
            return new Options(window, maxChainGap, minSamples, minSamplesWithPrior, minRpmShare,
                    minRpmCalibrationPercent, minAirflowFraction, maxIterations, tolerance, startAirflowExponents,
                    initialTimeConstant, errorHorizon, intervalCoverage, fanHealthWindow, calibrationBlocks,
                    calibrationAheadBlocks, priorMinimumSpread, bounds, maxHeldOutRmseC, maxHeldOutToTrainingRmse,
                    minNoiseC);
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
     * @throws IllegalArgumentException when too few usable points remain (saying how many and why), the series
     *                                  is out of order, or the fit is implausible: a parameter ended on an edge of
     *                                  {@link Options#bounds()}, or its held-out error is not finite or beyond
     *                                  {@link Options#maxHeldOutRmseC()} / {@link Options#maxHeldOutToTrainingRmse()}
     *                                  (the message names which and by how much)
     */
    public static ThermalModel fit(List<SeriesPoint> series, RoomAmbient ambient, ThermalPrior prior,
                                   Options options, TrainingProgress progress) {
        return fit(samples(series, ambient, options), prior, options, progress);
    }

    /** The usable samples of a series' training window, as a fit reads them. */
    static ThermalSamples samples(List<SeriesPoint> series, RoomAmbient ambient, Options options) {
        return ThermalSamples.from(latest(series, options.trainingWindow()), ambient, options);
    }

    static ThermalModel fit(ThermalSamples data, ThermalPrior prior, Options options, TrainingProgress progress) {
        int needed = prior == null ? options.minSamples() : options.minSamplesWithPrior();
        if (data.chainedCount() < needed) {
            throw new IllegalArgumentException("a thermal fit needs " + needed + " usable points following another"
                    + " within " + options.maxChainGap() + (prior == null ? " (or a per-model prior)" : "")
                    + ", got " + data.chainedCount() + " of " + (data.size() + data.leftOut) + " (" + data.leftOut
                    + " lacked power, chip temperature, fan duty or fan rpm, or mixed hashing and idle)");
        }
        double[] theta = ThermalFit.solve(data, prior, options, progress);
        List<String> edges = options.bounds().edgesHit(theta);
        if (!edges.isEmpty()) {
            throw new IllegalArgumentException("implausible thermal fit of " + data.size() + " points: "
                    + String.join(", ", edges) + "; the data cannot pin it down (a room temperature assumed"
                    + " constant while it swings, or too few distinct settings)");
        }
        LagResiduals residuals = new LagResiduals(data, null);
        double rmse = Math.sqrt(residuals.dataSumOfSquares(theta) / residuals.dataCount());
        PredictionErrors errors = ThermalFit.rollingOrigin(data, prior, theta, Math.max(rmse, options.minNoiseC()),
                options, progress);
        requirePlausibleHeldOut(errors, rmse, data.size(), options);
        return new ThermalModel(new ThermalModelState(ThermalParameters.fromVector(theta), errors,
                data.source == ThermalSamples.AirflowSource.FAN_RPM,
                data.recentAirflowPerDuty(options.fanHealthWindow()), options.minAirflowFraction(), data.size(),
                data.at[0], data.at[data.size() - 1], rmse, prior == null ? null : prior.scope()));
    }

    /** Refuses a fit whose out-of-sample one-step error is not finite, too large, or far above its in-sample error. */
    private static void requirePlausibleHeldOut(PredictionErrors errors, double trainingRmseC, int points,
                                                Options options) {
        if (errors.calibrationOrigins() == 0) {
            return;
        }
        double heldOut = errors.oneStepRmseC();
        if (!(heldOut <= options.maxHeldOutRmseC()) || !(heldOut <= options.maxHeldOutToTrainingRmse()
                * Math.max(trainingRmseC, options.minNoiseC()))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "implausible thermal fit of %d points:"
                    + " held-out one-step RMSE %.3g °C against %.3g °C in training (allowed: at most %.3g °C and %.3g"
                    + " times the training RMSE); fits on earlier days did not predict later ones", points, heldOut,
                    trainingRmseC, options.maxHeldOutRmseC(), options.maxHeldOutToTrainingRmse()));
        }
    }

    /** The model a {@link #state()} describes, predicting exactly as the model it was taken from. */
    public static ThermalModel restore(ThermalModelState state) {
        return new ThermalModel(Objects.requireNonNull(state, "state"));
    }

    /** The points of the last {@code window} of a series in time order, found from its end. */
    private static List<SeriesPoint> latest(List<SeriesPoint> series, Duration window) {
        if (series.isEmpty()) {
            return series;
        }
        Instant from = series.getLast().start().minus(window);
        int first = series.size() - 1;
        while (first > 0 && !series.get(first - 1).start().isBefore(from)) {
            first--;
        }
        return series.subList(first, series.size());
    }

    /** Where the hottest chip settles at this room temperature, wall power and fan duty. */
    public TemperaturePrediction steadyState(double ambientC, double powerWatts, double fanPercent) {
        checkInputs(ambientC, powerWatts, fanPercent);
        return state.errors().steady(state.parameters().steadyStateC(ambientC, powerWatts, airflowAt(fanPercent)),
                ambientC);
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
        ThermalParameters p = state.parameters();
        double seconds = after.toNanos() / 1e9;
        double steady = p.steadyStateC(ambientC, powerWatts, airflowAt(fanPercent));
        double predicted = steady + (currentChipTempC - steady) * p.remainingAfter(seconds);
        return state.errors().around(predicted, ambientC, currentChipTempC, seconds);
    }

    /** Chip-to-air resistance at this fan duty with the fans as healthy as at the end of training, °C per W. */
    public double resistanceCPerW(double fanPercent) {
        checkInputs(0, 0, fanPercent);
        return state.parameters().resistanceCPerW(airflowAt(fanPercent));
    }

    private double airflowAt(double fanPercent) {
        return Math.max(fanPercent / PERCENT * state.airflowPerDuty(), state.minAirflowFraction());
    }

    private static void checkInputs(double ambientC, double powerWatts, double fanPercent) {
        if (!Double.isFinite(ambientC) || !(powerWatts >= 0) || Double.isInfinite(powerWatts)
                || !(fanPercent >= 0 && fanPercent <= PERCENT)) {
            throw new IllegalArgumentException("need a finite ambient, power ≥ 0 W and fan duty 0–100 %, got "
                    + ambientC + " °C, " + powerWatts + " W, " + fanPercent + " %");
        }
    }

    /** The model as plain data, for the registry's JSON artifact; {@link #restore} reads it back. */
    public ThermalModelState state() {
        return state;
    }

    public ThermalParameters parameters() {
        return state.parameters();
    }

    /** Whether airflow was measured from fan rpm (tracks worn fans) rather than from duty alone. */
    public boolean airflowFromRpm() {
        return state.airflowFromRpm();
    }

    /** Airflow per duty at the end of training relative to the training window (1 = fans as healthy as then). */
    public double airflowPerDuty() {
        return state.airflowPerDuty();
    }

    public int samples() {
        return state.samples();
    }

    public Instant trainedFrom() {
        return state.trainedFrom();
    }

    public Instant trainedTo() {
        return state.trainedTo();
    }

    /** Root mean square of the one-step residuals on the training series, °C. */
    public double trainingRmseC() {
        return state.trainingRmseC();
    }

    /** The scope of the prior the fit leaned on, or {@code null} when it used its own data alone. */
    public String priorScope() {
        return state.priorScope();
    }
}
