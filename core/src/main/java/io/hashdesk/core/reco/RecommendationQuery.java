package io.hashdesk.core.reco;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which stored recommendations to list, best ranked first. Empty sets and {@code null} mean "any".
 *
 * @param types      only these types
 * @param roomId     only those whose target is in this room
 * @param minUrgency only this urgent or more
 * @param statuses   only in these statuses
 * @param limit      at most this many
 */
public record RecommendationQuery(Set<RecommendationType> types, String roomId, Urgency minUrgency,
                                  Set<RecommendationStatus> statuses, int limit) {

    private static final int INBOX_LIMIT = 1_000;

    public RecommendationQuery {
        types = types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** The inbox: every open recommendation. */
    public static RecommendationQuery inbox() {
        return new RecommendationQuery(Set.of(), null, null, Set.of(RecommendationStatus.OPEN), INBOX_LIMIT);
    }

    public RecommendationQuery withTypes(Set<RecommendationType> only) {
        return new RecommendationQuery(only, roomId, minUrgency, statuses, limit);
    }

    public RecommendationQuery inRoom(String room) {
        return new RecommendationQuery(types, room, minUrgency, statuses, limit);
    }

    public RecommendationQuery atLeast(Urgency urgency) {
        return new RecommendationQuery(types, roomId, Objects.requireNonNull(urgency, "urgency"), statuses, limit);
    }

    public RecommendationQuery withStatuses(Set<RecommendationStatus> only) {
        return new RecommendationQuery(types, roomId, minUrgency, only, limit);
    }
}
