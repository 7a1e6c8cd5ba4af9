package io.hashdesk.core.store;

import java.util.List;
import java.util.Objects;

/**
 * How one input feature was distributed in a model version's training data, kept so later data can be compared with
 * it (population stability index over the bins, Kolmogorov–Smirnov over the quantiles). Missing values (a feature
 * that could not be computed for a row) are counted, not binned.
 *
 * @param feature      the feature's name as the model's feature list spells it
 * @param presentCount training rows with a value
 * @param missingCount training rows without one
 * @param binEdges     inner bin edges, strictly increasing: bin 0 is {@code x <= binEdges[0]}, bin i is
 *                     {@code binEdges[i-1] < x <= binEdges[i]}, the last bin is {@code x > binEdges[last]}
 * @param binFractions share of present values in each bin ({@code binEdges.size() + 1} of them, summing to 1)
 * @param quantiles    values at evenly spaced probabilities from 0 (the minimum) to 1 (the maximum), non-decreasing
 */
public record FeatureDistribution(String feature, long presentCount, long missingCount, List<Double> binEdges,
                                  List<Double> binFractions, List<Double> quantiles) {

    private static final double SUM_TOLERANCE = 1e-6;

    public FeatureDistribution {
        Objects.requireNonNull(feature, "feature");
        if (feature.isBlank()) {
            throw new IllegalArgumentException("A feature distribution needs the feature's name");
        }
        if (presentCount < 0 || missingCount < 0) {
            throw new IllegalArgumentException("Feature '" + feature + "': counts cannot be negative (present "
                    + presentCount + ", missing " + missingCount + ")");
        }
        binEdges = List.copyOf(binEdges);
        binFractions = List.copyOf(binFractions);
        quantiles = List.copyOf(quantiles);
        if (presentCount == 0) {
            if (!binEdges.isEmpty() || !binFractions.isEmpty() || !quantiles.isEmpty()) {
                throw new IllegalArgumentException("Feature '" + feature + "' has no present values, so it can have"
                        + " no bins or quantiles");
            }
        } else {
            requireValidBins(feature, binEdges, binFractions);
            requireValidQuantiles(feature, quantiles);
        }
    }

    /** Share of all training rows that had no value: 0 when there were no rows at all. */
    public double missingFraction() {
        long rows = presentCount + missingCount;
        return rows == 0 ? 0 : (double) missingCount / rows;
    }

    private static void requireValidBins(String feature, List<Double> edges, List<Double> fractions) {
        if (fractions.size() != edges.size() + 1) {
            throw new IllegalArgumentException("Feature '" + feature + "': " + edges.size() + " bin edges need "
                    + (edges.size() + 1) + " bin fractions, got " + fractions.size());
        }
        for (int i = 0; i < edges.size(); i++) {
            if (!Double.isFinite(edges.get(i)) || i > 0 && edges.get(i) <= edges.get(i - 1)) {
                throw new IllegalArgumentException("Feature '" + feature + "': bin edges must be finite and strictly"
                        + " increasing, edge " + i + " is " + edges.get(i));
            }
        }
        double sum = 0;
        for (int i = 0; i < fractions.size(); i++) {
            double fraction = fractions.get(i);
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("Feature '" + feature + "': bin fraction " + i + " must be in"
                        + " [0, 1], got " + fraction);
            }
            sum += fraction;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("Feature '" + feature + "': bin fractions must sum to 1, got " + sum);
        }
    }

    private static void requireValidQuantiles(String feature, List<Double> quantiles) {
        if (quantiles.size() < 2) {
            throw new IllegalArgumentException("Feature '" + feature + "' needs at least the minimum and maximum as"
                    + " quantiles, got " + quantiles.size());
        }
        for (int i = 0; i < quantiles.size(); i++) {
            if (!Double.isFinite(quantiles.get(i)) || i > 0 && quantiles.get(i) < quantiles.get(i - 1)) {
                throw new IllegalArgumentException("Feature '" + feature + "': quantiles must be finite and"
                        + " non-decreasing, quantile " + i + " is " + quantiles.get(i));
            }
        }
    }
}
