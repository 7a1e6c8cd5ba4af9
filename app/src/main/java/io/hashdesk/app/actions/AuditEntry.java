package io.hashdesk.app.actions;

import java.time.Instant;
import java.util.Objects;

/**
 * One write to a miner, as the audit trail keeps it.
 *
 * @param what   e.g. "write step 2/3", "read back", "roll back", "restore firmware backup"
 * @param before the setting before, in words ("preset 3,250 W"); empty when not a write
 * @param after  the setting after, or what was read back
 * @param result e.g. "ok", "verified", "hashrate fell 38 % — rolled back"
 */
public record AuditEntry(Instant at, String operator, String miner, String what, String before, String after,
                         String result) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(what, "what");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        Objects.requireNonNull(result, "result");
    }
}
