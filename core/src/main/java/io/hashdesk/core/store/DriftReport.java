package io.hashdesk.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Drift of one model version's features between its training data and recent data.
 *
 * @param versionId the model version checked
 * @param checkedAt when
 * @param features  one entry per feature with a training distribution, in the model's feature order
 * @param verdict   the worst feature verdict; {@link DriftVerdict#INSUFFICIENT_DATA} only if no feature could be judged
 */
public record DriftReport(long versionId, Instant checkedAt, List<FeatureDrift> features, DriftVerdict verdict) {

    public DriftReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(verdict, "verdict");
        features = List.copyOf(features);
    }

    /** The features that moved (WATCH or RETRAIN), most serious first. */
    public List<FeatureDrift> drifted() {
        return features.stream()
                .filter(f -> f.verdict() == DriftVerdict.WATCH || f.verdict() == DriftVerdict.RETRAIN)
                .sorted((a, b) -> b.verdict().compareTo(a.verdict()))
                .toList();
    }

    /** The flag the retraining schedule reads: some feature moved far enough to retrain. */
    public boolean retrainingNeeded() {
        return verdict == DriftVerdict.RETRAIN;
    }
}
