package io.hashdesk.drivers.api;

import java.util.Objects;

/**
 * Whether the miner runs one part of a settings change, as its read-back shows.
 *
 * @param requested what was asked for, in words (never a password)
 * @param observed  what the miner reports after the change, in words
 */
public record PartOutcome(SettingsPart part, boolean applied, String requested, String observed) {

    public PartOutcome {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(observed, "observed");
    }

    @Override
    public String toString() {
        return part + (applied ? " applied: " : " NOT applied: requested ") + requested
                + (applied ? "" : ", miner reports " + observed);
    }
}
