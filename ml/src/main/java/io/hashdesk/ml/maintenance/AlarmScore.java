package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a set of alarms scores against what became of the units: precision, recall and F1 over samples (a sample is
 * positive when its unit fails within the horizon), and the lead time of each failure — from the first alarm of the
 * run that lasted up to the unit's last sample before the failure, to the failure; 0 when that last sample raised no
 * alarm (the failure came unannounced).
 *
 * <p>Lead times are measured only for failures the samples could announce a horizon ahead: a unit whose first sample
 * came less than a horizon before its failure (a failure soon after the history begins) has a lead capped by the
 * history rather than by the model, so its samples count in precision and recall but it adds no lead time; such
 * failures are counted in {@code failuresSeenLate}.
 *
 * <p>The four counts add up sample weights ({@link TrainingSample#weight}): over thinned samples they estimate the
 * counts over the whole history. Lead times need no weights: a failing unit's last weeks are never thinned.
 */
public record AlarmScore(double truePositives, double falsePositives, double falseNegatives, double trueNegatives,
                         List<Double> leadDays, int failuresSeenLate) implements Serializable {

    public AlarmScore {
        leadDays = List.copyOf(leadDays);
    }

    /**
     * @param alarms one flag per sample, same order
     */
    public static AlarmScore of(List<TrainingSample> samples, boolean[] alarms, Duration horizon) {
        return new Scorer(samples, horizon).score(alarms);
    }

    /**
     * Scores many sets of alarms on the same samples (a threshold search): the samples' labels, weights and each
     * failing unit's samples in time order are worked out once.
     */
    static final class Scorer {

        private final boolean[] positive;
        private final double[] weight;
        private final double[] daysToFailure;
        /** Per failing unit whose failure the samples could announce a horizon ahead: its sample indices in time order. */
        private final List<int[]> announceable = new ArrayList<>();
        private final int seenLate;

        Scorer(List<TrainingSample> samples, Duration horizon) {
            int n = samples.size();
            positive = new boolean[n];
            weight = new double[n];
            daysToFailure = new double[n];
            Map<MinerId, List<Integer>> byUnit = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                TrainingSample s = samples.get(i);
                positive[i] = s.failsWithin(horizon);
                weight[i] = s.weight();
                daysToFailure[i] = s.daysToFailure();
                byUnit.computeIfAbsent(s.row().miner(), m -> new ArrayList<>()).add(i);
            }
            int late = 0;
            for (List<Integer> unit : byUnit.values()) {
                unit.sort(Comparator.comparing(i -> samples.get(i).row().at()));
                TrainingSample last = samples.get(unit.getLast());
                if (last.failureAt() == null || !last.failsWithin(horizon)) {
                    continue;
                }
                if (Duration.between(samples.get(unit.getFirst()).row().at(), last.failureAt())
                        .compareTo(horizon) < 0) {
                    late++;
                    continue;
                }
                announceable.add(unit.stream().mapToInt(Integer::intValue).toArray());
            }
            seenLate = late;
        }

        AlarmScore score(boolean[] alarms) {
            if (alarms.length != positive.length) {
                throw new IllegalArgumentException(positive.length + " samples but " + alarms.length
                        + " alarm flags");
            }
            double tp = 0;
            double fp = 0;
            double fn = 0;
            double tn = 0;
            for (int i = 0; i < alarms.length; i++) {
                double w = weight[i];
                if (positive[i]) {
                    tp += alarms[i] ? w : 0;
                    fn += alarms[i] ? 0 : w;
                } else {
                    fp += alarms[i] ? w : 0;
                    tn += alarms[i] ? 0 : w;
                }
            }
            List<Double> leads = new ArrayList<>(announceable.size());
            for (int[] unit : announceable) {
                int first = unit.length;
                while (first > 0 && alarms[unit[first - 1]]) {
                    first--;
                }
                leads.add(first == unit.length ? 0 : daysToFailure[unit[first]]);
            }
            return new AlarmScore(tp, fp, fn, tn, leads, seenLate);
        }
    }

    public double precision() {
        return tp() + falsePositives == 0 ? 0 : tp() / (tp() + falsePositives);
    }

    public double recall() {
        return tp() + falseNegatives == 0 ? 0 : tp() / (tp() + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Median lead time over the failures, 0 when there were none. */
    public double medianLeadDays() {
        if (leadDays.isEmpty()) {
            return 0;
        }
        double[] sorted = leadDays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private double tp() {
        return truePositives;
    }
}
