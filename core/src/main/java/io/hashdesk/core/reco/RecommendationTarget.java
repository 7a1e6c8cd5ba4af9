package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;

import java.util.List;
import java.util.Objects;

/**
 * The miners a recommendation is about, and how to name them to an operator.
 *
 * @param label e.g. {@code S19j Pro #17 (Room A, rack 3)}, {@code 12 S19j Pro in Room B}, {@code Room A}
 * @param roomId the room they are in, {@code null} when they span rooms
 */
public record RecommendationTarget(TargetScope scope, String label, String roomId, List<MinerId> miners) {

    public RecommendationTarget {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(label, "label");
        miners = List.copyOf(miners);
    }
}
