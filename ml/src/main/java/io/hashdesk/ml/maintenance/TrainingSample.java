package io.hashdesk.ml.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A feature row with what became of its unit: the time of the unit's next failure, or {@code null} when none came
 * before the history ended. Samples at or after a failure are never made (the unit is in repair).
 *
 * @param weight how many samples of the history this one stands for: 1, or more for a sample kept from a thinned
 *               part of the history ({@link TrainingSamples#fromStoredFailures}), so that counts, calibration and
 *               alarm scores over the kept samples estimate those over all of them
 */
public record TrainingSample(FeatureRow row, Instant failureAt, FailureKind failureKind, double weight) {

    /** A sample that stands for itself alone. */
    public TrainingSample(FeatureRow row, Instant failureAt, FailureKind failureKind) {
        this(row, failureAt, failureKind, 1);
    }

    public TrainingSample {
        Objects.requireNonNull(row, "row");
        if (!(weight >= 1) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("sample of " + row.miner() + " at " + row.at()
                    + ": weight must be finite and at least 1, got " + weight);
        }
        if ((failureAt == null) != (failureKind == null)) {
            throw new IllegalArgumentException("a failure needs both its time and its kind");
        }
        if (failureAt != null && !failureAt.isAfter(row.at())) {
            throw new IllegalArgumentException("sample of " + row.miner() + " at " + row.at()
                    + " is not before its failure at " + failureAt);
        }
    }

    /** Whether the unit failed within {@code horizon} after the sample. */
    public boolean failsWithin(Duration horizon) {
        return failureAt != null && !failureAt.isAfter(row.at().plus(horizon));
    }

    /** Days from the sample to the failure; infinite when none came. */
    public double daysToFailure() {
        return failureAt == null ? Double.POSITIVE_INFINITY
                : Duration.between(row.at(), failureAt).toSeconds() / 86_400.0;
    }
}
