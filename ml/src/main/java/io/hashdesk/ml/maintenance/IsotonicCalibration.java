package io.hashdesk.ml.maintenance;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Maps a classifier's raw score to a calibrated probability by isotonic regression (pool-adjacent-violators) on
 * held-out scores and outcomes: the fitted map is non-decreasing and, on the data it was fitted to, each block's
 * probability is the observed failure rate of that block. Between blocks it interpolates linearly.
 */
final class IsotonicCalibration implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Block centres (mean raw score) and their probabilities, both increasing. */
    private final double[] scores;
    private final double[] probabilities;

    private IsotonicCalibration(double[] scores, double[] probabilities) {
        this.scores = scores;
        this.probabilities = probabilities;
    }

    /**
     * @param rawScores held-out scores of the classifier
     * @param outcomes  1 for a sample that failed within the horizon, else 0
     */
    static IsotonicCalibration fit(double[] rawScores, int[] outcomes) {
        double[] weights = new double[rawScores.length];
        Arrays.fill(weights, 1);
        return fit(rawScores, outcomes, weights);
    }

    /**
     * @param weights how many samples each score stands for ({@link TrainingSample#weight}), all positive
     */
    static IsotonicCalibration fit(double[] rawScores, int[] outcomes, double[] weights) {
        int n = rawScores.length;
        if (n == 0 || outcomes.length != n || weights.length != n) {
            throw new IllegalArgumentException("calibration needs as many outcomes and weights as scores, and at least"
                    + " one; got " + n + " scores and " + outcomes.length + " outcomes (" + weights.length
                    + " weights)");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> rawScores[i]));
        double[] sumScore = new double[n];
        double[] sumOutcome = new double[n];
        double[] weight = new double[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            sumScore[blocks] = weights[i] * rawScores[i];
            sumOutcome[blocks] = weights[i] * outcomes[i];
            weight[blocks] = weights[i];
            blocks++;
            // Equal scores must share one probability; a lower-or-equal mean than the block before is a violation.
            while (blocks > 1 && (sumOutcome[blocks - 1] * weight[blocks - 2] <= sumOutcome[blocks - 2] * weight[blocks - 1]
                    || sumScore[blocks - 1] / weight[blocks - 1] == sumScore[blocks - 2] / weight[blocks - 2])) {
                sumScore[blocks - 2] += sumScore[blocks - 1];
                sumOutcome[blocks - 2] += sumOutcome[blocks - 1];
                weight[blocks - 2] += weight[blocks - 1];
                blocks--;
            }
        }
        double[] s = new double[blocks];
        double[] p = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            s[b] = sumScore[b] / weight[b];
            p[b] = sumOutcome[b] / weight[b];
        }
        return new IsotonicCalibration(s, p);
    }

    double probability(double rawScore) {
        int at = Arrays.binarySearch(scores, rawScore);
        if (at >= 0) {
            return probabilities[at];
        }
        int above = -at - 1;
        if (above == 0) {
            return probabilities[0];
        }
        if (above == scores.length) {
            return probabilities[scores.length - 1];
        }
        double share = (rawScore - scores[above - 1]) / (scores[above] - scores[above - 1]);
        return probabilities[above - 1] + share * (probabilities[above] - probabilities[above - 1]);
    }
}
