package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerStatus;

/**
 * Vnish's miner states ({@code miner_state} on the web API, {@code state} in the RPC's {@code stats}; one
 * vocabulary, vnish-api.md §4.3) as domain statuses.
 */
public final class MinerStateNames {

    private MinerStateNames() {
    }

    /** The domain status for a state name; a name this driver does not know (a newer firmware's) is {@code UNKNOWN}. */
    public static MinerStatus toStatus(String state) {
        return switch (state) {
            case "mining" -> MinerStatus.MINING;
            case "initializing", "starting", "auto-tuning", "restarting" -> MinerStatus.STARTING;
            case "stopped", "shutting-down" -> MinerStatus.STOPPED;
            case "failure" -> MinerStatus.FAILURE;
            default -> MinerStatus.UNKNOWN;
        };
    }
}
