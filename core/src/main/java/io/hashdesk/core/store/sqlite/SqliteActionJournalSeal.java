package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.credentials.VaultKey;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Seals what the action journal must keep but must not keep in clear (firmware backups and settings with pool
 * passwords) with the credential vault's key and AES-GCM, exactly as the vault seals passwords: the key stays in its
 * file outside the database, and each sealed text is bound to the action and miner it belongs to.
 */
final class SqliteActionJournalSeal {

    /** A sealed text as stored. */
    record Sealed(byte[] nonce, byte[] ciphertext, String keyId) {
    }

    private final Path keyFile;
    private volatile VaultKey key;

    SqliteActionJournalSeal(Path keyFile) {
        this.keyFile = keyFile;
    }

    Sealed seal(String text, String context) {
        char[] chars = text.toCharArray();
        try {
            VaultKey.Sealed sealed = keyForSealing().seal(chars, context);
            return new Sealed(sealed.nonce(), sealed.ciphertext(), sealed.keyId());
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** @param what names the sealed text in error messages, never its content */
    String open(Sealed sealed, String context, String what) {
        char[] chars = keyForOpening().open(new VaultKey.Sealed(sealed.nonce(), sealed.ciphertext(), sealed.keyId()),
                context, what);
        try {
            return new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private synchronized VaultKey keyForSealing() {
        if (key == null) {
            key = VaultKey.loadOrCreate(keyFile);
        }
        return key;
    }

    private synchronized VaultKey keyForOpening() {
        if (key == null) {
            key = VaultKey.load(keyFile);
        }
        return key;
    }
}
