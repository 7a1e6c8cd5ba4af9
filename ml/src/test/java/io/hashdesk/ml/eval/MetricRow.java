package io.hashdesk.ml.eval;

import java.util.Objects;

/**
 * One measured figure of one model against the simulator's ground truth, with the target it is held to.
 *
 * @param model    which model ("Thermal model", "Power optimiser", ...)
 * @param metric   what was measured ("RMSE on held-out days (°C)")
 * @param value    the figure
 * @param target   the target in words ("< 1.5"), or "reported" for a figure with no target
 * @param met      whether the target is met ({@code true} for a reported figure)
 * @param baseline what the naive baseline scores on the same data, in words, or "" when there is none
 */
public record MetricRow(String model, String metric, double value, String target, boolean met, String baseline) {

    public MetricRow {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(baseline, "baseline");
    }

    /** A figure reported for information, held to no target. */
    public static MetricRow reported(String model, String metric, double value, String baseline) {
        return new MetricRow(model, metric, value, "reported", true, baseline);
    }
}
