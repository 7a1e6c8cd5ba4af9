package io.hashdesk.ml.month;

import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import java.io.IOException;
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
 * The month-long proof: the demo farm runs the same simulated month twice from the same seed, once as configured
 * (polled, models retrained, nothing applied) and once with an operator who every six hours builds the evidence, runs
 * the recommendation engine, accepts every recommendation that changes miners and applies it through the action
 * executor. Compared: profit, J/TH, energy and hashrate; judged against the simulator's ground truth: how far units
 * end from their true optimum, how often a measured outcome fell inside its predicted interval, and whether anything
 * outside a model's safe limits was ever written.
 */
public final class RecommendationEvaluation implements ModelEvaluation {

    static final String MODEL = "Recommendations over a simulated month";
    static final Path FARM_FILE = Path.of(System.getProperty("user.dir"))
            .resolve("../assets/demo-farm/demo-farm.json");
    static final Path ECONOMICS_FILE = FARM_FILE.resolveSibling("demo-economics.json");

    /** Both runs of one scenario. */
    record Comparison(MonthScenario scenario, RunFigures without, RunFigures with, LoopTally loop,
                      List<WriteAudit.Write> writes, int restores, int trialSwitches, Duration withoutTook,
                      Duration withTook, Duration retrainingTook) {
    }

    @Override
    public String title() {
        return MODEL;
    }

    @Override
    public Result evaluate(EvaluationScale scale) throws IOException, InterruptedException {
        MonthScenario scenario = MonthScenario.demoFarm(FARM_FILE, scale);
        Path dir = Files.createTempDirectory("month-eval");
        try {
            return result(compare(scenario, dir));
        } finally {
            deleteTree(dir);
        }
    }

    static Comparison compare(MonthScenario scenario, Path dir) throws IOException, InterruptedException {
        long began = System.nanoTime();
        RunFigures without;
        Duration retrainingWithout;
        try (FarmMonth month = FarmMonth.start(scenario, ECONOMICS_FILE, Files.createDirectories(
                dir.resolve("without")))) {
            month.advanceTo(scenario.end());
            without = month.figures();
            retrainingWithout = month.retrainingTime();
        }
        Duration withoutTook = Duration.ofNanos(System.nanoTime() - began);
        began = System.nanoTime();
        try (FarmMonth month = FarmMonth.start(scenario, ECONOMICS_FILE, Files.createDirectories(
                dir.resolve("with")))) {
            month.advanceTo(scenario.measuredFrom());
            OperatorLoop loop = OperatorLoop.start(month);
            Instant next = scenario.measuredFrom();
            while (next.isBefore(scenario.end())) {
                month.advanceTo(next);
                loop.act(month.clock().instant());
                // the actions of a pass move the clock; looks the operator would have taken meanwhile are skipped
                while (!next.isAfter(month.clock().instant())) {
                    next = next.plus(scenario.operatorEvery());
                }
            }
            month.advanceTo(scenario.end());
            loop.finish(scenario.end());
            return new Comparison(scenario, without, month.figures(), loop.tally(), loop.audit().writes(),
                    loop.audit().restores(), month.trialSwitches(), withoutTook,
                    Duration.ofNanos(System.nanoTime() - began), retrainingWithout.plus(month.retrainingTime()));
        }
    }

    static Result result(Comparison c) {
        RunFigures without = c.without();
        RunFigures with = c.with();
        LoopTally loop = c.loop();
        List<MetricRow> rows = new ArrayList<>();
        rows.add(MetricRow.reported(MODEL, "profit over the month without Hashdesk (USD)", without.profitUsd(), ""));
        rows.add(MetricRow.reported(MODEL, "profit over the month with accepted recommendations (USD)",
                with.profitUsd(), ""));
        rows.add(MetricRow.reported(MODEL, "profit with − without (USD)", with.profitUsd() - without.profitUsd(),
                ""));
        double jPerThChange = 100 * (with.sha256JPerThWhileHashing() / without.sha256JPerThWhileHashing() - 1);
        rows.add(new MetricRow(MODEL, "J/TH of the SHA-256 units while hashing, with vs without (%)", jPerThChange,
                "< 0", jPerThChange < 0, String.format(Locale.ROOT, "without %.2f J/TH, with %.2f J/TH",
                without.sha256JPerThWhileHashing(), with.sha256JPerThWhileHashing())));
        rows.add(MetricRow.reported(MODEL, "J/TH of the SHA-256 units counting paused units' idle draw, with vs"
                + " without (%)", 100 * (with.sha256JPerTh() / without.sha256JPerTh() - 1), String.format(Locale.ROOT,
                "without %.2f J/TH, with %.2f J/TH", without.sha256JPerTh(), with.sha256JPerTh())));
        rows.add(MetricRow.reported(MODEL, "energy with − without (kWh)", with.energyKwh() - without.energyKwh(),
                String.format(Locale.ROOT, "without %.0f kWh", without.energyKwh())));
        rows.add(MetricRow.reported(MODEL, "mean SHA-256 hashrate with − without (TH/s)",
                with.sha256Ths() - without.sha256Ths(), String.format(Locale.ROOT, "without %.1f TH/s",
                        without.sha256Ths())));
        rows.add(MetricRow.reported(MODEL, "gap of the SHA-256 units' J/TH to their true optimum at the end, with (%)",
                with.optimumGapPercent(), String.format(Locale.ROOT, "without %.1f %%",
                        without.optimumGapPercent())));
        rows.add(MetricRow.reported(MODEL, "SHA-256 units within 2 % of their true optimum at the end, with (of "
                + with.sha256Units() + ")", with.unitsAtOptimum(), "without " + without.unitsAtOptimum()));
        for (RecommendationType type : RecommendationType.values()) {
            int seen = loop.recommended().getOrDefault(type, 0);
            if (seen > 0) {
                rows.add(MetricRow.reported(MODEL, "recommendations: " + type, seen, type.changesMiners()
                        ? "accepted " + loop.acceptedByType().getOrDefault(type, 0) : "advice only"));
            }
        }
        rows.add(MetricRow.reported(MODEL, "recommendations accepted and applied", loop.accepted(), ""));
        rows.add(MetricRow.reported(MODEL, "applied and kept after the settle watch", loop.kept(), ""));
        rows.add(MetricRow.reported(MODEL, "rolled back automatically", loop.rolledBack(), ""));
        rows.add(MetricRow.reported(MODEL, "actions that ended failed (nothing applicable, or left to recovery)",
                loop.failed(), ""));
        for (LoopTally.Figure figure : LoopTally.Figure.values()) {
            LoopTally.Coverage stored = loop.coverage(LoopTally.Controls.AS_STORED, figure);
            LoopTally.Coverage untouched = loop.coverage(LoopTally.Controls.UNTOUCHED_ONLY, figure);
            rows.add(MetricRow.reported(MODEL, "measured " + figure.label() + " outcome inside the predicted interval,"
                    + " untouched peers as controls (share of " + untouched.measured() + ")", untouched.share(),
                    String.format(Locale.ROOT, "nominally 90 %%; as the engine stores it: %s of %d",
                            share(stored.share()), stored.measured())));
        }
        long unsafe = c.writes().stream().filter(w -> !w.violations().isEmpty()).count();
        rows.add(new MetricRow(MODEL, "writes outside a model's safe limits (of " + c.writes().size()
                + " writes, " + c.restores() + " backup restores)", unsafe, "0", unsafe == 0, ""));
        return new Result(rows, notes(c));
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static List<String> notes(Comparison c) {
        MonthScenario s = c.scenario();
        return List.of(
                String.format(Locale.ROOT, "%d units of the demo farm (assets/demo-farm/demo-farm.json: %s), "
                                + "%.0f measured days from %s after a %d-day warm-up both runs share, polled every %d"
                                + " min into a SQLite store; the simulator steps at most %d s.",
                        s.units().size(), s.units().size() == 60 ? "every unit" : "a subset", s.measuredDays(),
                        s.measuredFrom(), s.warmUp().toDays(), s.pollEvery().toMinutes(), s.subStep().toSeconds()),
                "Warm-up, the same in both runs: " + c.trialSwitches() + " preset switches of the operator's own"
                        + " trials (each unit on a watt-named preset runs its tuned presets and the two below its"
                        + " configured one, " + PresetTrials.EACH.toHours() + " h each, then returns): the efficiency"
                        + " curves learn only from settings units have run. Models are first trained when the trials"
                        + " end.",
                "Both runs: the same seed, the demo's pools and time-of-use tariff, hourly synthetic Bitcoin market"
                        + " figures (anchored to the demo's $90,000 at the month's start) and the demo's fixed LTC and"
                        + " DOGE figures; scheduled retraining of every model family checked every "
                        + s.retrainEvery().toHours() + " h; each day priced by the app's own profit report.",
                "With Hashdesk: every " + s.operatorEvery().toHours() + " h the evidence is built from the champion"
                        + " models and the store, the engine runs every advisor, and every recommendation that"
                        + " changes miners is applied as the inbox's one click does (RecommendationApplier: plan with"
                        + " the miners' current settings, accept, action executor with validation, backup, steps,"
                        + " read-back, settle watch and automatic rollback, then marked applied or dismissed), over"
                        + " an in-process port onto the simulated units (HTTP would tie the executor's waits to the"
                        + " wall clock); one miner at a time, so the executor's waits move the simulated clock.",
                "Outcomes are measured by the engine's OutcomeMeasurement 24 h before vs 24 h after each change"
                        + " (after 30 min settling), less the change seen on peers of the same model and room that"
                        + " no other recommendation changed in those windows, a profit change priced at the market"
                        + " figures its prediction was priced at; the table's shares are measured again"
                        + " here with the same untouched peers as a check, the engine's stored ones are in the"
                        + " baseline column.",
                String.format(Locale.ROOT, "Recommendations are counted once per advice (a re-run that repeats one is"
                        + " not a new one) over %d passes; J/TH is of the SHA-256 units only (the Scrypt L7s' J/TH"
                        + " is of another scale); the optimum gap compares each unit's last-day J/TH with the"
                        + " simulator's true best manual setting at the end.", c.loop().passes()),
                String.format(Locale.ROOT, "Without took %.0f s, with %.0f s; retraining %.0f s of it.",
                        c.withoutTook().toMillis() / 1000.0, c.withTook().toMillis() / 1000.0,
                        c.retrainingTook().toMillis() / 1000.0));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
