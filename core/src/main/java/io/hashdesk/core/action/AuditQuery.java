package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which writes of the audit trail to list, newest first: of one miner and/or one action, started in
 * {@code [from, to)}, at most {@code limit}.
 */
public record AuditQuery(Optional<MinerId> miner, Optional<String> actionId, Instant from, Instant to, int limit) {

    public AuditQuery {
        Objects.requireNonNull(miner, "miner (use Optional.empty())");
        Objects.requireNonNull(actionId, "action id (use Optional.empty())");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("an audit query needs a limit of 1 or more, got " + limit);
        }
    }

    /** Every write in the time range. */
    public static AuditQuery between(Instant from, Instant to, int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), from, to, limit);
    }

    /** The writes to one miner in the time range. */
    public static AuditQuery ofMiner(MinerId miner, Instant from, Instant to, int limit) {
        return new AuditQuery(Optional.of(miner), Optional.empty(), from, to, limit);
    }

    /** Every write of one action. */
    public static AuditQuery ofAction(String actionId, int limit) {
        return new AuditQuery(Optional.empty(), Optional.of(actionId), Instant.EPOCH,
                Instant.ofEpochMilli(Long.MAX_VALUE), limit);
    }
}
