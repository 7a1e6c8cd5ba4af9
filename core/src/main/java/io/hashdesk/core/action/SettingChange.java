package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;

import java.util.Objects;

/**
 * One miner's proposed change: what it runs now and what it should run. {@code from} holds the current value of
 * every part {@code to} sets (so the change can be shown as from → to and undone part by part).
 *
 * @param modelId the miner's model id in the catalog, whose safe limits the change must respect
 */
public record SettingChange(MinerId miner, String modelId, SettingValues from, SettingValues to) {

    public SettingChange {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(modelId, "model id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a change for " + miner + " must set something");
        }
    }
}
