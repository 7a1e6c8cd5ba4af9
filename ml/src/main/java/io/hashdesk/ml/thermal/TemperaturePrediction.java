package io.hashdesk.ml.thermal;

/**
 * A predicted hottest-chip temperature with the interval the model's own errors put around it.
 *
 * @param coverage nominal share of the out-of-sample (rolling-origin) errors at this horizon that fell inside
 *                 {@code [lowC, highC]} (0.9 = the 5th to 95th percentile); coverage on later, held-out days is
 *                 measured and reported by the evaluation
 */
public record TemperaturePrediction(double chipTempC, double lowC, double highC, double coverage) {

    public TemperaturePrediction {
        if (!(lowC <= chipTempC && chipTempC <= highC) || Double.isInfinite(lowC) || Double.isInfinite(highC)) {
            throw new IllegalArgumentException("expected finite low ≤ predicted ≤ high, got " + lowC + ", " + chipTempC
                    + ", " + highC);
        }
    }
}
