package io.hashdesk.app.discovery;

import io.hashdesk.core.domain.CredentialsRef;

/** How newly registered miners are unlocked. */
sealed interface CredentialChoice {

    /** The firmware's factory password: no vault entry. */
    record FactoryDefault() implements CredentialChoice {
    }

    /** An entry already in the vault. */
    record Existing(CredentialsRef ref, String label) implements CredentialChoice {
    }

    /** A password entered (twice) in the wizard, saved to the vault under {@code label} while registering. */
    record NewPassword(String label, char[] secret) implements CredentialChoice {

        @Override
        public String toString() {
            return "NewPassword[label=" + label + ", secret=<redacted>]";
        }
    }
}
