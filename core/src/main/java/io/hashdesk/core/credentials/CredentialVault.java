package io.hashdesk.core.credentials;

import io.hashdesk.core.domain.CredentialsRef;
import java.util.List;
import java.util.Optional;

/**
 * The farm's secrets (miner web passwords, later pool and provider API keys), encrypted at rest with a key kept
 * outside the database. Listing never returns a secret; only {@link #read} does, for the poller and the drivers.
 *
 * <p>Every failure is a {@link CredentialVaultException} whose {@link CredentialVaultException.Reason} says what
 * went wrong and whose message is one sentence the operator can act on; messages never contain a secret.
 */
public interface CredentialVault {

    /**
     * Stores {@code secret} under {@code label}: a new entry, or a new secret (and user name) for the entry that
     * already has this label (labels compare ignoring case). The caller's array is not kept; zero it after the call.
     *
     * @return the reference miners use to point at the entry; the same one when an entry is replaced
     */
    CredentialsRef save(String label, Optional<String> username, char[] secret);

    /** Every entry, by label, with the miners that use it; never a secret. */
    List<CredentialEntry> list();

    /**
     * The secret of {@code ref}, decrypted. Close the returned {@link Secret} to wipe its characters.
     *
     * @throws CredentialVaultException when the entry does not exist, the key file is missing or is not the one the
     *                                  secret was encrypted with, or the stored ciphertext is damaged
     */
    Secret read(CredentialsRef ref);

    /**
     * Deletes an entry no miner uses.
     *
     * @throws CredentialVaultException with {@link CredentialVaultException.Reason#IN_USE} naming the miners that
     *                                  still use it, or {@code NOT_FOUND}
     */
    void delete(CredentialsRef ref);
}
