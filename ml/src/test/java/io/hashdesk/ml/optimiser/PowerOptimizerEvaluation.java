package io.hashdesk.ml.optimiser;

import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The power optimiser against the simulator: for each model, a few units are optimised from a cold start (their
 * probes then form the model's prior), and the target units (different silicon quality) are optimised starting
 * from that prior. Each run has 12 probes, the first being the unit's factory setting. Judged by the true J/TH of
 * the best-known setting against the unit's true optimum, under the ground truth's own limits (chips 5 °C under the
 * restart temperature, errors at most the tuner's 1 %), which are also the optimiser's default constraints.
 */
public final class PowerOptimizerEvaluation implements ModelEvaluation {

    static final String MODEL = "Power optimiser";
    static final int PROBE_BUDGET = 12;
    static final double TARGET_GAP = 0.02;
    private static final double NOMINAL_50 = 0.5;
    private static final double NOMINAL_90 = 0.9;
    private static final double MIN_COVERAGE_90 = 0.85;
    private static final double MAX_COVERAGE_90 = 0.95;
    private static final double AMBIENT_C = 25;
    private static final double PERCENT = 100;
    private static final long RANDOM_SEED = 42;
    /** Seeds whose silicon is worse than average (+0.14 V), average (+0.03 V) and better (−0.12 V). */
    private static final long BAD_SILICON = 7919;
    private static final long AVERAGE_SILICON = 15838;
    private static final long GOOD_SILICON = 23757;
    private static final List<Long> PRIOR_SEEDS = List.of(31676L, 39595L, 47514L);

    /** A unit to optimise with its model's prior. */
    record Target(String modelId, long seed) {
    }

    /** One target unit's outcome. */
    record UnitOutcome(String unitId, double siliconOffsetVolts, OptimiserRun.Result run, double factoryGap,
                       double randomGap) {
    }

    @Override
    public String title() {
        return MODEL + " (efficiency curve + constrained expected improvement)";
    }

    @Override
    public Result evaluate(EvaluationScale scale) {
        List<Target> targets = scale == EvaluationScale.TEST
                ? List.of(new Target("antminer-s19", GOOD_SILICON), new Target("antminer-s21", BAD_SILICON),
                        new Target("antminer-s19j-pro", AVERAGE_SILICON))
                : allModelsAllSilicon();
        int priorUnits = scale == EvaluationScale.TEST ? 2 : PRIOR_SEEDS.size();
        OptimiserOptions options = OptimiserOptions.defaults();
        Prices prices = new Prices(0.06, 0.05);
        OptimiserRun runner = new OptimiserRun(new PowerOptimizer(options), prices, options.chipTempMarginC());
        List<UnitOutcome> outcomes = new ArrayList<>();
        List<OptimiserRun.Result> coldRuns = new ArrayList<>();
        for (String modelId : targets.stream().map(Target::modelId).distinct().toList()) {
            List<UnitHistory> siblings = new ArrayList<>();
            for (long seed : PRIOR_SEEDS.subList(0, priorUnits)) {
                SimulatedUnit sibling = SimulatedUnit.of(modelId, seed, AMBIENT_C);
                OptimiserRun.Result cold = runner.optimise(sibling, scope(sibling, options, Optional.empty()),
                        PROBE_BUDGET);
                coldRuns.add(cold);
                siblings.add(cold.history());
            }
            for (Target target : targets.stream().filter(t -> t.modelId().equals(modelId)).toList()) {
                outcomes.add(optimiseTarget(target, siblings, runner, options));
            }
        }
        return new Result(rows(outcomes, coldRuns), notes(targets.size(), priorUnits));
    }

    private static UnitOutcome optimiseTarget(Target target, List<UnitHistory> siblings, OptimiserRun runner,
                                              OptimiserOptions options) {
        SimulatedUnit unit = SimulatedUnit.of(target.modelId(), target.seed(), AMBIENT_C);
        EfficiencyCurve prior = EfficiencyCurve.fitModel(target.modelId(), siblings, unit.limits(), unit.firmware(),
                options, TrainingProgress.NONE);
        OptimiserRun.Result run = runner.optimise(unit, scope(unit, options, Optional.of(prior)), PROBE_BUDGET);
        double factoryGap = runner.gapOf(unit, unit.factorySetting());
        SimulatedUnit fresh = SimulatedUnit.of(target.modelId(), target.seed(), AMBIENT_C);
        double randomGap = runner.randomSearch(fresh, options, Constraints.defaults(fresh.limits(), options),
                PROBE_BUDGET, RANDOM_SEED).finalGap();
        return new UnitOutcome(unit.id(), unit.siliconOffsetVolts(), run, factoryGap, randomGap);
    }

    private static OptimisationScope scope(SimulatedUnit unit, OptimiserOptions options,
                                           Optional<EfficiencyCurve> prior) {
        return new OptimisationScope(unit.firmware(), Constraints.defaults(unit.limits(), options), prior);
    }

    private static List<Target> allModelsAllSilicon() {
        List<Target> targets = new ArrayList<>();
        for (String model : List.of("antminer-s19", "antminer-s19-pro", "antminer-s19j-pro", "antminer-t19",
                "antminer-s19-xp", "antminer-s21", "antminer-l7")) {
            for (long seed : List.of(BAD_SILICON, AVERAGE_SILICON, GOOD_SILICON)) {
                targets.add(new Target(model, seed));
            }
        }
        return targets;
    }

    private static List<MetricRow> rows(List<UnitOutcome> outcomes, List<OptimiserRun.Result> coldRuns) {
        List<MetricRow> rows = new ArrayList<>();
        for (UnitOutcome o : outcomes) {
            double gap = o.run().finalGap();
            rows.add(new MetricRow(MODEL, String.format(Locale.ROOT,
                    "%s (silicon %+.2f V): gap to true optimum J/TH after %d probes (%%); probes to reach 2 %%: %d",
                    o.unitId(), o.siliconOffsetVolts(), PROBE_BUDGET, o.run().probesToReach(TARGET_GAP)),
                    gap * PERCENT, "≤ 2", gap <= TARGET_GAP, String.format(Locale.ROOT,
                    "factory %.1f %%, random search %s", o.factoryGap() * PERCENT, percent(o.randomGap()))));
        }
        long reached = outcomes.stream().filter(o -> o.run().finalGap() <= TARGET_GAP).count();
        rows.add(new MetricRow(MODEL, "Units within 2 % of their true optimum in ≤ 12 probes (with model prior)",
                reached, "all " + outcomes.size(), reached == outcomes.size(), String.format(Locale.ROOT,
                "random search: %d of %d", outcomes.stream().filter(o -> o.randomGap() <= TARGET_GAP).count(),
                outcomes.size())));
        int outside = outcomes.stream().mapToInt(o -> o.run().proposalsOutside()).sum()
                + coldRuns.stream().mapToInt(OptimiserRun.Result::proposalsOutside).sum();
        int proposals = outcomes.stream().mapToInt(o -> o.run().proposals().size()).sum()
                + coldRuns.stream().mapToInt(r -> r.proposals().size()).sum();
        rows.add(new MetricRow(MODEL, "Proposals outside the safe limits or the firmware's envelope (of " + proposals
                + ")", outside, "0", outside == 0, ""));
        rows.add(MetricRow.reported(MODEL, "Median probes to reach 2 % (with model prior)",
                median(outcomes.stream().map(o -> (double) o.run().probesToReach(TARGET_GAP)).toList()), ""));
        long coldReached = coldRuns.stream().filter(r -> r.finalGap() <= TARGET_GAP).count();
        rows.add(MetricRow.reported(MODEL, "Cold start (no model prior): units within 2 % in ≤ 12 probes, of "
                + coldRuns.size(), coldReached, ""));
        rows.add(MetricRow.reported(MODEL, "Cold start: median gap after 12 probes (%)",
                median(coldRuns.stream().map(r -> r.finalGap() * PERCENT).toList()), ""));
        List<OptimiserRun.Result> all = new ArrayList<>(coldRuns);
        outcomes.forEach(o -> all.add(o.run()));
        double before50 = Calibration.coverage(all, NOMINAL_50, false);
        double before90 = Calibration.coverage(all, NOMINAL_90, false);
        double after50 = Calibration.coverageOfCalibrated(all, NOMINAL_50);
        double after90 = Calibration.coverageOfCalibrated(all, NOMINAL_90);
        String baseline = "before (latent spread only, no noise, no calibration, all proposals): %.2f";
        rows.add(MetricRow.reported(MODEL, "Share of measured J/TH inside the proposal's 50 % interval (feasible"
                + " probes, calibrated proposals)", after50, String.format(Locale.ROOT, baseline, before50)));
        rows.add(new MetricRow(MODEL, "Share of measured J/TH inside the proposal's 90 % interval (feasible probes,"
                + " calibrated proposals)", after90, "0.85–0.95", after90 >= MIN_COVERAGE_90
                && after90 <= MAX_COVERAGE_90, String.format(Locale.ROOT, baseline, before90)));
        rows.add(MetricRow.reported(MODEL, "Share inside the 90 % interval counting the uncalibrated cold-start"
                + " proposals too", Calibration.coverage(all, NOMINAL_90, true), ""));
        rows.add(MetricRow.reported(MODEL, "Proposals flagged uncalibrated (no prior, < "
                + OptimiserOptions.defaults().calibration().minProbes() + " probes), of " + proposals,
                Calibration.uncalibrated(all), ""));
        return rows;
    }

    private static List<String> notes(int targets, int priorUnits) {
        return List.of(
                targets + " target units across models and silicon quality; per model, " + priorUnits
                        + " other units optimised from a cold start first, their probes forming the model prior.",
                "A probe writes manual clocks, waits " + SimulatedUnit.SETTLE.toMinutes() + " simulated minutes"
                        + " (restart, thermal settling), then reads the firmware's average hashrate since the restart,"
                        + " wall power, hottest chip and error percent; ambient " + (int) AMBIENT_C + " °C.",
                "Gap = true settled J/TH of the best-known setting ÷ the ground truth's optimum − 1; a best-known"
                        + " setting that truly breaks the limits counts as an infinite gap.",
                "Baselines: the factory clocks, and " + (PROBE_BUDGET - 1) + " settings drawn at random from the same"
                        + " candidate grid after the factory probe (best measured feasible J/TH kept).");
    }

    private static String percent(double gap) {
        return Double.isFinite(gap) ? String.format(Locale.ROOT, "%.1f %%", gap * PERCENT) : "none feasible";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
