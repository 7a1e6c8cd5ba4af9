package io.hashdesk.ml.drift;

import io.hashdesk.core.store.FeatureDistribution;

/**
 * The population stability index between a feature's training distribution and recent values, over the training
 * snapshot's quantile bins: {@code PSI = sum over bins of (recent - training) * ln(recent / training)}. When either
 * side has missing values, "missing" is one more bin, so a feature that stops being computable counts as drift.
 */
final class PopulationStability {

    private PopulationStability() {
    }

    /**
     * @param training      the training snapshot; must have present values
     * @param recentSorted  the recent present values, sorted
     * @param recentMissing how many recent rows had no value
     * @param minFraction   floor for a bin share inside the sum (see {@link DriftSettings#minBinFraction()})
     */
    static double index(FeatureDistribution training, double[] recentSorted, long recentMissing, double minFraction) {
        long recentRows = recentSorted.length + recentMissing;
        if (training.presentCount() == 0 || recentRows == 0) {
            throw new IllegalArgumentException("Feature '" + training.feature() + "': PSI needs training and recent"
                    + " values");
        }
        boolean missingBin = training.missingCount() > 0 || recentMissing > 0;
        double trainingPresentShare = 1 - training.missingFraction();
        double recentPresentShare = (double) recentSorted.length / recentRows;
        long[] recentCounts = FeatureDistributions.counts(recentSorted, training.binEdges());
        double psi = 0;
        for (int bin = 0; bin < recentCounts.length; bin++) {
            double expected = training.binFractions().get(bin) * trainingPresentShare;
            double actual = recentSorted.length == 0 ? 0 : recentPresentShare * recentCounts[bin] / recentSorted.length;
            psi += term(expected, actual, minFraction);
        }
        if (missingBin) {
            psi += term(training.missingFraction(), 1 - recentPresentShare, minFraction);
        }
        return psi;
    }

    static double term(double expected, double actual, double minFraction) {
        double e = Math.max(expected, minFraction);
        double a = Math.max(actual, minFraction);
        return (a - e) * Math.log(a / e);
    }
}
