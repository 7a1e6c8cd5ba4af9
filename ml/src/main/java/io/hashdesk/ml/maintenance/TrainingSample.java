package io.hashdesk.ml.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A feature row with what became of its unit: the time of the unit's next failure, or {@code null} when none came
 * before the history ended. Samples at or after a failure are never made (the unit is in repair).
 */
public record TrainingSample(FeatureRow row, Instant failureAt, FailureKind failureKind) {

    public TrainingSample {
        Objects.requireNonNull(row, "row");
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
