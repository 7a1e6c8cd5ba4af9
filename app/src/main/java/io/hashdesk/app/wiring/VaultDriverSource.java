package io.hashdesk.app.wiring;

import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.drivers.action.MinerDriverSource;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerDriverFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web driver for each registered miner the action executor writes to, opened with its password from the vault.
 * One driver per miner is kept, so its web session is reused across an action's steps; it is reopened when the
 * registry's record of the miner changed (new address or credentials).
 */
final class VaultDriverSource implements MinerDriverSource, AutoCloseable {

    private record Opened(Miner miner, MinerDriver driver) {
    }

    private final MinerRegistry registry;
    private final CredentialVault vault;
    private final MinerDriverFactory web;
    private final Map<MinerId, Opened> opened = new ConcurrentHashMap<>();

    VaultDriverSource(MinerRegistry registry, CredentialVault vault, MinerDriverFactory web) {
        this.registry = registry;
        this.vault = vault;
        this.web = web;
    }

    @Override
    public MinerDriver driverFor(MinerId id) throws MinerAccessException {
        Miner miner = registry.miner(id).orElseThrow(() -> new MinerAccessException(
                MinerAccessException.Failure.UNREACHABLE, id + " is not registered (removed meanwhile?)"));
        Opened current = opened.get(id);
        if (current != null && current.miner().equals(miner)) {
            return current.driver();
        }
        MinerDriver driver = web.open(miner.address(), VaultCredentials.of(vault, miner));
        Opened previous = opened.put(id, new Opened(miner, driver));
        if (previous != null) {
            previous.driver().close();
        }
        return driver;
    }

    @Override
    public void close() {
        opened.values().forEach(o -> o.driver().close());
        opened.clear();
    }
}
