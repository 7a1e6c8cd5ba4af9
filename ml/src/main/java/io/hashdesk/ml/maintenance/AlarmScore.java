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
 */
public record AlarmScore(int truePositives, int falsePositives, int falseNegatives, int trueNegatives,
                         List<Double> leadDays, int failuresSeenLate) implements Serializable {

    public AlarmScore {
        leadDays = List.copyOf(leadDays);
    }

    /**
     * @param alarms one flag per sample, same order
     */
    public static AlarmScore of(List<TrainingSample> samples, boolean[] alarms, Duration horizon) {
        if (alarms.length != samples.size()) {
            throw new IllegalArgumentException(samples.size() + " samples but " + alarms.length + " alarm flags");
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        Map<MinerId, List<Integer>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < alarms.length; i++) {
            boolean positive = samples.get(i).failsWithin(horizon);
            if (positive) {
                tp += alarms[i] ? 1 : 0;
                fn += alarms[i] ? 0 : 1;
            } else {
                fp += alarms[i] ? 1 : 0;
                tn += alarms[i] ? 0 : 1;
            }
            byUnit.computeIfAbsent(samples.get(i).row().miner(), m -> new ArrayList<>()).add(i);
        }
        List<Double> leads = new ArrayList<>();
        int seenLate = 0;
        for (List<Integer> unit : byUnit.values()) {
            unit.sort(Comparator.comparing(i -> samples.get(i).row().at()));
            TrainingSample last = samples.get(unit.getLast());
            if (last.failureAt() == null || !last.failsWithin(horizon)) {
                continue;
            }
            if (Duration.between(samples.get(unit.getFirst()).row().at(), last.failureAt()).compareTo(horizon) < 0) {
                seenLate++;
                continue;
            }
            int first = unit.size();
            while (first > 0 && alarms[unit.get(first - 1)]) {
                first--;
            }
            leads.add(first == unit.size() ? 0 : samples.get(unit.get(first)).daysToFailure());
        }
        return new AlarmScore(tp, fp, fn, tn, leads, seenLate);
    }

    public double precision() {
        return tp() + falsePositives == 0 ? 0 : (double) tp() / (tp() + falsePositives);
    }

    public double recall() {
        return tp() + falseNegatives == 0 ? 0 : (double) tp() / (tp() + falseNegatives);
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

    private int tp() {
        return truePositives;
    }
}
