package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One write to a miner, for the audit trail: who, what, when, which miner, before, after and how it ended. Settings
 * never carry pool passwords.
 *
 * @param asked    what was written; empty for a restore of the firmware backup
 * @param readBack what the miner read back afterwards, when it answered
 */
public record AuditEntry(long id, String actionId, String actionTitle, String actor, MinerId miner, WriteKind kind,
                         int step, int stepCount, Optional<SettingValues> before, Optional<SettingValues> asked,
                         Optional<SettingValues> readBack, WriteOutcome outcome, Instant startedAt,
                         Optional<Instant> endedAt, String message) {

    public AuditEntry {
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "started at");
        message = message == null ? "" : message;
    }
}
