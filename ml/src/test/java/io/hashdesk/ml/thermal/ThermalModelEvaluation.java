package io.hashdesk.ml.thermal;

import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The thermal model against simulator history: fitted per unit on the first days at 5-minute resolution, judged on
 * later days in which the operator makes preset and fan changes the fit never saw (presets and duties outside the
 * training range among them), with the room swinging between night and day. Baselines: "the temperature stays
 * as it is" and a linear regression of temperature on ambient, power and fan duty fitted on the same days.
 */
public final class ThermalModelEvaluation implements ModelEvaluation {

    static final String MODEL = "Thermal model";
    private static final String MODEL_ID = "antminer-s19j-pro";
    private static final List<String> TRAINING_PRESETS = List.of("2300", "2700", "3068");
    private static final List<String> ALL_PRESETS = List.of("2100", "2300", "2700", "3068", "3486");
    /** A change of this much power or duty between 5-minute points counts as an operator's change. */
    private static final double CHANGE_WATTS = 100;
    private static final double CHANGE_FAN_PERCENT = 5;
    private static final int HORIZON_STEPS = 6;
    /** The newcomer has this much of its own history before the held-out days. */
    private static final Duration NEWCOMER_HISTORY = Duration.ofHours(3);
    /** CPU time, not wall time: tests and other builds share the machine's two cores. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Path workDir;

    /** Works in a fresh temporary directory, removed afterwards. */
    public ThermalModelEvaluation() {
        this(null);
    }

    ThermalModelEvaluation(Path workDir) {
        this.workDir = workDir;
    }

    @Override
    public String title() {
        return MODEL;
    }

    record Scenario(int units, int trainDays, int testDays) {
        static Scenario of(EvaluationScale scale) {
            return scale == EvaluationScale.TEST ? new Scenario(3, 3, 1) : new Scenario(6, 10, 4);
        }
    }

    @Override
    public Result evaluate(EvaluationScale scale) throws IOException {
        Scenario scenario = Scenario.of(scale);
        Path dir = workDir != null ? workDir : Files.createTempDirectory("thermal-eval");
        try (SimulatedThermalHistory history = SimulatedThermalHistory.run(dir, units(scenario.units()),
                SimulatedThermalHistory.dayNightCurve(), scenario.trainDays(),
                new SimulatedThermalHistory.Operator(TRAINING_PRESETS, 45, 85, Duration.ofHours(2), 75),
                scenario.testDays(),
                new SimulatedThermalHistory.Operator(ALL_PRESETS, 35, 100, Duration.ofMinutes(90), 70), 2026)) {
            return score(history, scenario, scale);
        } finally {
            if (workDir == null) {
                deleteTree(dir);
            }
        }
    }

    private Result score(SimulatedThermalHistory history, Scenario scenario, EvaluationScale scale) {
        ThermalModel.Options options = ThermalModel.Options.defaults();
        RoomAmbient ambient = history.ambient();
        Instant testFrom = SimulatedThermalHistory.START.plus(Duration.ofDays(scenario.trainDays()));
        HeldOutScore model = new HeldOutScore();
        HeldOutScore persistence = new HeldOutScore();
        HeldOutScore linear = new HeldOutScore();
        List<ThermalModel> fitted = new ArrayList<>();
        long fitNanos = 0;
        int heldOutPoints = 0;
        int leftOut = 0;
        for (int u = 0; u < scenario.units(); u++) {
            String id = unitId(u);
            List<SeriesPoint> train = history.series(id, SimulatedThermalHistory.START, testFrom,
                    Resolution.FIVE_MINUTES);
            long started = THREADS.getCurrentThreadCpuTime();
            ThermalModel fit = ThermalModel.fit(train, ambient, null, options, TrainingProgress.NONE);
            fitNanos += THREADS.getCurrentThreadCpuTime() - started;
            fitted.add(fit);
            LinearBaseline regression = LinearBaseline.fit(ThermalSamples.from(train, ambient, options));
            ThermalSamples test = ThermalSamples.from(
                    history.series(id, testFrom, history.end(), Resolution.FIVE_MINUTES), ambient, options);
            HeldOutScore.scoreUnit(test, fit, regression, model, persistence, linear);
            heldOutPoints += test.size() + test.leftOut;
            leftOut += test.leftOut;
        }
        // A newcomer: the last unit again, as if it had joined three hours before the held-out days.
        String newcomer = unitId(scenario.units() - 1);
        List<SeriesPoint> shortHistory = history.series(newcomer, testFrom.minus(NEWCOMER_HISTORY), testFrom,
                Resolution.FIVE_MINUTES);
        ThermalPrior prior = ThermalPrior.fromPeers(MODEL_ID, fitted.subList(0, fitted.size() - 1), options);
        ThermalModel withPrior = ThermalModel.fit(shortHistory, ambient, prior, options, TrainingProgress.NONE);
        ThermalSamples newcomerTest = ThermalSamples.from(
                history.series(newcomer, testFrom, history.end(), Resolution.FIVE_MINUTES), ambient, options);
        HeldOutScore newcomerScore = new HeldOutScore();
        HeldOutScore.scoreUnit(newcomerTest, withPrior, null, newcomerScore, new HeldOutScore(), new HeldOutScore());

        List<MetricRow> rows = new ArrayList<>();
        rows.add(target("RMSE 5–30 min after a power or fan change, held-out days (°C)", model.afterChangeRmse(),
                String.format(Locale.ROOT, "persistence %.2f, linear regression %.2f",
                        persistence.afterChangeRmse(), linear.afterChangeRmse())));
        rows.add(target("RMSE of the steady state on held-out points whose power and fan held for 15 min,"
                        + " no current temperature given (°C)",
                model.steadyRmse(), String.format(Locale.ROOT, "linear regression %.2f", linear.steadyRmse())));
        rows.add(MetricRow.reported(MODEL, "RMSE 5 min ahead on every held-out point (°C)", model.oneStepRmse(),
                String.format(Locale.ROOT, "persistence %.2f, linear regression %.2f", persistence.oneStepRmse(),
                        linear.oneStepRmse())));
        rows.add(coverage(scale, "90 % interval coverage after changes, held-out days", model.afterChangeCoverage()));
        rows.add(coverage(scale, "90 % interval coverage of the steady state, held-out days",
                model.steadyCoverage()));
        rows.add(target("Newcomer with 3 h of history and a per-model prior: RMSE after changes (°C)",
                newcomerScore.afterChangeRmse(), String.format(Locale.ROOT,
                        "same unit with its full history %.2f", model.lastUnitAfterChangeRmse())));
        rows.add(MetricRow.reported(MODEL, "Fit time per unit, CPU, rolling-origin calibration included (ms)",
                fitNanos / 1e6 / scenario.units(), ""));
        List<String> notes = List.of(
                String.format(Locale.ROOT, "%d simulated %s units polled once a minute into a SQLite store, fitted"
                        + " on its 5-minute series: %d training days (of which the fit uses the last %d, its"
                        + " training window), %d held-out days after them.", scenario.units(), MODEL_ID,
                        scenario.trainDays(), Math.min(scenario.trainDays(), options.trainingWindow().toDays()),
                        scenario.testDays()),
                "Room air follows the simulator's day/night curve (17 °C at 04:00, 29 °C at 15:00); the model gets"
                        + " it as a room sensor read every 15 minutes.",
                "Training days: presets " + TRAINING_PRESETS + ", manual fan 45–85 % or auto, a change every 2 h."
                        + " Held-out days: presets " + ALL_PRESETS + " (2100 and 3486 never seen), fan 35–100 %"
                        + " or auto at another target, a change every 90 min.",
                String.format(Locale.ROOT, "%d change events on the held-out days (a step of ≥ %.0f W or ≥ %.0f %%"
                        + " duty between 5-minute points); each predicted 5–30 min ahead from the temperature"
                        + " before it, with the measured power and duty after it.", model.events(), CHANGE_WATTS,
                        CHANGE_FAN_PERCENT),
                String.format(Locale.ROOT, "%d of %d held-out 5-minute points are left out of scoring (and such"
                        + " points of fitting): the unit hashed only part of them (restarts after preset changes,"
                        + " overheat shutdowns when a hot afternoon met a low fan duty), so their means mix two"
                        + " states.",
                        leftOut, heldOutPoints),
                "Intervals come from rolling-origin errors: the training window cut into "
                        + options.calibrationBlocks() + " stretches, a fit on everything before each boundary"
                        + " predicting the next " + options.calibrationAheadBlocks() + ", errors scaled by the"
                        + " predicted rise over the room plus the predicted move. Held-out days further past"
                        + " training than that (the full scenario's third and fourth) meet more dust than"
                        + " calibration saw, so coverage there falls below nominal.",
                "The newcomer is the last unit fitted on only its 3 hours before the held-out days, with a prior"
                        + " from the other units' fits; on its own it would have too few points to fit.");
        return new Result(rows, notes);
    }

    /**
     * Coverage is held to 85–95 % on the test scenario, whose held-out day follows training directly as a daily
     * retrain would have it; the full scenario's four held-out days run further past training than the rolling-origin
     * calibration looks (two of its four stretches), so there it is reported.
     */
    private static MetricRow coverage(EvaluationScale scale, String metric, double value) {
        if (scale == EvaluationScale.FULL) {
            return MetricRow.reported(MODEL, metric, value, "");
        }
        return new MetricRow(MODEL, metric, value, "85–95 %", value >= 0.85 && value <= 0.95, "");
    }

    private static MetricRow target(String metric, double value, String baseline) {
        return new MetricRow(MODEL, metric, value, "< 1.5", value < 1.5, baseline);
    }

    static String unitId(int index) {
        return String.format(Locale.ROOT, "s19jpro-%02d", index);
    }

    private static List<MinerBlueprint> units(int count) {
        List<MinerBlueprint> units = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            units.add(MinerBlueprint.of(unitId(u), MODEL_ID, u % 2 == 0 ? "1.2.7" : "1.3.4", 300 + u)
                    .withPreset("2700", ALL_PRESETS));
        }
        return units;
    }

    static boolean isChange(ThermalSamples s, int k) {
        return s.chained[k] && (Math.abs(s.powerWatts[k] - s.powerWatts[k - 1]) >= CHANGE_WATTS
                || Math.abs(s.fanPercent[k] - s.fanPercent[k - 1]) >= CHANGE_FAN_PERCENT);
    }

    static int horizonSteps() {
        return HORIZON_STEPS;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
