package io.hashdesk.ml.optimiser;

/**
 * How one output's forecast spreads are calibrated (see {@link OptimiserOptions.Calibration}): the factor its
 * predictive variance is scaled by, and the degrees of freedom of the Student-t its measurement intervals use. The
 * t comes from not knowing the variance scale exactly: with it estimated from ν pseudo- and real residuals, a new
 * measurement is t-distributed with ν degrees of freedom, heavier-tailed than a normal when probes are few.
 */
public record IntervalCalibration(double varianceInflation, int degreesOfFreedom) {

    public IntervalCalibration {
        if (!(varianceInflation > 0) || Double.isInfinite(varianceInflation)) {
            throw new IllegalArgumentException("varianceInflation must be a positive number, got "
                    + varianceInflation);
        }
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degreesOfFreedom must be at least 1, got " + degreesOfFreedom);
        }
    }
}
