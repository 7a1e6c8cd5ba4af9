package io.hashdesk.ml.drift;

import io.hashdesk.core.store.FeatureDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Summarises training feature columns into the distributions a model version keeps for drift checks. A value that is
 * {@code NaN} is a missing value (the feature could not be computed for that row): it is counted, never binned or
 * replaced. Infinite values are refused: they mean a feature was computed wrongly.
 */
public final class FeatureDistributions {

    private FeatureDistributions() {
    }

    /** One distribution per column, in the map's iteration order. */
    public static List<FeatureDistribution> snapshot(Map<String, double[]> columns, DriftSettings settings) {
        List<FeatureDistribution> out = new ArrayList<>(columns.size());
        columns.forEach((feature, values) -> out.add(of(feature, values, settings)));
        return out;
    }

    public static FeatureDistribution of(String feature, double[] values, DriftSettings settings) {
        double[] present = sortedPresent(feature, values);
        long missing = values.length - present.length;
        if (present.length == 0) {
            return new FeatureDistribution(feature, 0, missing, List.of(), List.of(), List.of());
        }
        List<Double> edges = binEdges(present, settings.snapshotBins());
        return new FeatureDistribution(feature, present.length, missing, edges, fractions(present, edges),
                quantiles(present, settings.snapshotQuantiles()));
    }

    /** The present values, sorted. */
    static double[] sortedPresent(String feature, double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        for (int i = 0; i < present.length; i++) {
            if (Double.isInfinite(present[i])) {
                throw new IllegalArgumentException("Feature '" + feature + "' has an infinite value; missing values"
                        + " are NaN, anything else must be finite");
            }
        }
        Arrays.sort(present);
        return present;
    }

    /**
     * Inner edges at the quantiles {@code k / bins}, with repeats dropped (a feature that is mostly one value has
     * fewer, wider bins). A constant feature gets its value as the one edge, so recent values above it fall in a bin
     * of their own.
     */
    private static List<Double> binEdges(double[] sorted, int bins) {
        List<Double> edges = new ArrayList<>(bins - 1);
        for (int k = 1; k < bins; k++) {
            double edge = quantile(sorted, (double) k / bins);
            if (edges.isEmpty() || edge > edges.getLast()) {
                edges.add(edge);
            }
        }
        if (edges.isEmpty()) {
            edges.add(sorted[0]);
        }
        return edges;
    }

    /** Share of {@code sorted} in each bin that {@code edges} makes (see {@link FeatureDistribution}). */
    static List<Double> fractions(double[] sorted, List<Double> edges) {
        long[] counts = counts(sorted, edges);
        List<Double> fractions = new ArrayList<>(counts.length);
        for (long count : counts) {
            fractions.add((double) count / sorted.length);
        }
        return fractions;
    }

    static long[] counts(double[] sorted, List<Double> edges) {
        long[] counts = new long[edges.size() + 1];
        int bin = 0;
        for (double value : sorted) {
            while (bin < edges.size() && value > edges.get(bin)) {
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }

    private static List<Double> quantiles(double[] sorted, int count) {
        List<Double> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(quantile(sorted, (double) j / (count - 1)));
        }
        return out;
    }

    /** Linear interpolation between order statistics (Hyndman and Fan's type 7, R's and NumPy's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
