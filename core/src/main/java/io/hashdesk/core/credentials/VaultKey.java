package io.hashdesk.core.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's 256-bit AES key and the AES-GCM sealing done with it. The key lives in its own file beside the
 * database (never in it), readable by its owner only where the file system has POSIX permissions, so a copied
 * database file alone reveals no password. Each sealed secret carries the key's {@link #id()} so a secret sealed
 * with another key is told apart from a damaged one.
 */
public final class VaultKey {

    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;
    private final Path file;

    private VaultKey(byte[] raw, Path file) {
        this.key = new SecretKeySpec(raw, "AES");
        this.id = fingerprint(raw);
        this.file = file;
        Arrays.fill(raw, (byte) 0);
    }

    /** A secret as stored: the nonce, the ciphertext with its GCM tag, and the id of the key that sealed it. */
    public record Sealed(byte[] nonce, byte[] ciphertext, String keyId) {
    }

    /**
     * Reads the key file.
     *
     * @throws CredentialVaultException {@code KEY_MISSING} when there is no file, {@code KEY_INVALID} when it cannot be
     *                                  read or is not a vault key
     */
    public static VaultKey load(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CredentialVaultException(CredentialVaultException.Reason.KEY_MISSING, "The vault key file " + file
                    + " is missing; the stored passwords cannot be read; re-enter them in Settings → Credentials"
                    + " (or put the key file back)");
        } catch (IOException e) {
            throw new CredentialVaultException(CredentialVaultException.Reason.KEY_INVALID, "The vault key file " + file
                    + " cannot be read (" + e.getClass().getSimpleName() + "); check its owner and permissions", e);
        }
        if (raw.length != KEY_BYTES) {
            int length = raw.length;
            Arrays.fill(raw, (byte) 0);
            throw new CredentialVaultException(CredentialVaultException.Reason.KEY_INVALID, "The vault key file " + file
                    + " holds " + length + " bytes instead of " + KEY_BYTES + "; it is not a Hashdesk vault key");
        }
        return new VaultKey(raw, file);
    }

    /** Reads the key file, or makes a new random key there (owner-only) when there is none. */
    public static VaultKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        try {
            write(file, raw);
        } catch (FileAlreadyExistsException e) {
            // another process made it first: use theirs, so both seal with the same key
            Arrays.fill(raw, (byte) 0);
            return load(file);
        } catch (IOException e) {
            Arrays.fill(raw, (byte) 0);
            throw new CredentialVaultException(CredentialVaultException.Reason.KEY_INVALID, "Could not create the vault"
                    + " key file " + file + " (" + e.getMessage() + "); check that the data folder is writable", e);
        }
        return new VaultKey(raw, file);
    }

    /** Written to a temporary file with owner-only permissions first, then moved into place, never half-written. */
    private static void write(Path file, byte[] raw) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(Files.exists(folder) ? folder : folder.getRoot())
                .supportsFileAttributeView("posix");
        if (posix) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, "vault-", ".key.tmp", ownerOnly);
        try {
            Files.write(temp, raw);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A short fingerprint of the key, stored beside each secret; reveals nothing about the key. */
    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    /** Seals {@code secret} (UTF-8) with a fresh random nonce; {@code context} (the entry's id) is bound to it. */
    public Sealed seal(char[] secret, String context) {
        byte[] plain = utf8(secret);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, cipher.doFinal(plain), id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a sealed secret.
     *
     * @param what names the entry in the error messages, e.g. {@code the credential "Room A"}
     * @throws CredentialVaultException {@code KEY_INVALID} when it was sealed with another key, {@code DAMAGED} when
     *                                  the ciphertext fails its integrity check
     */
    public char[] open(Sealed sealed, String context, String what) {
        if (!id.equals(sealed.keyId())) {
            throw new CredentialVaultException(CredentialVaultException.Reason.KEY_INVALID, "The password of " + what
                    + " was encrypted with another vault key than the one in " + file + "; re-enter it");
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(sealed.ciphertext());
            return chars(plain);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new CredentialVaultException(CredentialVaultException.Reason.DAMAGED, "The stored password of " + what
                    + " is damaged (its integrity check failed); re-enter it", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] utf8(char[] secret) {
        ByteBuffer buffer;
        try {
            buffer = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(secret));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The password contains characters that are not valid text", e);
        }
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    private static char[] chars(byte[] plain) {
        CharBuffer buffer = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
        char[] chars = Arrays.copyOf(buffer.array(), buffer.limit());
        Arrays.fill(buffer.array(), '\0');
        return chars;
    }

    private static String fingerprint(byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("hashdesk-vault-key-id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(raw), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "VaultKey[id=" + id + ", key=***]";
    }
}
