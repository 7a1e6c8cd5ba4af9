package io.hashdesk.core.store;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One feature's drift between training and recent data. The figures are empty when the verdict is
 * {@link DriftVerdict#INSUFFICIENT_DATA}; the KS figures also when too few recent values were present to compare.
 *
 * @param psi           population stability index over the training quantile bins (missing values as a bin)
 * @param ksStatistic   largest gap between the training and recent CDFs of the present values
 * @param ksPValue      chance of a gap that large if nothing had changed
 * @param recentPresent recent rows with a value
 * @param recentMissing recent rows without one
 * @param explanation   the verdict in words for the operator
 */
public record FeatureDrift(String feature, DriftVerdict verdict, OptionalDouble psi, OptionalDouble ksStatistic,
                           OptionalDouble ksPValue, long recentPresent, long recentMissing, String explanation) {

    public FeatureDrift {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(psi, "psi");
        Objects.requireNonNull(ksStatistic, "ksStatistic");
        Objects.requireNonNull(ksPValue, "ksPValue");
        Objects.requireNonNull(explanation, "explanation");
    }
}
