package io.hashdesk.ml.anomaly;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of one way of deciding over the scored unit-instants: overall, per fault kind, and on the units that never
 * had a fault. A kind's F1 sets that kind's positives against every negative, so its false alarms are the detector's
 * false alarms overall — what an operator sees however the faults are mixed.
 */
final class DetectionTally {

    /** Confusion counts. */
    record Counts(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private int tp;
    private int fp;
    private int fn;
    private int tn;
    private int healthyAlarms;
    private int healthyRows;
    private final Map<FaultKind, int[]> byKind = new EnumMap<>(FaultKind.class);

    /**
     * @param kind        the fault a positive unit-instant has, {@code null} for a negative one
     * @param healthyUnit whether the unit never had a fault in the scenario
     */
    void add(FaultKind kind, boolean flagged, boolean healthyUnit) {
        if (kind != null) {
            int[] hits = byKind.computeIfAbsent(kind, k -> new int[2]);
            hits[0] += flagged ? 1 : 0;
            hits[1]++;
            tp += flagged ? 1 : 0;
            fn += flagged ? 0 : 1;
        } else {
            fp += flagged ? 1 : 0;
            tn += flagged ? 0 : 1;
        }
        if (healthyUnit) {
            healthyRows++;
            healthyAlarms += flagged ? 1 : 0;
        }
    }

    Counts overall() {
        return new Counts(tp, fp, fn);
    }

    /** The kind's positives against every negative. */
    Counts of(FaultKind kind) {
        int[] hits = byKind.getOrDefault(kind, new int[2]);
        return new Counts(hits[0], fp, hits[1] - hits[0]);
    }

    boolean has(FaultKind kind) {
        return byKind.containsKey(kind);
    }

    int negatives() {
        return fp + tn;
    }

    double healthyFalseAlarmRate() {
        return healthyRows == 0 ? 0 : (double) healthyAlarms / healthyRows;
    }

    int healthyRows() {
        return healthyRows;
    }
}
