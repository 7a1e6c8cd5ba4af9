package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.TrainingProgress;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.model.cart.SplitRule;

/**
 * Probability that a unit has a fan, hashboard or overheat failure within the horizon (7 days by default), from its
 * {@link MaintenanceFeature} trends: a random forest whose score is calibrated by isotonic regression on out-of-fold
 * scores (folds grouped by unit, so no unit is scored by a forest that saw it), an alarm threshold chosen on those
 * same out-of-fold scores, and the warning signs behind each score (TreeSHAP contributions). Immutable once fitted.
 */
public final class FailureRiskModel implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String LABEL = "failing";
    private static final StructType SCHEMA = DataFrame.of(new double[1][MaintenanceFeature.count()],
            MaintenanceFeature.columnNames().toArray(String[]::new)).schema();
    private static final int FAILING = 1;

    private final RandomForest forest;
    private final IsotonicCalibration calibration;
    private final double threshold;
    private final double[] healthyMedians;
    private final Duration horizon;
    private final int warningSigns;
    private final TrainingReport report;

    private FailureRiskModel(RandomForest forest, IsotonicCalibration calibration, double threshold,
                             double[] healthyMedians, Duration horizon, int warningSigns, TrainingReport report) {
        this.forest = forest;
        this.calibration = calibration;
        this.threshold = threshold;
        this.healthyMedians = healthyMedians;
        this.horizon = horizon;
        this.warningSigns = warningSigns;
        this.report = report;
    }

    /**
     * What training measured on its own out-of-fold scores.
     *
     * @param brierScore    mean squared error of the calibrated out-of-fold probabilities (0 is perfect)
     * @param rawBrierScore the same for the forest's uncalibrated vote share
     * @param outOfFold     the chosen threshold's alarms scored on the out-of-fold probabilities
     * @param leadTargetMet whether the threshold reached {@code minMedianLeadDays}; false means it is the best-F1
     *                      threshold instead
     */
    public record TrainingReport(int samples, int units, int failingUnits, double brierScore, double rawBrierScore,
                                 AlarmScore outOfFold, boolean leadTargetMet) implements Serializable {
    }

    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException when fewer units failed than there are calibration folds: out-of-fold scores
     *                                  need a failing unit in every fold's training set
     */
    public static FailureRiskModel fit(List<TrainingSample> samples, MaintenanceSettings settings,
                                       TrainingProgress progress) {
        Duration horizon = settings.horizon();
        int k = settings.calibrationFolds();
        int[] fold = unitFolds(samples, k, horizon, settings.forest().seed());
        int[] y = samples.stream().mapToInt(s -> s.failsWithin(horizon) ? 1 : 0).toArray();
        double[] raw = new double[samples.size()];
        for (int f = 0; f < k; f++) {
            progress.checkCancelled();
            progress.report((double) f / (k + 1), "Failure model: calibration fold " + (f + 1) + " of " + k);
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                (fold[i] == f ? held : train).add(i);
            }
            RandomForest foldForest = forest(samples, y, train, settings.forest());
            for (int i : held) {
                raw[i] = score(foldForest, samples.get(i).row().values());
            }
        }
        IsotonicCalibration calibration = IsotonicCalibration.fit(raw, y);
        double[] calibrated = Arrays.stream(raw).map(calibration::probability).toArray();
        ThresholdChoice choice = chooseThreshold(samples, calibrated, horizon, settings.minMedianLeadDays());
        progress.checkCancelled();
        progress.report((double) k / (k + 1), "Failure model: final forest");
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            all.add(i);
        }
        RandomForest finalForest = forest(samples, y, all, settings.forest());
        TrainingReport report = new TrainingReport(samples.size(), unitCount(samples), failingUnits(samples, horizon),
                brier(calibrated, y), brier(raw, y), choice.score(), choice.leadTargetMet());
        progress.report(1, "Failure model trained");
        return new FailureRiskModel(finalForest, calibration, choice.threshold(), healthyMedians(samples),
                horizon, settings.warningSigns(), report);
    }

    /** The forest's uncalibrated failure vote share for a row. */
    double rawScore(FeatureRow row) {
        return score(forest, row.values());
    }

    /**
     * Trains on stored history: failures recognised in it ({@link FailureDetector}) label the samples
     * ({@link TrainingSamples#fromStoredFailures}).
     */
    public static FailureRiskModel train(List<UnitHistory> units, MaintenanceSettings settings,
                                         TrainingProgress progress) {
        List<TrainingSample> samples = TrainingSamples.fromStoredFailures(units, settings, progress);
        return fit(samples, settings, secondHalf(progress));
    }

    /** Sample building reports the first half of a training run; fitting, reporting 0–1, the second. */
    private static TrainingProgress secondHalf(TrainingProgress progress) {
        return new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
                progress.report(0.5 + fractionDone / 2, step);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }

    /** Calibrated probability of a failure within the horizon. */
    public double probability(FeatureRow row) {
        return calibration.probability(rawScore(row));
    }

    /** The assessment of one unit, with the warning signs behind it. */
    public FailureRisk assess(FeatureRow row) {
        double p = probability(row);
        return new FailureRisk(row.miner(), row.at(), horizon, p, p >= threshold, warningSigns(row));
    }

    public double threshold() {
        return threshold;
    }

    public Duration horizon() {
        return horizon;
    }

    public TrainingReport report() {
        return report;
    }

    /** Typical value of each feature in units that never failed during training. */
    public double healthyValue(MaintenanceFeature feature) {
        return healthyMedians[feature.ordinal()];
    }

    private List<WarningSign> warningSigns(FeatureRow row) {
        double[] shap = forest.shap(Tuple.of(SCHEMA, row.values()));
        int p = MaintenanceFeature.count();
        int classes = shap.length / p;
        List<WarningSign> signs = new ArrayList<>();
        for (MaintenanceFeature f : MaintenanceFeature.values()) {
            double contribution = shap[f.ordinal() * classes + FAILING];
            if (contribution > 0) {
                signs.add(new WarningSign(f, row.value(f), healthyMedians[f.ordinal()], contribution));
            }
        }
        signs.sort(Comparator.comparingDouble(WarningSign::contribution).reversed());
        return signs.subList(0, Math.min(warningSigns, signs.size()));
    }

    private static double score(RandomForest forest, double[] x) {
        double[] posteriori = new double[2];
        forest.predict(Tuple.of(SCHEMA, x), posteriori);
        return posteriori[FAILING];
    }

    private static RandomForest forest(List<TrainingSample> samples, int[] y, List<Integer> rows,
                                       MaintenanceSettings.Forest o) {
        double[][] x = new double[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            x[r] = samples.get(rows.get(r)).row().values();
            labels[r] = y[rows.get(r)];
        }
        DataFrame data = DataFrame.of(x, MaintenanceFeature.columnNames().toArray(String[]::new))
                .add(new IntVector(LABEL, labels));
        Random seeds = new Random(o.seed());
        long[] treeSeeds = new long[o.trees()];
        for (int t = 0; t < treeSeeds.length; t++) {
            treeSeeds[t] = seeds.nextLong();
        }
        int mtry = Math.min(o.featuresPerSplit(), MaintenanceFeature.count());
        return RandomForest.fit(Formula.lhs(LABEL), data, new RandomForest.Options(o.trees(), mtry, SplitRule.GINI,
                o.maxDepth(), o.maxNodes(), o.nodeSize(), o.subsample(), null, treeSeeds, null));
    }

    /**
     * Fold of each sample: whole units go to one fold, failing and healthy units dealt out separately so every fold
     * trains on both, in an order shuffled by the seed.
     */
    static int[] unitFolds(List<TrainingSample> samples, int k, Duration horizon, long seed) {
        TreeMap<String, Boolean> failing = new TreeMap<>();
        for (TrainingSample s : samples) {
            failing.merge(s.row().miner().value(), s.failsWithin(horizon), Boolean::logicalOr);
        }
        List<String> failingUnits = new ArrayList<>(failing.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).toList());
        List<String> healthyUnits = new ArrayList<>(failing.entrySet().stream().filter(e -> !e.getValue())
                .map(Map.Entry::getKey).toList());
        if (failingUnits.size() < k || healthyUnits.size() < k) {
            throw new IllegalArgumentException("training needs at least " + k + " units that failed within "
                    + horizon.toDays() + " days of a sample and " + k + " that did not; the history has "
                    + failingUnits.size() + " and " + healthyUnits.size());
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(failingUnits, random);
        java.util.Collections.shuffle(healthyUnits, random);
        Map<String, Integer> foldOf = new TreeMap<>();
        for (int i = 0; i < failingUnits.size(); i++) {
            foldOf.put(failingUnits.get(i), i % k);
        }
        for (int i = 0; i < healthyUnits.size(); i++) {
            foldOf.put(healthyUnits.get(i), i % k);
        }
        return samples.stream().mapToInt(s -> foldOf.get(s.row().miner().value())).toArray();
    }

    private record ThresholdChoice(double threshold, AlarmScore score, boolean leadTargetMet) {
    }

    /** Best F1 among thresholds with a long enough median lead; best F1 overall when none has. */
    private static ThresholdChoice chooseThreshold(List<TrainingSample> samples, double[] probabilities,
                                                   Duration horizon, double minLeadDays) {
        TreeSet<Double> candidates = new TreeSet<>();
        Arrays.stream(probabilities).filter(p -> p > 0).forEach(candidates::add);
        ThresholdChoice bestWithLead = null;
        ThresholdChoice bestAny = null;
        for (double t : candidates) {
            boolean[] alarms = new boolean[probabilities.length];
            for (int i = 0; i < alarms.length; i++) {
                alarms[i] = probabilities[i] >= t;
            }
            AlarmScore score = AlarmScore.of(samples, alarms, horizon);
            if (bestAny == null || score.f1() >= bestAny.score().f1()) {
                bestAny = new ThresholdChoice(t, score, false);
            }
            // Candidates rise, so ">=" keeps the highest threshold among equal F1s: fewer alarms for the same score.
            if (score.medianLeadDays() >= minLeadDays
                    && (bestWithLead == null || score.f1() >= bestWithLead.score().f1())) {
                bestWithLead = new ThresholdChoice(t, score, true);
            }
        }
        if (bestAny == null) {
            throw new IllegalArgumentException("no sample scored above 0 out of fold: the features do not separate"
                    + " failing units from healthy ones in this history");
        }
        return bestWithLead != null ? bestWithLead : bestAny;
    }

    private static double[] healthyMedians(List<TrainingSample> samples) {
        int p = MaintenanceFeature.count();
        double[] medians = new double[p];
        List<TrainingSample> healthy = samples.stream().filter(s -> s.failureAt() == null).toList();
        List<TrainingSample> basis = healthy.isEmpty() ? samples : healthy;
        for (int f = 0; f < p; f++) {
            int feature = f;
            medians[f] = FailureDetector.median(basis.stream().mapToDouble(s -> s.row().values()[feature]).toArray());
        }
        return medians;
    }

    private static double brier(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (p[i] - y[i]) * (p[i] - y[i]);
        }
        return sum / p.length;
    }

    private static int unitCount(List<TrainingSample> samples) {
        return (int) samples.stream().map(s -> s.row().miner()).distinct().count();
    }

    private static int failingUnits(List<TrainingSample> samples, Duration horizon) {
        return (int) samples.stream().filter(s -> s.failsWithin(horizon)).map(s -> s.row().miner()).distinct()
                .count();
    }

    /** The feature schema, in vector order, for the model registry. */
    public static List<String> featureNames() {
        return MaintenanceFeature.columnNames();
    }
}
