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
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.model.cart.SplitRule;

/**
 * Probability that a unit has a fan, hashboard or overheat failure within the horizon (7 days by default), from its
 * {@link MaintenanceFeature} trends: a random forest over four classes (no failure, or the kind of the failure to
 * come) whose total failure score is calibrated by isotonic regression on out-of-fold scores (folds grouped by unit,
 * so no unit is scored by a forest that saw it), an alarm threshold per failure kind chosen on those same
 * out-of-fold scores ({@link KindThresholds}), and the warning signs behind each score (TreeSHAP contributions). Each
 * kind is learned only from the days before its failures on which a first out-of-fold pass could tell them from
 * healthy units ({@link SignalLeads}). Over thinned samples ({@link TrainingSamples#fromStoredFailures}) the forests
 * learn from the kept ones as they are, while calibration, thresholds and reported scores weigh each by the samples
 * it stands for, so probabilities and alarm rates hold for the whole history.
 * Immutable once fitted.
 */
public final class FailureRiskModel implements Serializable {

    private static final long serialVersionUID = 4L;
    private static final String LABEL = "outcome";
    private static final StructType SCHEMA = DataFrame.of(new double[1][MaintenanceFeature.count()],
            MaintenanceFeature.columnNames().toArray(String[]::new)).schema();
    /** Class label of "no failure within the horizon"; a failure of kind k is class {@code k.ordinal() + 1}. */
    private static final int NO_FAILURE = 0;

    private final RandomForest forest;
    private final FanStopLevel fanStop;
    private final IsotonicCalibration calibration;
    private final KindThresholds thresholds;
    private final double[] healthyMedians;
    private final Duration horizon;
    private final int warningSigns;
    private final int explainedUnits;
    private final TrainingReport report;

    private FailureRiskModel(RandomForest forest, FanStopLevel fanStop, IsotonicCalibration calibration,
                             KindThresholds thresholds, double[] healthyMedians, Duration horizon, int warningSigns,
                             int explainedUnits, TrainingReport report) {
        this.forest = forest;
        this.fanStop = fanStop;
        this.calibration = calibration;
        this.thresholds = thresholds;
        this.healthyMedians = healthyMedians;
        this.horizon = horizon;
        this.warningSigns = warningSigns;
        this.explainedUnits = explainedUnits;
        this.report = report;
    }

    /**
     * What training measured on its own out-of-fold scores.
     *
     * @param brierScore    mean squared error of the calibrated out-of-fold probabilities (0 is perfect)
     * @param rawBrierScore the same for the forest's uncalibrated vote share
     * @param outOfFold     the chosen thresholds' alarms scored on the out-of-fold probabilities
     * @param leadTargetMet whether the thresholds reached {@code minMedianLeadDays}; false means they are the
     *                      best-F1 thresholds instead
     * @param signalLeadDays per kind, how many days before its failures the out-of-fold scores told them from
     *                      healthy units ({@link SignalLeads}); the kind was learned from those days only
     */
    public record TrainingReport(int samples, int units, int failingUnits, double brierScore, double rawBrierScore,
                                 AlarmScore outOfFold, boolean leadTargetMet, Map<FailureKind, Double> signalLeadDays)
            implements Serializable {
        public TrainingReport {
            signalLeadDays = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(signalLeadDays));
        }
    }

    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException when fewer units failed than there are calibration folds: out-of-fold scores
     *                                  need a failing unit in every fold's training set
     */
    public static FailureRiskModel fit(List<TrainingSample> samples, MaintenanceSettings settings,
                                       TrainingProgress progress) {
        return fitScored(samples, settings, progress).model();
    }

    /**
     * The fitted model with the out-of-fold kind scores its calibration and thresholds were chosen on: per sample, in
     * sample order, the score of each kind (by ordinal) from a forest that never saw the sample's unit.
     */
    record Scored(FailureRiskModel model, double[][] outOfFoldKindScores) {
    }

    /** {@link #fit}, keeping the out-of-fold scores for held-out figures ({@link FailureRiskTraining}). */
    static Scored fitScored(List<TrainingSample> samples, MaintenanceSettings settings, TrainingProgress progress) {
        Duration horizon = settings.horizon();
        int k = settings.calibrationFolds();
        int[] fold = OutOfFoldScores.unitFolds(samples, k, settings.forest().seed());
        int[] y = samples.stream().mapToInt(s -> outcome(s, horizon)).toArray();
        // Two passes of out-of-fold scores: the first finds how far ahead each kind shows, the second scores models
        // that learn each kind only from its visible days; calibration and thresholds come from the second.
        OutOfFoldScores folds = new OutOfFoldScores(samples, y, fold, settings, progress, 2 * k + 1);
        double[][] firstPass = folds.scores(i -> true, 0);
        SignalLeads leads = SignalLeads.measure(samples, firstPass, horizon,
                settings.signalVisibility().minAuc(), settings.signalVisibility().minSamplesPerDay());
        IntPredicate learnsFrom = i -> leads.trainsOn(samples.get(i), horizon);
        // Every kind visible throughout: the second pass would fit the very same forests (same rows, same seeds).
        boolean leavesOut = !IntStream.range(0, samples.size()).allMatch(learnsFrom);
        double[][] kindScores = leavesOut ? folds.scores(learnsFrom, k) : firstPass;
        int[] failing = Arrays.stream(y).map(c -> c == NO_FAILURE ? 0 : 1).toArray();
        double[] weights = samples.stream().mapToDouble(TrainingSample::weight).toArray();
        double[] raw = Arrays.stream(kindScores).mapToDouble(FailureRiskModel::totalScore).toArray();
        IsotonicCalibration calibration = IsotonicCalibration.fit(raw, failing, weights);
        double[] calibrated = Arrays.stream(raw).map(calibration::probability).toArray();
        KindThresholds.Choice choice = KindThresholds.choose(samples, kindScores, horizon,
                settings.minMedianLeadDays());
        progress.checkCancelled();
        progress.report((double) 2 * k / (2 * k + 1), "Failure model: final forest");
        List<Integer> trained = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (leads.trainsOn(samples.get(i), horizon)) {
                trained.add(i);
            }
        }
        FanStopLevel fanStop = FanStopLevel.learn(samples, settings);
        RandomForest finalForest = forest(samples, y, trained, fanStop, settings.forest());
        TrainingReport report = new TrainingReport(samples.size(), unitCount(samples), failingUnits(samples, horizon),
                brier(calibrated, failing, weights), brier(raw, failing, weights), choice.score(), choice.leadTargetMet(),
                leads.byKind());
        progress.report(1, "Failure model trained");
        return new Scored(new FailureRiskModel(finalForest, fanStop, calibration, choice.thresholds(),
                healthyMedians(samples, fanStop), horizon, settings.warningSigns(), settings.explainedUnits(), report),
                kindScores);
    }

    /** The class a sample is trained on: no failure within the horizon, or the kind of the failure within it. */
    private static int outcome(TrainingSample s, Duration horizon) {
        return s.failsWithin(horizon) ? s.failureKind().ordinal() + 1 : NO_FAILURE;
    }

    /** The forest's uncalibrated failure vote share for a row (all kinds together). */
    double rawScore(FeatureRow row) {
        return totalScore(kindScores(forest, fanStop.complete(row.values())));
    }

    /**
     * Trains on stored history: failures recognised in it ({@link FailureDetector}) label the samples
     * ({@link TrainingSamples#fromStoredFailures}).
     */
    public static FailureRiskModel train(List<HourlyHistory> units, MaintenanceSettings settings,
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

    /** Calibrated probabilities of many rows, in their order: the cheap part of a scoring pass. */
    public double[] probabilities(List<FeatureRow> rows) {
        return rows.stream().mapToDouble(this::probability).toArray();
    }

    /** The assessment of one unit, with the warning signs behind it (what a unit's page shows). */
    public FailureRisk assess(FeatureRow row) {
        double[] x = fanStop.complete(row.values());
        return assessment(row, x, kindScores(forest, x), true);
    }

    /**
     * Every unit's assessment, with warning signs only for the alarmed units an operator reads: at most
     * {@code explainedUnits} of them (settings), the highest probabilities first. The signs (TreeSHAP over every
     * tree) cost some thirty times the probability, so a fleet pass that explained everyone would spend nearly all its
     * time on rows nobody opens; the others come back {@link FailureRisk#explained() unexplained}, and
     * {@link #assess} explains one on demand.
     */
    public List<FailureRisk> assessFleet(List<FeatureRow> rows) {
        double[][] x = new double[rows.size()][];
        double[][] kinds = new double[rows.size()][];
        List<Integer> alarmed = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = fanStop.complete(rows.get(i).values());
            kinds[i] = kindScores(forest, x[i]);
            if (thresholds.alarm(kinds[i])) {
                alarmed.add(i);
            }
        }
        alarmed.sort(Comparator.comparingDouble((Integer i) -> totalScore(kinds[i])).reversed());
        boolean[] explain = new boolean[x.length];
        alarmed.stream().limit(explainedUnits).forEach(i -> explain[i] = true);
        List<FailureRisk> out = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            out.add(assessment(rows.get(i), x[i], kinds[i], explain[i]));
        }
        return out;
    }

    private FailureRisk assessment(FeatureRow row, double[] x, double[] kinds, boolean explain) {
        double p = calibration.probability(totalScore(kinds));
        FailureKind likely = FailureKind.values()[argMax(kinds)];
        return new FailureRisk(row.miner(), row.at(), horizon, p, likely, thresholds.alarm(kinds), explain,
                explain ? warningSigns(x) : List.of());
    }

    /** Whether the row raises an alarm: the forest's score of some failure kind reaches that kind's threshold. */
    public boolean alarm(FeatureRow row) {
        return thresholds.alarm(kindScores(forest, fanStop.complete(row.values())));
    }

    /** The alarm threshold of a kind, on the forest's vote share for that kind; infinite if training saw none. */
    public double threshold(FailureKind kind) {
        return thresholds.threshold(kind);
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

    /** The model's input vector of a row: its features with the days to the learned fan-stop level filled in. */
    double[] inputs(FeatureRow row) {
        return fanStop.complete(row.values());
    }

    private List<WarningSign> warningSigns(double[] x) {
        double[] shap = forest.shap(Tuple.of(SCHEMA, x));
        int classes = forest.numClasses();
        int none = classIndex(forest, NO_FAILURE);
        List<WarningSign> signs = new ArrayList<>();
        for (MaintenanceFeature f : MaintenanceFeature.values()) {
            // What lowers "no failure" raises the failure kinds together; with no such class every vote is a failure.
            double contribution = none < 0 ? 0 : -shap[f.ordinal() * classes + none];
            if (contribution > 0) {
                signs.add(new WarningSign(f, x[f.ordinal()], healthyMedians[f.ordinal()], contribution));
            }
        }
        signs.sort(Comparator.comparingDouble(WarningSign::contribution).reversed());
        return signs.subList(0, Math.min(warningSigns, signs.size()));
    }

    /** The forest's vote share for each failure kind, by ordinal; 0 for a kind its training data lacked. */
    static double[] kindScores(RandomForest forest, double[] x) {
        double[] posteriori = new double[forest.numClasses()];
        forest.predict(Tuple.of(SCHEMA, x), posteriori);
        int[] labels = forest.classes();
        double[] kinds = new double[FailureKind.values().length];
        for (int c = 0; c < labels.length; c++) {
            if (labels[c] != NO_FAILURE) {
                kinds[labels[c] - 1] = posteriori[c];
            }
        }
        return kinds;
    }

    private static int classIndex(RandomForest forest, int label) {
        int[] labels = forest.classes();
        for (int c = 0; c < labels.length; c++) {
            if (labels[c] == label) {
                return c;
            }
        }
        return -1;
    }

    /** The forest's failure vote share, all kinds together: what the calibration maps to a probability. */
    static double totalScore(double[] kindScores) {
        return Math.min(1, Arrays.stream(kindScores).sum());
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    static RandomForest forest(List<TrainingSample> samples, int[] y, List<Integer> rows,
                                       FanStopLevel fanStop, MaintenanceSettings.Forest o) {
        double[][] x = new double[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            x[r] = fanStop.complete(samples.get(rows.get(r)).row().values());
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

    private static double[] healthyMedians(List<TrainingSample> samples, FanStopLevel fanStop) {
        int p = MaintenanceFeature.count();
        double[] medians = new double[p];
        List<TrainingSample> healthy = samples.stream().filter(s -> s.failureAt() == null).toList();
        List<TrainingSample> basis = healthy.isEmpty() ? samples : healthy;
        for (int f = 0; f < p; f++) {
            int feature = f;
            medians[f] = FailureDetector.median(basis.stream()
                    .mapToDouble(s -> fanStop.complete(s.row().values())[feature]).toArray());
        }
        return medians;
    }

    /** Weighted mean squared error: over thinned samples, an estimate of the history's. */
    private static double brier(double[] p, int[] y, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            sum += weights[i] * (p[i] - y[i]) * (p[i] - y[i]);
            total += weights[i];
        }
        return sum / total;
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
