package io.hashdesk.ml.anomaly;

import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The held-out F1 a farm without fault labels can measure (a standard self-supervised check): held-out feature tables
 * are scored as they are, every row counting as a negative, and again with one unit of each peer group carrying a
 * fault signature ({@link AnomalyTrainingSettings.FaultSignature}: the feature shifts a known fault causes, in the
 * features' own units), those rows counting as positives. It asks "would this detector, with this farm's own noise,
 * see a fault of that size", which is what champion and challenger should be compared on. A real fault in the
 * held-out days counts against both as a false alarm; a value missing in a row stays missing, so the fault it would
 * have shown goes unseen, as it would in production.
 */
final class PlantedFaultCheck {

    /** The figures of one check. */
    record Result(double f1, double precision, double recall, int positives, int negatives) {
    }

    private PlantedFaultCheck() {
    }

    static Result run(AnomalyDetector detector, List<FeatureTable> heldOut,
                      List<AnomalyTrainingSettings.FaultSignature> signatures, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int negatives = 0;
        for (FeatureTable table : heldOut) {
            for (Anomaly verdict : detector.score(table)) {
                fp += verdict.anomalous() ? 1 : 0;
                negatives++;
            }
            for (AnomalyTrainingSettings.FaultSignature signature : signatures) {
                List<Integer> planted = pickOnePerGroup(table, random);
                List<Anomaly> verdicts = detector.score(withSignature(table, planted, signature));
                for (int i : planted) {
                    tp += verdicts.get(i).anomalous() ? 1 : 0;
                    fn += verdicts.get(i).anomalous() ? 0 : 1;
                }
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Result(f1, precision, recall, tp + fn, negatives);
    }

    /** One row of each peer group, at random: one faulty unit never outvotes its peers' median. */
    private static List<Integer> pickOnePerGroup(FeatureTable table, SplittableRandom random) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < table.size(); i++) {
            groups.computeIfAbsent(table.row(i).peerGroup(), g -> new ArrayList<>()).add(i);
        }
        List<Integer> out = new ArrayList<>(groups.size());
        groups.values().forEach(members -> out.add(members.get(random.nextInt(members.size()))));
        return out;
    }

    private static FeatureTable withSignature(FeatureTable table, List<Integer> rows,
                                              AnomalyTrainingSettings.FaultSignature signature) {
        List<Feature> all = List.of(Feature.values());
        double[][] values = new double[table.size()][];
        for (int i = 0; i < table.size(); i++) {
            values[i] = table.vector(i, all);
        }
        for (int i : rows) {
            signature.shifts().forEach((feature, shift) -> values[i][feature.ordinal()] += shift);
        }
        return FeatureTable.of(table.asOf(), table.rows(), values);
    }
}
