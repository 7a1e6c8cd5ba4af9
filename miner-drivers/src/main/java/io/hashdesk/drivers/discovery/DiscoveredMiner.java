package io.hashdesk.drivers.discovery;

import io.hashdesk.core.domain.MinerAddress;
import java.util.Objects;

/**
 * A miner found by a scan: where, how it answered, and what it says it is. Text fields are empty when the
 * miner did not say (the RPC fallback knows less than the web API).
 *
 * @param via       which interface identified it
 * @param modelName as the firmware names it, e.g. {@code Antminer S19j Pro}
 * @param firmware  name and version, e.g. {@code Vnish 1.2.6}
 */
public record DiscoveredMiner(MinerAddress address, Channel via, String modelName, String firmware, String macAddress,
                              String hostname) {

    /** How a miner was reached during discovery. */
    public enum Channel { WEB_API, RPC }

    public DiscoveredMiner {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(via, "via");
        modelName = modelName == null ? "" : modelName.strip();
        firmware = firmware == null ? "" : firmware.strip();
        macAddress = macAddress == null ? "" : macAddress.strip();
        hostname = hostname == null ? "" : hostname.strip();
    }
}
