package io.hashdesk.core.reco;

import java.time.Instant;
import java.util.Optional;

/**
 * Replays a policy over the farm's recent stored history. Advisors take one in their constructor and ask it about the
 * policy they are about to recommend: the advisor stays a pure function of its evidence and of what the replay
 * answers, and tests hand in a replay that answers from a fixture (or {@link #none()}).
 */
public interface PolicyReplay {

    /** What the policy would have done over the window before {@code now}; empty when there is no data to replay. */
    Optional<Backtest> replay(ReplayPolicy policy, Instant now);

    /** No replay: recommendations carry no backtest. */
    static PolicyReplay none() {
        return (policy, now) -> Optional.empty();
    }
}
