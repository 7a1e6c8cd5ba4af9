package io.hashdesk.ml.anomaly;

import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature table made ready for the detector: each unit's transformed features, its robust z-score against the
 * median of its peers (same model, same room; the training fleet's median and spread when it has too few peers), and
 * the vector the forest sees (missing values replaced by the peers' median, then standardised by the training scale).
 * The group median includes the unit itself: with at least {@code minPeers} others it stays with the healthy majority,
 * and one median per group keeps a room of a thousand units cheap.
 */
final class PeerScores {

    final double[][] z;
    final double[][] reference;
    final double[][] forestInput;
    final List<List<Feature>> imputed;

    private PeerScores(double[][] z, double[][] reference, double[][] forestInput, List<List<Feature>> imputed) {
        this.z = z;
        this.reference = reference;
        this.forestInput = forestInput;
        this.imputed = imputed;
    }

    static PeerScores of(FeatureTable table, RobustScale scale, AnomalyOptions options) {
        List<Feature> features = options.features();
        int n = table.size();
        int d = features.size();
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = table.vector(i, features);
            for (int f = 0; f < d; f++) {
                raw[i][f] = scale.transform(f, raw[i][f]);
            }
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(table.row(i).peerGroup(), g -> new ArrayList<>()).add(i);
        }
        double[][] z = new double[n][d];
        double[][] reference = new double[n][d];
        double[][] forestInput = new double[n][d];
        List<List<Feature>> imputed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            imputed.add(new ArrayList<>());
        }
        for (List<Integer> members : groups.values()) {
            for (int f = 0; f < d; f++) {
                int column = f;
                double[] values = members.stream().mapToDouble(i -> raw[i][column]).filter(Double::isFinite).toArray();
                double groupMedian = values.length == 0 ? Double.NaN : RobustScale.median(values);
                double groupMad = values.length == 0 ? 0 : RobustScale.mad(values, groupMedian);
                for (int i : members) {
                    boolean present = Double.isFinite(raw[i][f]);
                    int others = values.length - (present ? 1 : 0);
                    boolean peers = others >= options.minPeers();
                    double ref = peers ? groupMedian : scale.median(f);
                    double spread = peers ? scale.spread(f, groupMad) : scale.scale(f);
                    double x = present ? raw[i][f] : ref;
                    if (!present) {
                        imputed.get(i).add(features.get(f));
                    }
                    z[i][f] = (x - ref) / spread;
                    reference[i][f] = ref;
                    forestInput[i][f] = (x - scale.median(f)) / scale.scale(f);
                }
            }
        }
        return new PeerScores(z, reference, forestInput, imputed);
    }

    /** The largest absolute z-score of row {@code i}. */
    double peerScore(int i) {
        return Arrays.stream(z[i]).map(Math::abs).max().orElse(0);
    }
}
