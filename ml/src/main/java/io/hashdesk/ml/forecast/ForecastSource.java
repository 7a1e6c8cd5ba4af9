package io.hashdesk.ml.forecast;

/** What a hashprice forecast comes from. */
public enum ForecastSource {
    /** The gradient-boosted model, which beat the naive forecast in walk-forward validation. */
    MODEL,
    /** The naive forecast (hashprice stays at its last value), used when the model did not beat it; the reason says
     *  by how much it failed. */
    BASELINE
}
