package io.hashdesk.drivers.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What this miner's firmware lets a driver do, and within which bounds. Limits are {@code null} when the firmware
 * does not report them (the RPC fallback reports none).
 *
 * @param maxPools           pool slots the firmware keeps (Vnish: 3)
 * @param maxPowerLimitWatts highest power limit the firmware accepts (Vnish 1.3.4+); {@code null} otherwise
 */
public record MinerCapabilities(Set<MinerOperation> operations, ClockLimits clocks, CoolingLimits cooling,
                                Integer boardCount, Integer chipsPerBoard, int maxPools,
                                Integer maxPowerLimitWatts) {

    public MinerCapabilities {
        Objects.requireNonNull(operations, "operations");
        // An EnumSet keeps declaration order, so capabilities print the same way every time.
        EnumSet<MinerOperation> ordered = EnumSet.noneOf(MinerOperation.class);
        ordered.addAll(operations);
        operations = Collections.unmodifiableSet(ordered);
    }

    public boolean supports(MinerOperation operation) {
        return operations.contains(operation);
    }
}
