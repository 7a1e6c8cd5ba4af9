package io.hashdesk.ml.maintenance;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How far ahead of a failure each kind's warning signs show, measured on out-of-fold scores: the failure model then
 * learns a kind only from the samples close enough to its failures to show something. A sample a horizon ahead of a
 * failure counts as positive, but a failing hashboard, say, looks healthy until a few days before it fails; taught
 * that such samples are failures, the forest learns noise that raises its board score on healthy units too.
 *
 * <p>A kind's signal is visible on a day before its failures when the forest's out-of-fold score for that kind ranks
 * the kind's samples of that day above healthy units' samples (area under the ROC curve at least
 * {@code minAuc}); the lead is the number of consecutive days, counting back from the failure, on which it is.
 * Days with too few samples to tell count as visible: without evidence the model keeps every sample. Only training
 * changes; the reported figures still count every sample within the horizon as positive.
 *
 * @param leadDays per {@link FailureKind} ordinal, the days before a failure its signal is visible; the horizon's
 *                 days when visible throughout
 */
record SignalLeads(double[] leadDays) implements Serializable {

    private static final double SECONDS_PER_DAY = 86_400;

    /** Every kind visible throughout the horizon: nothing left out. */
    static SignalLeads throughout(Duration horizon) {
        double[] all = new double[FailureKind.values().length];
        Arrays.fill(all, horizon.toSeconds() / SECONDS_PER_DAY);
        return new SignalLeads(all);
    }

    /**
     * @param kindScores per sample, the out-of-fold score of each kind (by ordinal)
     * @param minAuc     a day's samples whose scores rank above healthy samples' less often than this show nothing
     * @param minSamples a day with fewer of a kind's samples than this counts as visible
     */
    static SignalLeads measure(List<TrainingSample> samples, double[][] kindScores, Duration horizon, double minAuc,
                               int minSamples) {
        int days = (int) Math.ceil(horizon.toSeconds() / SECONDS_PER_DAY);
        double[] leads = new double[FailureKind.values().length];
        for (FailureKind kind : FailureKind.values()) {
            double[] healthy = scores(samples, kindScores, kind, null, 0, 0);
            int visible = 0;
            while (visible < days) {
                double[] day = scores(samples, kindScores, kind, kind, visible, visible + 1);
                if (day.length >= minSamples && healthy.length > 0 && auc(day, healthy) < minAuc) {
                    break;
                }
                visible++;
            }
            leads[kind.ordinal()] = Math.min(visible, horizon.toSeconds() / SECONDS_PER_DAY);
        }
        return new SignalLeads(leads);
    }

    /**
     * Whether training learns from the sample: a sample whose failure is further away than its kind's visible lead
     * but within the horizon is left out (it is neither a failure the features can show nor a healthy unit).
     */
    boolean trainsOn(TrainingSample s, Duration horizon) {
        return !s.failsWithin(horizon) || s.daysToFailure() <= leadDays[s.failureKind().ordinal()];
    }

    double leadDays(FailureKind kind) {
        return leadDays[kind.ordinal()];
    }

    java.util.Map<FailureKind, Double> byKind() {
        java.util.Map<FailureKind, Double> out = new java.util.EnumMap<>(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            out.put(kind, leadDays[kind.ordinal()]);
        }
        return out;
    }

    /**
     * Scores of {@code scored} for samples of units that fail of {@code kind} in {@code (fromDays, toDays]}; with
     * {@code kind} null, of samples of units that never failed.
     */
    private static double[] scores(List<TrainingSample> samples, double[][] kindScores, FailureKind scored,
                                   FailureKind kind, double fromDays, double toDays) {
        double[] out = new double[samples.size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            TrainingSample s = samples.get(i);
            boolean match = kind == null ? s.failureAt() == null
                    : s.failureKind() == kind && s.daysToFailure() > fromDays && s.daysToFailure() <= toDays;
            if (match) {
                out[n++] = kindScores[i][scored.ordinal()];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Probability that a score of {@code a} exceeds one of {@code b}, ties counting half (Mann–Whitney). */
    static double auc(double[] a, double[] b) {
        double[] sortedB = b.clone();
        Arrays.sort(sortedB);
        double wins = 0;
        for (double x : a) {
            int below = lowerBound(sortedB, x);
            int notAbove = upperBound(sortedB, x);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) a.length * b.length);
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
