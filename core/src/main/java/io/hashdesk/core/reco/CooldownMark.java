package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;

/** A miner that had a recommendation of {@code type} applied or dismissed at {@code at}: its cooldown starts then. */
public record CooldownMark(MinerId miner, RecommendationType type, RecommendationStatus status, Instant at) {
}
