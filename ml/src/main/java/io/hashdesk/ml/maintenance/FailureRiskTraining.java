package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.TelemetryStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.UnitWork;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the failure predictor from a farm's stored hourly telemetry and describes it for the model registry: the
 * fleet-wide model, its held-out figures from unit-split folds (each fold's units scored by forests, thresholds and
 * calibration fitted without them), the training distribution of every input for drift checks, and the artifact.
 */
public final class FailureRiskTraining {

    /** Algorithm as the registry shows it. */
    static final String ALGORITHM = "smile.classification.RandomForest (no failure / fan / hashboard / overheat),"
            + " isotonic calibration, alarm threshold per kind";
    private static final int HELD_OUT_FOLDS = 3;

    private final MaintenanceSettings settings;
    private final DriftSettings drift;
    private final MinerModelCatalog catalog;

    public FailureRiskTraining(MaintenanceSettings settings, DriftSettings drift, MinerModelCatalog catalog) {
        this.settings = settings;
        this.drift = drift;
        this.catalog = catalog;
    }

    /** The fitted model and what to register it with: {@code registry.registerAndPromote(candidate, artifact)}. */
    public record Trained(FailureRiskModel model, ModelCandidate candidate, ModelArtifact artifact) {
    }

    /**
     * Reads the miners' hourly history in {@code [from, to)}, labels it with the failures recognised in it, measures
     * held-out figures and fits the model on all of it. The version's training distributions, which later drift checks
     * compare {@link #recentFeatures} with, are every unit's inputs over the last {@code driftWindow} of the history,
     * unthinned: the training samples over-represent the units that failed, which recent data never would.
     *
     * @throws IllegalArgumentException if a miner's model is not in the catalog (its safe chip temperature is
     *                                  needed), or the history has too few failing or healthy units to train on
     */
    public Trained train(TelemetryStore telemetry, List<Miner> miners, Instant from, Instant to,
                         Duration driftWindow, TrainingProgress progress) {
        List<HourlyHistory> units = histories(telemetry, miners, from, to);
        List<TrainingSample> samples = TrainingSamples.fromStoredFailures(units, settings, share(progress, 0, 0.4));
        FailureRiskModel.Scored fitted = FailureRiskModel.fitScored(samples, settings, share(progress, 0.4, 1));
        FailureRiskModel model = fitted.model();
        Map<String, Double> metrics = heldOut(samples, fitted.outOfFoldKindScores());
        ModelCandidate candidate = new ModelCandidate(ModelType.MAINTENANCE, ModelScope.fleet(), from, to,
                FailureRiskModel.featureNames(), ALGORITHM, settings, metrics,
                FeatureDistributions.snapshot(inputColumns(units, to.minus(driftWindow), to, model), drift));
        return new Trained(model, candidate, ModelArtifact.serialized(model));
    }

    /**
     * Each miner's hourly history, compared with the miners of the same model in the same room; a unit's chip headroom
     * is measured against its model's safe limit from the catalog.
     */
    List<HourlyHistory> histories(TelemetryStore telemetry, List<Miner> miners, Instant from, Instant to) {
        Map<String, Double> chipLimitC = new HashMap<>();
        for (Miner miner : miners) {
            chipLimitC.computeIfAbsent(miner.modelId(), model -> catalog.byId(model).orElseThrow(() ->
                    new IllegalArgumentException("miner " + miner.id() + ": model '" + model + "' is not in the miner"
                            + " catalog, so its safe chip temperature is unknown")).safeLimits().chipTempMaxC());
        }
        return UnitWork.eachInParallel(miners, miner -> HourlyHistory.read(telemetry, miner.id(),
                miner.modelId() + "/" + miner.position().roomId(), chipLimitC.get(miner.modelId()), from, to),
                TrainingProgress.NONE, 0, 0, miner -> "");
    }

    /**
     * F1, precision, recall, median lead and Brier score of unit-split folds, from the fit's own out-of-fold scores:
     * each unit's score comes from a forest that never saw it (the fit's calibration folds), and its alarm threshold
     * and calibration from the other folds' units only, so no unit is judged by anything fitted to it. Refitting the
     * whole model per fold would cost three more fits; only the signal leads, which decide which samples the forests
     * learn from, are measured on every unit. Over thinned samples the figures are weighted
     * ({@link TrainingSample#weight}): estimates of the whole history's.
     *
     * @param kindScores the out-of-fold kind scores of every sample ({@link FailureRiskModel.Scored})
     */
    Map<String, Double> heldOut(List<TrainingSample> samples, double[][] kindScores) {
        int[] fold = OutOfFoldScores.unitFolds(samples, HELD_OUT_FOLDS, settings.forest().seed());
        boolean[] alarms = new boolean[samples.size()];
        double brier = 0;
        for (int f = 0; f < HELD_OUT_FOLDS; f++) {
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] != f) {
                    rest.add(i);
                }
            }
            List<TrainingSample> restSamples = rest.stream().map(samples::get).toList();
            double[][] restScores = rest.stream().map(i -> kindScores[i]).toArray(double[][]::new);
            KindThresholds thresholds = KindThresholds.choose(restSamples, restScores, settings.horizon(),
                    settings.minMedianLeadDays()).thresholds();
            IsotonicCalibration calibration = IsotonicCalibration.fit(
                    Arrays.stream(restScores).mapToDouble(FailureRiskModel::totalScore).toArray(),
                    restSamples.stream().mapToInt(s -> s.failsWithin(settings.horizon()) ? 1 : 0).toArray(),
                    restSamples.stream().mapToDouble(TrainingSample::weight).toArray());
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    TrainingSample s = samples.get(i);
                    alarms[i] = thresholds.alarm(kindScores[i]);
                    double miss = calibration.probability(FailureRiskModel.totalScore(kindScores[i]))
                            - (s.failsWithin(settings.horizon()) ? 1 : 0);
                    brier += s.weight() * miss * miss;
                }
            }
        }
        AlarmScore score = AlarmScore.of(samples, alarms, settings.horizon());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("heldOutF1", score.f1());
        metrics.put("heldOutPrecision", score.precision());
        metrics.put("heldOutRecall", score.recall());
        metrics.put("heldOutMedianLeadDays", score.medianLeadDays());
        metrics.put("heldOutBrierScore", brier / samples.stream().mapToDouble(TrainingSample::weight).sum());
        return metrics;
    }

    /**
     * The units' inputs in {@code (from, to]} by column name, for a drift check against a version trained by
     * {@link #train}: the same rows its training distributions were taken from, over recent history.
     */
    public Map<String, double[]> recentFeatures(TelemetryStore telemetry, List<Miner> miners, Instant from,
                                                Instant to) {
        Duration lookBack = Collections.max(List.of(settings.trendWindow(), settings.errorTrendWindow(),
                settings.recentWindow().plus(settings.baselineWindow())));
        return inputColumns(histories(telemetry, miners, from.minus(lookBack), to), from, to, null);
    }

    /**
     * Every assessable unit's model inputs at each {@code sampleEvery} step back from {@code to} while after
     * {@code from}, by column name. Without a {@code model}, days to a fan stop are left out: a fitted model completes
     * them from the stop level it learned, so a drift check judges every input but that one ("no recent values").
     */
    private Map<String, double[]> inputColumns(List<HourlyHistory> units, Instant from, Instant to,
                                               FailureRiskModel model) {
        MaintenanceFeatures features = new MaintenanceFeatures(settings);
        List<double[]> rows = new ArrayList<>();
        for (Instant at = to; at.isAfter(from); at = at.minus(settings.sampleEvery())) {
            features.rows(units, at).forEach(row -> rows.add(model == null ? row.values() : model.inputs(row)));
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (MaintenanceFeature f : MaintenanceFeature.values()) {
            if (f == MaintenanceFeature.DAYS_TO_FAN_STOP && model == null) {
                continue;
            }
            columns.put(MaintenanceFeature.columnNames().get(f.ordinal()),
                    rows.stream().mapToDouble(row -> row[f.ordinal()]).toArray());
        }
        return columns;
    }

    /** The part {@code [from, to]} of a run's progress. */
    private static TrainingProgress share(TrainingProgress progress, double from, double to) {
        return new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
                progress.report(from + (to - from) * fractionDone, step);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }
}
