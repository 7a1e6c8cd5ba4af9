package io.hashdesk.core.credentials;

import java.util.Objects;

/** The vault could not do what was asked; the message is one sentence for the operator and never holds a secret. */
public class CredentialVaultException extends RuntimeException {

    /** What went wrong, for callers that react differently (the poller reports each as refused credentials). */
    public enum Reason {
        /** No entry with that reference or label. */
        NOT_FOUND,
        /** The key file is gone while secrets encrypted with it remain. */
        KEY_MISSING,
        /** The key file is unreadable or not a vault key, or the secret was encrypted with another key. */
        KEY_INVALID,
        /** A stored ciphertext fails its integrity check. */
        DAMAGED,
        /** Miners still use the entry. */
        IN_USE
    }

    private final Reason reason;

    public CredentialVaultException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CredentialVaultException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
