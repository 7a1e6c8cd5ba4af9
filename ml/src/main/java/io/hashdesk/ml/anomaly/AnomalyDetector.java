package io.hashdesk.ml.anomaly;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureTable;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds units that behave unlike their peers and unlike the healthy fleet it was trained on: an isolation forest
 * ({@link FlatIsolationForest}) on the standardised feature vector, plus robust z-scores of each feature against the
 * unit's peers (same model, same room). A unit is anomalous when its peer score crosses its threshold, or the forest's
 * does while one feature at least stands apart from the peers ({@link AnomalyOptions#forestGateZ()}); both thresholds
 * are fitted on the training tables so that {@link AnomalyOptions#targetFalseAlarmRate()} of the healthy training rows
 * would cross them. Each anomaly names the features with the largest z-scores. Immutable once fitted; serialisable,
 * which is how the model registry stores it.
 *
 * <p>The training fleet is not assumed spotless: a unit whose median peer score over the training tables is above
 * {@link AnomalyOptions#minPeerZ()} (the lowest threshold the detector ever uses) was out of line with its peers most
 * of the time, so it is left out of the forest and of the thresholds ({@link #deviantInTraining()}) instead of
 * teaching the detector that its state is normal — one worn fan in a room of twenty would otherwise set the threshold
 * at its own z-score.
 *
 * <p>Missing values (NaN, see each {@link Feature}) are scored as the peers' median — neither normal nor abnormal
 * evidence — and listed in {@link Anomaly#imputed()}.
 */
public final class AnomalyDetector implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final int MIN_TRAINING_ROWS = 20;

    private final AnomalyOptions options;
    private final RobustScale scale;
    private final FlatIsolationForest forest;
    private final double forestThreshold;
    private final double peerThreshold;
    private final int trainingRows;
    private final List<String> deviantInTraining;

    private AnomalyDetector(AnomalyOptions options, RobustScale scale, FlatIsolationForest forest,
                            double forestThreshold, double peerThreshold, int trainingRows,
                            List<String> deviantInTraining) {
        this.options = options;
        this.scale = scale;
        this.forest = forest;
        this.forestThreshold = forestThreshold;
        this.peerThreshold = peerThreshold;
        this.trainingRows = trainingRows;
        this.deviantInTraining = List.copyOf(deviantInTraining);
    }

    /**
     * @param training feature tables of a period the fleet is believed mostly healthy in (several instants, so the
     *                 forest sees the day-to-day spread)
     * @throws IllegalArgumentException with fewer than 20 training rows from units not deviant in training
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
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
        List<MinerId> units = new ArrayList<>(raw.size());
        List<double[]> inputs = new ArrayList<>(raw.size());
        List<Double> peerScores = new ArrayList<>(raw.size());
        for (FeatureTable table : training) {
            progress.checkCancelled();
            PeerScores scores = PeerScores.of(table, scale, options);
            for (int i = 0; i < table.size(); i++) {
                units.add(table.row(i).miner());
                inputs.add(scores.forestInput[i]);
                peerScores.add(scores.peerScore(i));
            }
        }
        Set<MinerId> deviant = deviantUnits(units, peerScores, options.minPeerZ());
        List<double[]> kept = new ArrayList<>(inputs.size());
        List<Double> keptPeer = new ArrayList<>(inputs.size());
        for (int r = 0; r < inputs.size(); r++) {
            if (!deviant.contains(units.get(r))) {
                kept.add(inputs.get(r));
                keptPeer.add(peerScores.get(r));
            }
        }
        if (kept.size() < MIN_TRAINING_ROWS) {
            throw new IllegalArgumentException("anomaly training needs at least " + MIN_TRAINING_ROWS + " unit-instants"
                    + " of units in line with their peers, got " + kept.size() + " (" + deviant.size()
                    + " units were out of line most of the time)");
        }
        progress.report(0.3, "Growing " + options.trees() + " isolation trees on " + kept.size() + " rows");
        progress.checkCancelled();
        double[][] matrix = kept.toArray(double[][]::new);
        FlatIsolationForest forest = FlatIsolationForest.fit(matrix, options.trees(), options.maxDepth(),
                options.samplesPerTree(), options.seed());
        double quantile = 1 - options.targetFalseAlarmRate() / 2;
        double forestThreshold = quantile(forest.score(matrix), quantile);
        double peerThreshold = Math.max(options.minPeerZ(),
                quantile(keptPeer.stream().mapToDouble(Double::doubleValue).toArray(), quantile));
        progress.report(1, "Anomaly detector ready");
        List<String> deviantIds = deviant.stream().map(MinerId::value).sorted().toList();
        return new AnomalyDetector(options, scale, forest, forestThreshold, peerThreshold, kept.size(), deviantIds);
    }

    /** Units whose median peer score over their training rows exceeds {@code limit}. */
    private static Set<MinerId> deviantUnits(List<MinerId> units, List<Double> peerScores, double limit) {
        Map<MinerId, List<Double>> byUnit = new LinkedHashMap<>();
        for (int r = 0; r < units.size(); r++) {
            byUnit.computeIfAbsent(units.get(r), u -> new ArrayList<>()).add(peerScores.get(r));
        }
        Set<MinerId> out = new TreeSet<>(Comparator.comparing(MinerId::value));
        byUnit.forEach((unit, scores) -> {
            if (RobustScale.median(scores.stream().mapToDouble(Double::doubleValue).toArray()) > limit) {
                out.add(unit);
            }
        });
        return out;
    }

    /** Every unit of the table, anomalous or not, in the table's order. */
    public List<Anomaly> score(FeatureTable table) {
        PeerScores scores = PeerScores.of(table, scale, options);
        double[] forestScores = forest.score(scores.forestInput);
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

    /** Training rows the forest and thresholds were fitted on (those of units deviant in training left out). */
    public int trainingRows() {
        return trainingRows;
    }

    /** Ids of the units left out of training for being out of line with their peers most of the time. */
    public List<String> deviantInTraining() {
        return deviantInTraining;
    }

    private static double quantile(double[] xs, double q) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }
}
