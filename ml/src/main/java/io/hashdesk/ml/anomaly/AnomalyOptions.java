package io.hashdesk.ml.anomaly;

import io.hashdesk.core.settings.JsonSettings;
import io.hashdesk.ml.features.Feature;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hyper-parameters of the {@link AnomalyDetector}; defaults in {@code anomaly-defaults.json} beside this class.
 *
 * @param features             the feature vector (operational features that mean the same for every model)
 * @param logScaled            heavy-tailed features compared as {@code sign(x)·log(1 + |x|)}: a unit with ten times
 *                             its peers' error rate is as far out as one with a tenth of it
 * @param minScales            per feature, the smallest spread a z-score divides by, in the feature's unit (log units
 *                             for log-scaled ones): the change that matters, for features that healthy units hold
 *                             constant (restarts 0, uptime 1), where the measured spread is 0
 * @param trees                isolation trees
 * @param maxDepth             depth limit of a tree
 * @param samplesPerTree       training rows each tree is grown on (all of them when there are fewer): isolation
 *                             needs few, and more only cost time
 * @param targetFalseAlarmRate share of healthy training rows allowed above the thresholds, split evenly between the
 *                             forest's score and the peer score
 * @param minPeerZ             the peer threshold is never below this robust z-score, however quiet training was
 * @param forestGateZ          the forest flags a unit only if one of its features is also at least this far from its
 *                             peers: the forest's sense of "unusual" drifts with the weather and the weeks, and a unit
 *                             its peers match in every feature is not one a technician can act on
 * @param minPeers             other units of the same model in the same room needed to compare with peers; fewer
 *                             and the unit is compared with the training fleet's medians
 * @param topFeatures          how many features an anomaly names at most
 * @param seed                 random seed of the forest
 */
public record AnomalyOptions(List<Feature> features, Set<Feature> logScaled, Map<Feature, Double> minScales,
                             int trees, int maxDepth, int samplesPerTree,
                             double targetFalseAlarmRate, double minPeerZ, double forestGateZ, int minPeers, int topFeatures, long seed)
        implements Serializable {

    private static final String DEFAULTS = "anomaly-defaults.json";

    public AnomalyOptions {
        features = List.copyOf(features);
        logScaled = logScaled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(logScaled));
        minScales = minScales.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(minScales));
        if (features.isEmpty() || features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("features must be a non-empty list without repeats, got " + features);
        }
        for (Feature f : features) {
            Double scale = minScales.get(f);
            if (scale == null || !(scale > 0)) {
                throw new IllegalArgumentException("minScales." + f + " must be a positive number, got " + scale);
            }
            if (f.group() != Feature.Group.OPERATIONAL) {
                throw new IllegalArgumentException("features: " + f + " is a " + f.group() + " feature, the same for"
                        + " every unit; anomalies are about units");
            }
        }
        if (!features.containsAll(logScaled)) {
            throw new IllegalArgumentException("logScaled names features not in features: " + logScaled);
        }
        if (trees < 1 || maxDepth < 1 || maxDepth > FlatIsolationForest.MAX_DEPTH || samplesPerTree < 2) {
            throw new IllegalArgumentException("need trees ≥ 1, 1 ≤ maxDepth ≤ " + FlatIsolationForest.MAX_DEPTH
                    + ", samplesPerTree ≥ 2; got " + trees + ", " + maxDepth + ", " + samplesPerTree);
        }
        if (!(targetFalseAlarmRate > 0 && targetFalseAlarmRate < 0.5)) {
            throw new IllegalArgumentException("targetFalseAlarmRate must be in (0, 0.5), got " + targetFalseAlarmRate);
        }
        if (!(forestGateZ >= 0) || forestGateZ > minPeerZ) {
            throw new IllegalArgumentException("forestGateZ must be in [0, minPeerZ], got " + forestGateZ);
        }
        if (!(minPeerZ > 0) || minPeers < 1 || topFeatures < 1) {
            throw new IllegalArgumentException("need minPeerZ > 0, minPeers ≥ 1, topFeatures ≥ 1; got " + minPeerZ
                    + ", " + minPeers + ", " + topFeatures);
        }
    }

    public static AnomalyOptions defaults() {
        return JsonSettings.defaults(AnomalyOptions.class, DEFAULTS);
    }

    public static AnomalyOptions withOverrides(Path file) {
        return JsonSettings.withOverrides(AnomalyOptions.class, DEFAULTS, file);
    }

    public AnomalyOptions withTargetFalseAlarmRate(double value) {
        return new AnomalyOptions(features, logScaled, minScales, trees, maxDepth, samplesPerTree, value,
                minPeerZ, forestGateZ, minPeers, topFeatures, seed);
    }
}
