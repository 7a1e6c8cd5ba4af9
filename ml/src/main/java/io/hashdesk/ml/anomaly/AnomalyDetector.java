package io.hashdesk.ml.anomaly;

import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

/**
 * Finds units that behave unlike their peers and unlike the healthy fleet it was trained on: Smile's isolation forest
 * on the standardised feature vector, plus robust z-scores of each feature against the unit's peers (same model, same
 * room). A unit is anomalous when its peer score crosses its threshold, or the forest's does while one feature at
 * least stands apart from the peers ({@link AnomalyOptions#forestGateZ()}); both thresholds are fitted on the training
 * tables so that {@link AnomalyOptions#targetFalseAlarmRate()} of the training rows would cross them, the training
 * fleet being taken as healthy. Each anomaly names the features with the largest z-scores. Immutable once fitted.
 *
 * <p>Missing values (NaN, see each {@link Feature}) are scored as the peers' median — neither normal nor abnormal
 * evidence — and listed in {@link Anomaly#imputed()}.
 */
public final class AnomalyDetector {

    private static final int MIN_TRAINING_ROWS = 20;

    private final AnomalyOptions options;
    private final RobustScale scale;
    private final IsolationForest forest;
    private final double forestThreshold;
    private final double peerThreshold;
    private final int trainingRows;

    private AnomalyDetector(AnomalyOptions options, RobustScale scale, IsolationForest forest, double forestThreshold,
                            double peerThreshold, int trainingRows) {
        this.options = options;
        this.scale = scale;
        this.forest = forest;
        this.forestThreshold = forestThreshold;
        this.peerThreshold = peerThreshold;
        this.trainingRows = trainingRows;
    }

    /**
     * @param training feature tables of a period the fleet is believed healthy in (several instants, so the forest
     *                 sees the day-to-day spread)
     * @throws IllegalArgumentException with fewer than 20 training rows
     */
    public static AnomalyDetector fit(List<FeatureTable> training, AnomalyOptions options, TrainingProgress progress) {
        List<double[]> raw = new ArrayList<>();
        for (FeatureTable table : training) {
            for (int i = 0; i < table.size(); i++) {
                raw.add(table.vector(i, options.features()));
            }
        }
        if (raw.size() < MIN_TRAINING_ROWS) {
            throw new IllegalArgumentException("anomaly training needs at least " + MIN_TRAINING_ROWS
                    + " unit-instants, got " + raw.size());
        }
        progress.report(0.1, "Scaling " + raw.size() + " training rows");
        RobustScale scale = RobustScale.fit(raw, options);
        List<double[]> inputs = new ArrayList<>(raw.size());
        List<Double> peerScores = new ArrayList<>(raw.size());
        for (FeatureTable table : training) {
            progress.checkCancelled();
            PeerScores scores = PeerScores.of(table, scale, options);
            for (int i = 0; i < table.size(); i++) {
                inputs.add(scores.forestInput[i]);
                peerScores.add(scores.peerScore(i));
            }
        }
        progress.report(0.3, "Growing " + options.trees() + " isolation trees");
        progress.checkCancelled();
        double[][] matrix = inputs.toArray(double[][]::new);
        MathEx.setSeed(options.seed());
        // Smile wants a proper share (< 1): with fewer rows than samplesPerTree, a tree sees all rows but one
        double subsample = Math.min(1 - 1.0 / matrix.length, (double) options.samplesPerTree() / matrix.length);
        IsolationForest forest = IsolationForest.fit(matrix, new IsolationForest.Options(options.trees(),
                options.maxDepth(), subsample, options.extensionLevel()));
        double quantile = 1 - options.targetFalseAlarmRate() / 2;
        double forestThreshold = quantile(forest.score(matrix), quantile);
        double peerThreshold = Math.max(options.minPeerZ(),
                quantile(peerScores.stream().mapToDouble(Double::doubleValue).toArray(), quantile));
        progress.report(1, "Anomaly detector ready");
        return new AnomalyDetector(options, scale, forest, forestThreshold, peerThreshold, raw.size());
    }

    /** Every unit of the table, anomalous or not, in the table's order. */
    public List<Anomaly> score(FeatureTable table) {
        PeerScores scores = PeerScores.of(table, scale, options);
        double[] forestScores = table.size() == 0 ? new double[0] : forest.score(scores.forestInput);
        List<Anomaly> out = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            double peer = scores.peerScore(i);
            boolean anomalous = peer > peerThreshold
                    || (forestScores[i] > forestThreshold && peer >= options.forestGateZ());
            out.add(new Anomaly(table.row(i).miner(), table.asOf(), anomalous, forestScores[i], peer,
                    anomalous ? reasons(table, i, scores) : List.of(), scores.imputed.get(i)));
        }
        return out;
    }

    /** The anomalous units only, the most deviant first. */
    public List<Anomaly> anomalies(FeatureTable table) {
        return score(table).stream().filter(Anomaly::anomalous)
                .sorted(Comparator.comparingDouble(Anomaly::peerScore).reversed()).toList();
    }

    /** Features ordered by |z|: those over the peer threshold, or, when only the forest fired, the largest. */
    private List<Anomaly.Reason> reasons(FeatureTable table, int i, PeerScores scores) {
        List<Feature> features = options.features();
        Integer[] order = new Integer[features.size()];
        Arrays.setAll(order, f -> f);
        Arrays.sort(order, Comparator.comparingDouble(f -> -Math.abs(scores.z[i][f])));
        boolean peerFired = scores.peerScore(i) > peerThreshold;
        List<Anomaly.Reason> out = new ArrayList<>();
        for (int f : order) {
            if (out.size() == options.topFeatures() || (peerFired && Math.abs(scores.z[i][f]) <= peerThreshold)) {
                break;
            }
            double ref = scores.reference[i][f];
            double shownRef = options.logScaled().contains(features.get(f)) ? Math.signum(ref) * Math.expm1(Math.abs(ref))
                    : ref;
            out.add(new Anomaly.Reason(features.get(f), table.value(i, features.get(f)), shownRef, scores.z[i][f]));
        }
        return out;
    }

    public AnomalyOptions options() {
        return options;
    }

    public double forestThreshold() {
        return forestThreshold;
    }

    public double peerThreshold() {
        return peerThreshold;
    }

    public int trainingRows() {
        return trainingRows;
    }

    private static double quantile(double[] xs, double q) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }
}
