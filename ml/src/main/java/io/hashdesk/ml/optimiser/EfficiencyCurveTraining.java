package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.TelemetryStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.UnitWork;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Trains a miner model's efficiency curve from the farm's stored telemetry: reads each unit's settled stretches
 * ({@link UnitHistories}), fits the per-model curve, scores it on units it has not seen, and describes it for the
 * model registry ({@code ModelRegistry.registerAndPromote(trained.candidate(), trained.artifact())}). Load it back with
 * {@code EfficiencyCurve.restore(registry.load(version, EfficiencyCurve.State.class))}.
 */
public final class EfficiencyCurveTraining {

    /** The registry's promotion metric for {@link ModelType#EFFICIENCY_CURVE} (lower is better). */
    public static final String METRIC = "heldOutRmseJPerTh";
    /** The probe figures the curve learns from, in the order their training distributions are kept. */
    public static final List<String> FEATURES = List.of("frequencyMhz", "volts", "hashrateThs", "powerWatts",
            "chipTempC", "errorFraction");
    static final String ALGORITHM = "Gaussian process per output (Matérn 5/2 ARD + linear kernel, plain Java),"
            + " leave-one-out variance calibration";

    /**
     * @param histories every unit's probes the curve was fitted on (units without a settled stretch included, empty)
     */
    public record Trained(EfficiencyCurve curve, ModelCandidate candidate, ModelArtifact artifact,
                          List<UnitHistory> histories) {
    }

    private final TelemetryStore telemetry;
    private final HistoryOptions historyOptions;
    private final OptimiserOptions options;
    private final DriftSettings drift;

    public EfficiencyCurveTraining(TelemetryStore telemetry, HistoryOptions historyOptions, OptimiserOptions options,
                                   DriftSettings drift) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.historyOptions = Objects.requireNonNull(historyOptions, "historyOptions");
        this.options = Objects.requireNonNull(options, "options");
        this.drift = Objects.requireNonNull(drift, "drift");
    }

    /**
     * Trains the curve of {@code model} on its {@code units}' telemetry in {@code [from, to)}.
     *
     * @throws IllegalArgumentException when fewer than two units have a settled stretch that teaches J/TH (no unit
     *                                  could be held out), or none reported power or chip temperature
     */
    public Trained train(MinerModel model, List<MinerId> units, FirmwareEnvelope firmware, Instant from, Instant to,
                         TrainingProgress progress) {
        UnitHistories reader = new UnitHistories(telemetry, historyOptions);
        List<UnitHistory> histories = UnitWork.eachInParallel(units, unit -> reader.read(unit, model, from, to),
                progress, 0, 0.1, unit -> "Read settled stretches of " + unit);
        EfficiencyCurve curve = EfficiencyCurve.fitModel(model.id(), histories, model.safeLimits(), firmware, options,
                span(progress, 0.1, 0.5));
        double heldOut = heldOutRmseJPerTh(model.id(), histories, curve, options, span(progress, 0.5, 1.0));
        List<Probe> probes = curve.probes();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(METRIC, heldOut);
        metrics.put("probes", (double) probes.size());
        metrics.put("unitsWithProbes", (double) histories.stream().filter(h -> !h.probes().isEmpty()).count());
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("curve", options);
        hyper.put("history", historyOptions);
        ModelCandidate candidate = new ModelCandidate(ModelType.EFFICIENCY_CURVE, ModelScope.minerModel(model.id()),
                from, to, FEATURES, ALGORITHM, hyper, metrics, distributions(probes));
        progress.report(1, "Trained the efficiency curve of " + model.name());
        return new Trained(curve, candidate, ModelArtifact.json(curve.state()), List.copyOf(histories));
    }

    /**
     * Root-mean-square error of the per-model curve's J/TH on units it has not seen, over the probes that teach J/TH
     * (hashing, power reported, errors within the fit limit); units without such probes are never held out.
     *
     * <p>The curve is fitted on at most {@code maxModelProbes} probes, dealt over the units, so in a large farm some
     * units never reached it: their probes are predicted by {@code curve} itself, which is a held-out prediction as
     * it stands, with no refit. The units it did learn from are dealt round-robin into at most {@code heldOutFolds} groups; each
     * group is held out and predicted by the J/TH process refitted, as {@link EfficiencyCurve#fitModel} would, on the
     * other units, hyper-parameters searched afresh. Reusing {@code curve}'s hyper-parameters there would let the
     * held-out probes choose the length scales and noise that predict them, and the search over one output for a
     * few groups is cheap; the other outputs are not refitted at all, as J/TH is all that is scored. A group whose
     * other units taught no J/TH is skipped.
     *
     * @param curve the per-model curve {@link EfficiencyCurve#fitModel} fitted on {@code histories}
     * @throws IllegalArgumentException when no unit could be held out (fewer than two units with such probes)
     */
    static double heldOutRmseJPerTh(String modelId, List<UnitHistory> histories, EfficiencyCurve curve,
                                    OptimiserOptions options, TrainingProgress progress) {
        boolean[] seen = seenByCurve(histories, options.maxModelProbes());
        List<Integer> refitted = new ArrayList<>();
        Misses misses = new Misses();
        for (int u = 0; u < histories.size(); u++) {
            List<Probe> targets = efficiencyTargets(histories.get(u), options);
            if (targets.isEmpty()) {
                continue;
            }
            if (seen[u]) {
                refitted.add(u);
            } else if (curve.hasProcess(EfficiencyCurve.Output.EFFICIENCY)) {
                targets.forEach(p -> misses.add(curve.meanOf(EfficiencyCurve.Output.EFFICIENCY, p.setting()), p));
            }
        }
        int folds = Math.min(options.heldOutFolds(), refitted.size());
        for (int fold = 0; fold < folds; fold++) {
            progress.checkCancelled();
            progress.report((double) fold / folds, "Holding out group " + (fold + 1) + " of " + folds);
            Set<Integer> heldOutUnits = new HashSet<>();
            for (int k = fold; k < refitted.size(); k += folds) {
                heldOutUnits.add(refitted.get(k));
            }
            List<UnitHistory> others = new ArrayList<>();
            List<UnitHistory> heldOut = new ArrayList<>();
            for (int u = 0; u < histories.size(); u++) {
                (heldOutUnits.contains(u) ? heldOut : others).add(histories.get(u));
            }
            Optional<GaussianProcess> process = EfficiencyCurve.fitEfficiencyProcess(
                    EfficiencyCurve.modelProbes(modelId, others, options.maxModelProbes()), curve.box(), options);
            if (process.isPresent()) {
                for (UnitHistory unit : heldOut) {
                    efficiencyTargets(unit, options).forEach(p -> misses.add(
                            process.get().mean(curve.box().normalise(p.setting())), p));
                }
            }
        }
        if (misses.count == 0) {
            throw new IllegalArgumentException("no unit could be held out: scoring on unseen units needs at least two"
                    + " units with settled probes that hashed and reported power, got " + histories.size()
                    + " unit(s)");
        }
        return Math.sqrt(misses.squares / misses.count);
    }

    /** The probes of a unit that teach J/TH, what held-out scoring predicts. */
    private static List<Probe> efficiencyTargets(UnitHistory unit, OptimiserOptions options) {
        return unit.probes().stream()
                .filter(p -> EfficiencyCurve.teaches(EfficiencyCurve.Output.EFFICIENCY, p, options)).toList();
    }

    /** Which units a per-model curve learned from: those with a probe among {@link EfficiencyCurve#modelProbes}. */
    private static boolean[] seenByCurve(List<UnitHistory> histories, int maxModelProbes) {
        int[] taken = EfficiencyCurve.probesTaken(histories, maxModelProbes);
        boolean[] seen = new boolean[histories.size()];
        for (int u = 0; u < taken.length; u++) {
            seen[u] = taken[u] > 0;
        }
        return seen;
    }

    /** Squared misses of held-out J/TH predictions, summed. */
    private static final class Misses {
        private double squares;
        private int count;

        void add(double predictedJPerTh, Probe probe) {
            double miss = predictedJPerTh - probe.efficiencyJPerTh();
            squares += miss * miss;
            count++;
        }
    }

    /** Training distributions of the probe figures; a figure a probe lacks is missing (NaN), never filled. */
    private List<FeatureDistribution> distributions(List<Probe> probes) {
        return FeatureDistributions.snapshot(featureColumns(probes), drift);
    }

    /**
     * The probes' figures by the names of {@link #FEATURES}, in that order; a figure a probe lacks is missing (NaN).
     * Training summarises these; a drift check compares recent probes' columns with the summary.
     */
    public static Map<String, double[]> featureColumns(List<Probe> probes) {
        int n = probes.size();
        double[][] columns = new double[FEATURES.size()][n];
        for (int i = 0; i < n; i++) {
            Probe p = probes.get(i);
            columns[0][i] = p.setting().freqMhz();
            columns[1][i] = p.setting().volts();
            columns[2][i] = p.hashrateThs();
            columns[3][i] = p.powerWatts() == null ? Double.NaN : p.powerWatts();
            columns[4][i] = p.chipTempC() == null ? Double.NaN : p.chipTempC();
            columns[5][i] = p.errorFraction();
        }
        Map<String, double[]> byFeature = new LinkedHashMap<>();
        for (int f = 0; f < FEATURES.size(); f++) {
            byFeature.put(FEATURES.get(f), columns[f]);
        }
        return byFeature;
    }

    /** Progress of a sub-step mapped onto {@code [from, to]} of the whole run. */
    private static TrainingProgress span(TrainingProgress whole, double from, double to) {
        return new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
                whole.report(from + (to - from) * fractionDone, step);
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }
}
