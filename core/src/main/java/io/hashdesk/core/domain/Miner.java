package io.hashdesk.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A registered miner: identity, where it is, how to reach it and what it is.
 *
 * @param modelId     id in the miner model catalog (e.g. {@code antminer-s19j-pro})
 * @param firmware    firmware as last reported, e.g. {@code Vnish 1.2.0-rc3}; empty before the first poll
 * @param credentials reference into the credential vault, absent when the miner uses the firmware default
 */
public record Miner(MinerId id, String siteId, RackPosition position, MinerAddress address, String modelId,
                    String firmware, Optional<CredentialsRef> credentials) {

    public Miner {
        Objects.requireNonNull(id, "miner id");
        siteId = Names.requireId(siteId, "site id");
        Objects.requireNonNull(position, "rack position");
        Objects.requireNonNull(address, "address");
        modelId = Names.requireId(modelId, "model id");
        firmware = firmware == null ? "" : firmware.strip();
        Objects.requireNonNull(credentials, "credentials (use Optional.empty())");
    }
}
