package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A write about to be made, journalled before it is sent.
 *
 * @param actor  who caused it: the operator who requested the action, or Hashdesk for an automatic rollback
 * @param before the miner's settings just before (its parts that the write sets), when known
 * @param asked  what is written; {@code null} for a {@link WriteKind#RESTORE} of the firmware backup
 */
public record WriteStart(String actionId, MinerId miner, WriteKind kind, int step, int stepCount, String actor,
                         SettingValues before, SettingValues asked, Instant at) {

    public WriteStart {
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
