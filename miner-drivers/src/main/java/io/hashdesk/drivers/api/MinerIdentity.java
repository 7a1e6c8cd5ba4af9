package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.util.Objects;
import java.util.Optional;

/**
 * What a miner says it is. Only the model name and the hashrate unit are always known; the rest is {@code null} when
 * the firmware does not tell (the RPC fallback knows no MAC address, old builds no version).
 *
 * @param modelName       model as the firmware names it, e.g. {@code Antminer S19}
 * @param modelCode       firmware's short model code, e.g. {@code s19}
 * @param firmwareName    e.g. {@code Vnish}
 * @param firmwareVersion e.g. {@code 1.2.0-beta10}
 * @param hashrateUnit    unit the firmware reports hashrates in (drivers convert to TH/s; this is for display)
 * @param macAddress      control board MAC, upper case with colons as reported
 * @param hostname        the miner's own host name
 */
public record MinerIdentity(String modelName, String modelCode, String firmwareName, String firmwareVersion,
                            HashrateUnit hashrateUnit, String macAddress, String hostname) {

    public MinerIdentity {
        Objects.requireNonNull(modelName, "model name");
        Objects.requireNonNull(hashrateUnit, "hashrate unit");
    }

    /** The catalog entry (rated figures, safe limits) for this miner's model, if the catalog knows it. */
    public Optional<MinerModel> catalogModel(MinerModelCatalog catalog) {
        return catalog.matchFirmwareName(modelName);
    }
}
