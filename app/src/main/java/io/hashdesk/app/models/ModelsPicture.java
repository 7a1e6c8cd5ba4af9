package io.hashdesk.app.models;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of the model registry: every model slot (type and scope) that has a version.
 *
 * @param readAt when it was read
 */
record ModelsPicture(List<Slot> slots, Instant readAt) {

    ModelsPicture {
        slots = List.copyOf(slots);
        Objects.requireNonNull(readAt, "readAt");
    }

    /**
     * @param versions        every version of the slot, newest first
     * @param promotionMetric the held-out metric its type is judged on
     * @param latestDrift     the champion's latest drift check; empty without a champion or before its first check
     */
    record Slot(ModelType type, ModelScope scope, List<ModelVersion> versions, String promotionMetric,
                Optional<DriftReport> latestDrift) {

        Slot {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(scope, "scope");
            versions = List.copyOf(versions);
            Objects.requireNonNull(promotionMetric, "promotionMetric");
            Objects.requireNonNull(latestDrift, "latestDrift");
        }

        Optional<ModelVersion> champion() {
            return versions.stream().filter(v -> v.status() == ModelStatus.CHAMPION).findFirst();
        }

        /**
         * The version a rollback would restore, chosen as the store chooses it: the retired version that became
         * champion most recently (a rolled-back one never comes back).
         */
        Optional<ModelVersion> previousChampion() {
            return versions.stream()
                    .filter(v -> v.status() == ModelStatus.RETIRED && v.championSince().isPresent())
                    .max(Comparator.comparing((ModelVersion v) -> v.championSince().orElseThrow())
                            .thenComparingLong(ModelVersion::id));
        }
    }
}
