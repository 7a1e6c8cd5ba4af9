package io.hashdesk.app.wiring;

import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.polling.MinerReader;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriverFactory;
import io.hashdesk.drivers.polling.DriverMinerReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The poller's reader with each miner's own password from the vault ({@link VaultCredentials}). */
final class VaultMinerReader implements MinerReader, AutoCloseable {

    private final CredentialVault vault;
    private final DriverMinerReader drivers;
    /**
     * The credentials resolved for each miner's read in progress, handed to the drivers below (which want a plain
     * function). The poller reads a miner at most once at a time, so an entry is never raced.
     */
    private final Map<MinerId, MinerCredentials> resolved = new ConcurrentHashMap<>();

    VaultMinerReader(CredentialVault vault, MinerDriverFactory web, MinerDriverFactory rpc) {
        this.vault = vault;
        this.drivers = new DriverMinerReader(web, rpc, miner -> resolved.get(miner.id()));
    }

    @Override
    public TelemetrySnapshot read(Miner miner) throws MinerAccessException, InterruptedException {
        resolved.put(miner.id(), VaultCredentials.of(vault, miner));
        return drivers.read(miner);
    }

    @Override
    public void close() {
        drivers.close();
        resolved.clear();
    }
}
