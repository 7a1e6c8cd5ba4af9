package io.hashdesk.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered model version with where it stands now. Its feature distributions are read separately
 * ({@link ModelVersionStore#distributions}) because listings do not need them.
 *
 * @param id               the registry's number for it, increasing with registration order
 * @param status           where it stands
 * @param statusReason     why it got there, in words for the operator ("heldOutRmseC 1.21 beats champion v3's 1.40")
 * @param statusChangedAt  when it got there
 * @param championSince    when it last became champion; empty if it never was
 */
public record ModelVersion(long id, ModelType type, ModelScope scope, Instant trainedFrom, Instant trainedTo,
                           List<String> features, String algorithm, String smileVersion, String hyperParametersJson,
                           Map<String, Double> metrics, ArtifactFile artifact, Instant createdAt, ModelStatus status,
                           String statusReason, Instant statusChangedAt, Optional<Instant> championSince) {

    public ModelVersion {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(statusChangedAt, "statusChangedAt");
        Objects.requireNonNull(championSince, "championSince");
        features = List.copyOf(features);
        metrics = Map.copyOf(metrics);
    }

    /** A held-out metric, if it was recorded. */
    public Optional<Double> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** "THERMAL v12 (unit:s19-01)", for messages. */
    public String label() {
        return type + " v" + id + " (" + scope + ")";
    }
}
