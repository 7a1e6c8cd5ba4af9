package io.hashdesk.core.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.TelemetrySnapshot;

import java.util.Objects;
import java.util.Optional;

/**
 * One registered miner as the engine sees it: where it is and what it is, and its latest reading (absent before the
 * first poll).
 */
public record MinerFacts(Miner miner, Optional<TelemetrySnapshot> latest) {

    public MinerFacts {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(latest, "latest (use Optional.empty())");
    }
}
