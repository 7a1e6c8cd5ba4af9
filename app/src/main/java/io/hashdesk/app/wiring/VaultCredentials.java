package io.hashdesk.app.wiring;

import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.credentials.CredentialVaultException;
import io.hashdesk.core.credentials.Secret;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.drivers.api.MinerCredentials;

import java.util.Optional;

/**
 * A miner's password as the drivers want it: the vault entry its {@link CredentialsRef} points at, or the Vnish
 * factory default when it has none. A ref whose secret cannot be read (key file missing, entry damaged or deleted)
 * fails as refused credentials with the vault's sentence, never falls back to the default: the operator has to see
 * that the stored password is unusable. Shared by the poller's reader and the action executor's driver source.
 */
final class VaultCredentials {

    private VaultCredentials() {
    }

    static MinerCredentials of(CredentialVault vault, Miner miner) throws MinerAccessException {
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
}
