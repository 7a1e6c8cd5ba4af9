package io.hashdesk.ml.maintenance;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One alarm threshold per failure kind on the forest's probability of that kind: a unit is alarmed when any kind
 * reaches its threshold. Kinds differ in how early they show (a worn fan for weeks, dust for days, a failing
 * hashboard only in its last four days in the simulator), so a single threshold on the total risk either raises
 * the boards' and fans' alarms too late or everyone's too early.
 *
 * <p>Chosen on out-of-fold scores only, by coordinate ascent: starting from every kind at the single threshold that
 * scores best, each kind's threshold in turn moves to the candidate that most improves the F1 of all alarms among
 * the choices whose median lead time is at least the target (best F1 regardless of lead when no choice reaches it),
 * until a full pass changes nothing.
 */
final class KindThresholds implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Candidate thresholds per kind: quantiles of its scores. More only slows the search, scores being few. */
    private static final int CANDIDATES = 48;
    private static final int MAX_PASSES = 4;
    private static final double NEVER = Double.POSITIVE_INFINITY;

    /** Threshold per {@link FailureKind} ordinal; infinite for a kind the training history never showed. */
    private final double[] thresholds;

    private KindThresholds(double[] thresholds) {
        this.thresholds = thresholds;
    }

    boolean alarm(double[] kindProbabilities) {
        for (int k = 0; k < thresholds.length; k++) {
            if (kindProbabilities[k] >= thresholds[k]) {
                return true;
            }
        }
        return false;
    }

    double threshold(FailureKind kind) {
        return thresholds[kind.ordinal()];
    }

    /** What the search found: the thresholds and how their alarms scored on the scores they were chosen on. */
    record Choice(KindThresholds thresholds, AlarmScore score, boolean leadTargetMet) {
    }

    /**
     * @param kindProbabilities per sample, the out-of-fold probability of each kind (by ordinal)
     */
    static Choice choose(List<TrainingSample> samples, double[][] kindProbabilities, Duration horizon,
                         double minLeadDays) {
        int kinds = FailureKind.values().length;
        double[][] candidates = new double[kinds][];
        for (int k = 0; k < kinds; k++) {
            candidates[k] = candidates(kindProbabilities, k);
        }
        Search search = new Search(new AlarmScore.Scorer(samples, horizon), kindProbabilities, minLeadDays);
        Choice best = search.startingPoint(candidates);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (int k = 0; k < kinds; k++) {
                for (double t : candidates[k]) {
                    double[] tried = best.thresholds().thresholds.clone();
                    tried[k] = t;
                    Choice c = search.score(tried);
                    if (search.better(c, best)) {
                        best = c;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return best;
    }

    /** Quantiles of a kind's positive scores, rising, then "never" (the kind raises no alarm). */
    private static double[] candidates(double[][] p, int kind) {
        double[] scores = Arrays.stream(p).mapToDouble(row -> row[kind]).filter(v -> v > 0).sorted().distinct()
                .toArray();
        int n = Math.min(CANDIDATES, scores.length);
        double[] out = new double[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = scores[(int) ((long) i * (scores.length - 1) / Math.max(1, n - 1))];
        }
        out[n] = NEVER;
        return Arrays.stream(out).distinct().toArray();
    }

    private record Search(AlarmScore.Scorer scorer, double[][] p, double minLeadDays) {

        Choice score(double[] thresholds) {
            KindThresholds t = new KindThresholds(thresholds);
            boolean[] alarms = new boolean[p.length];
            for (int i = 0; i < alarms.length; i++) {
                alarms[i] = t.alarm(p[i]);
            }
            AlarmScore score = scorer.score(alarms);
            return new Choice(t, score, score.medianLeadDays() >= minLeadDays);
        }

        /** Lead target met beats not met; then higher F1; a tie keeps the earlier choice. */
        boolean better(Choice c, Choice best) {
            if (c.leadTargetMet() != best.leadTargetMet()) {
                return c.leadTargetMet();
            }
            return c.score().f1() > best.score().f1();
        }

        /** Every kind at the same threshold, the best one of the pooled candidates. */
        Choice startingPoint(double[][] candidates) {
            double[] all = Arrays.stream(candidates).flatMapToDouble(Arrays::stream).filter(Double::isFinite)
                    .sorted().distinct().toArray();
            Choice best = score(filled(NEVER));
            for (double t : all) {
                Choice c = score(filled(t));
                if (better(c, best)) {
                    best = c;
                }
            }
            return best;
        }

        private double[] filled(double t) {
            double[] out = new double[FailureKind.values().length];
            Arrays.fill(out, t);
            return out;
        }
    }
}
