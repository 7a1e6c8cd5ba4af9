package io.hashdesk.ml.thermal;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.TelemetryStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.UnitWork;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the thermal models of a fleet from the store, one registry candidate per miner model: every unit of the
 * model fitted on its own 5-minute series over the training window, then units with too little history, or whose
 * own fit was implausible, fitted again with a prior from the peers whose fits were accepted; a unit still without a
 * plausible fit is left out, with the reason in {@link Trained#skipped()}. One candidate per miner model rather than per unit because the
 * prior is per model, because a thousand-miner farm would otherwise write a thousand versions and files at every
 * retrain, and because the pooled held-out error over many units is a steadier promotion figure than one unit's.
 */
public final class ThermalTraining {

    /** What the registry records as the algorithm. */
    public static final String ALGORITHM = "io.hashdesk.ml.thermal.ThermalModel (lagged airflow-dependent resistance,"
            + " Levenberg–Marquardt)";
    /** The promotion metric of THERMAL in registry-defaults.json. */
    public static final String HELD_OUT_RMSE = "heldOutRmseC";
    static final List<String> FEATURES = List.of("ambientC", "powerWatts", "fanPercent", "chipTempC");

    private static final Logger LOG = LoggerFactory.getLogger(ThermalTraining.class);

    private ThermalTraining() {
    }

    /**
     * One miner model's training outcome.
     *
     * @param skipped units left out with the reason: too few usable points, or a fit that was implausible (a
     *                parameter on an edge of {@link ThermalModel.Options#bounds()}, a held-out error not finite or too
     *                large) on its own and again with the peers' prior
     */
    public record Trained(ModelCandidate candidate, ModelArtifact artifact, ThermalModelSet models,
                          Map<String, String> skipped) {
    }

    /**
     * @param ambient room temperature around each miner ({@link RoomAmbient#constant} where no sensor exists)
     * @param until   the end of the training window; it starts {@code options.trainingWindow()} before
     * @return one candidate per miner model with at least one fitted unit, ready for
     *         {@code ModelRegistry.registerAndPromote}; miner models with none are logged and left out
     */
    public static List<Trained> train(TelemetryStore telemetry, List<Miner> miners,
                                      Function<Miner, RoomAmbient> ambient, Instant until,
                                      ThermalModel.Options options, DriftSettings drift, TrainingProgress progress) {
        Map<String, List<Miner>> byModel = new TreeMap<>();
        for (Miner miner : miners) {
            byModel.computeIfAbsent(miner.modelId(), k -> new ArrayList<>()).add(miner);
        }
        Instant from = until.minus(options.trainingWindow());
        List<Trained> out = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, List<Miner>> group : byModel.entrySet()) {
            List<Miner> units = group.getValue();
            List<ThermalSamples> read = UnitWork.eachInParallel(units, miner -> ThermalModel.samples(
                    telemetry.series(miner.id(), from, until, Resolution.FIVE_MINUTES), ambient.apply(miner),
                    options), progress, 0.3 * done / miners.size(), 0.3 * units.size() / miners.size(),
                    miner -> "Read telemetry of " + miner.id().value());
            Map<Miner, ThermalSamples> samples = new LinkedHashMap<>();
            for (int i = 0; i < units.size(); i++) {
                samples.put(units.get(i), read.get(i));
            }
            done += units.size();
            Trained trained = trainModel(group.getKey(), samples, from, until, options, drift, progress,
                    0.3 + 0.7 * (done - group.getValue().size()) / miners.size(), 0.7 * group.getValue().size()
                            / miners.size());
            if (trained != null) {
                out.add(trained);
            }
        }
        progress.report(1, "Trained thermal models for " + out.size() + " miner model(s)");
        return out;
    }

    private static Trained trainModel(String modelId, Map<Miner, ThermalSamples> samples, Instant from, Instant until,
                                      ThermalModel.Options options, DriftSettings drift, TrainingProgress progress,
                                      double progressFrom, double progressSpan) {
        Map<String, ThermalModel> fitted = new TreeMap<>();
        Map<String, String> skipped = new TreeMap<>();
        List<Miner> needPrior = new ArrayList<>();
        // the units' fits are independent, and were most of the thermal training time
        List<Miner> units = List.copyOf(samples.keySet());
        List<UnitFit> fits = UnitWork.eachInParallel(units, unit -> fitOrWhyNot(samples.get(unit), null, options,
                progress), progress, progressFrom, progressSpan, unit -> "Fitted thermal model of " + unit.id().value());
        for (int i = 0; i < units.size(); i++) {
            if (fits.get(i).model() != null) {
                fitted.put(units.get(i).id().value(), fits.get(i).model());
            } else {
                needPrior.add(units.get(i));
                skipped.put(units.get(i).id().value(), fits.get(i).whyNot());
            }
        }
        if (fitted.isEmpty()) {
            LOG.info("No thermal model for {}: no unit had enough history or a plausible fit ({})", modelId, skipped);
            return null;
        }
        ThermalPrior prior = ThermalPrior.fromPeers(modelId, List.copyOf(fitted.values()), options);
        List<UnitFit> withPrior = UnitWork.eachInParallel(needPrior, miner -> fitOrWhyNot(samples.get(miner), prior,
                options, progress), TrainingProgress.NONE, 0, 0, miner -> "");
        for (int i = 0; i < needPrior.size(); i++) {
            String id = needPrior.get(i).id().value();
            if (withPrior.get(i).model() != null) {
                fitted.put(id, withPrior.get(i).model());
                skipped.remove(id);
            } else {
                skipped.put(id, "on its own: " + skipped.get(id) + "; with the prior of " + prior.peers()
                        + " peer(s): " + withPrior.get(i).whyNot());
            }
        }
        Map<String, ThermalModelState> states = new TreeMap<>();
        fitted.forEach((id, model) -> states.put(id, model.state()));
        ThermalModelSet set = new ThermalModelSet(modelId, states);
        ModelCandidate candidate = new ModelCandidate(ModelType.THERMAL, ModelScope.minerModel(modelId), from, until,
                FEATURES, ALGORITHM, options, metrics(fitted.values()), distributions(samples, fitted, drift));
        return new Trained(candidate, ModelArtifact.json(set), set, skipped);
    }

    /** A unit's fitted model, or why it has none (the refusal's message). */
    private record UnitFit(ThermalModel model, String whyNot) {
    }

    private static UnitFit fitOrWhyNot(ThermalSamples samples, ThermalPrior prior, ThermalModel.Options options,
                                       TrainingProgress progress) {
        try {
            return new UnitFit(ThermalModel.fit(samples, prior, options, progress), null);
        } catch (IllegalArgumentException e) {
            return new UnitFit(null, e.getMessage());
        }
    }

    /**
     * The units' one-step RMSE out of sample (rolling origin): {@value #HELD_OUT_RMSE} is the median over the units
     * that had held-out errors, so that one unit whose fit went wrong moves the figure the registry promotes on by
     * one rank rather than dominating a pooled mean of squares; the pooled RMSE is kept beside it, with the pooled
     * training RMSE and how many units were fitted and held out.
     */
    static Map<String, Double> metrics(Iterable<ThermalModel> models) {
        List<Double> unitHeldOut = new ArrayList<>();
        double heldOutSquares = 0;
        int heldOut = 0;
        double trainingSquares = 0;
        int training = 0;
        int units = 0;
        for (ThermalModel model : models) {
            units++;
            PredictionErrors errors = model.state().errors();
            if (errors.calibrationOrigins() > 0 && errors.oneStepCount() > 0) {
                unitHeldOut.add(errors.oneStepRmseC());
                heldOutSquares += errors.oneStepRmseC() * errors.oneStepRmseC() * errors.oneStepCount();
                heldOut += errors.oneStepCount();
            }
            trainingSquares += model.trainingRmseC() * model.trainingRmseC() * model.samples();
            training += model.samples();
        }
        if (heldOut == 0) {
            throw new IllegalArgumentException("none of the " + units + " fitted units had history enough to hold"
                    + " any out for the " + HELD_OUT_RMSE + " the registry judges thermal models on");
        }
        return Map.of(HELD_OUT_RMSE, ThermalSamples.median(unitHeldOut), "heldOutRmsePooledC",
                Math.sqrt(heldOutSquares / heldOut), "trainingRmseC", Math.sqrt(trainingSquares / training),
                "units", (double) units, "unitsHeldOut", (double) unitHeldOut.size());
    }

    /**
     * The usable points of {@code miners} in {@code [from, until)}, read as a fit reads them, by the feature names the
     * candidates list: what a drift check compares with a champion's training distributions.
     */
    public static Map<String, double[]> featureColumns(TelemetryStore telemetry, List<Miner> miners,
                                                       Function<Miner, RoomAmbient> ambient, Instant from,
                                                       Instant until, ThermalModel.Options options) {
        List<ThermalSamples> samples = new ArrayList<>(miners.size());
        for (Miner miner : miners) {
            samples.add(ThermalModel.samples(telemetry.series(miner.id(), from, until, Resolution.FIVE_MINUTES),
                    ambient.apply(miner), options));
        }
        return columns(samples);
    }

    /** The training distribution of each feature over the fitted units' samples. */
    private static List<FeatureDistribution> distributions(Map<Miner, ThermalSamples> samples,
                                                           Map<String, ThermalModel> fitted, DriftSettings drift) {
        List<ThermalSamples> used = samples.entrySet().stream()
                .filter(e -> fitted.containsKey(e.getKey().id().value())).map(Map.Entry::getValue).toList();
        return FeatureDistributions.snapshot(columns(used), drift);
    }

    private static Map<String, double[]> columns(List<ThermalSamples> samples) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put(FEATURES.get(0), concat(samples, s -> s.ambientC));
        columns.put(FEATURES.get(1), concat(samples, s -> s.powerWatts));
        columns.put(FEATURES.get(2), concat(samples, s -> s.fanPercent));
        columns.put(FEATURES.get(3), concat(samples, s -> s.chipTempC));
        return columns;
    }

    private static double[] concat(List<ThermalSamples> samples, Function<ThermalSamples, double[]> column) {
        return samples.stream().map(column).flatMapToDouble(Arrays::stream).toArray();
    }
}
