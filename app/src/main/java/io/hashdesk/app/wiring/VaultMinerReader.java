package io.hashdesk.app.wiring;

import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.credentials.CredentialVaultException;
import io.hashdesk.core.credentials.Secret;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.polling.MinerReader;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriverFactory;
import io.hashdesk.drivers.polling.DriverMinerReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The poller's reader with each miner's own password: the vault entry its {@link CredentialsRef} points at, or the
 * Vnish factory default when it has none. A ref whose secret cannot be read (key file missing, entry damaged or
 * deleted) fails the read as refused credentials with the vault's sentence, never falls back to the default: the
 * operator has to see that the stored password is unusable.
 */
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
        resolved.put(miner.id(), credentialsOf(miner));
        return drivers.read(miner);
    }

    private MinerCredentials credentialsOf(Miner miner) throws MinerAccessException {
        Optional<CredentialsRef> ref = miner.credentials();
        if (ref.isEmpty()) {
            return MinerCredentials.vnishDefault();
        }
        try (Secret secret = vault.read(ref.get())) {
            return MinerCredentials.of(secret.reveal());
        } catch (CredentialVaultException e) {
            throw new MinerAccessException(MinerAccessException.Failure.AUTH_FAILED, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        drivers.close();
        resolved.clear();
    }
}
