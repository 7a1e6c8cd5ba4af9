package io.hashdesk.ml.registry;

/** Which way a held-out metric improves. */
public enum MetricDirection {
    /** Errors: RMSE, MAE. */
    LOWER_IS_BETTER,
    /** Scores: F1, accuracy. */
    HIGHER_IS_BETTER
}
