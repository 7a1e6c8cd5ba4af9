package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.credentials.CredentialVaultException;
import io.hashdesk.core.credentials.CredentialVaultException.Reason;
import io.hashdesk.core.credentials.Secret;
import io.hashdesk.core.credentials.VaultKey;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.MinerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CredentialVault} on the farm's SQLite file: ciphertexts in the {@code credential} table, the key in a file
 * outside the database ({@code keys/vault.key} in the data folder). The key is made on the first save, read once
 * and kept in memory; reading never makes one, so a lost key file is reported, not papered over.
 */
public final class SqliteCredentialVault implements CredentialVault {

    /** Where the key file sits relative to the database's folder. */
    public static final String KEY_FILE = "keys/vault.key";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteCredentialVault.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SqliteDatabase db;
    private final Path keyFile;
    private final Clock clock;
    private volatile VaultKey key;

    SqliteCredentialVault(SqliteDatabase db, Path keyFile, Clock clock) {
        this.db = db;
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.clock = clock;
    }

    /** The key file for a database file: {@value #KEY_FILE} in the database's folder. */
    public static Path keyFileFor(Path databaseFile) {
        return databaseFile.toAbsolutePath().getParent().resolve(KEY_FILE);
    }

    @Override
    public CredentialsRef save(String label, Optional<String> username, char[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("The password must not be empty");
        }
        String cleanLabel = CredentialEntry.cleanLabel(label);
        Optional<String> cleanUser = username.map(String::strip).filter(u -> !u.isEmpty());
        VaultKey sealing = keyForSaving();
        long now = clock.millis();
        return db.inTransaction("save the credential \"" + cleanLabel + "\"", conn -> {
            Optional<String> existing = idOfLabel(conn, cleanLabel);
            String id = existing.orElseGet(SqliteCredentialVault::newId);
            VaultKey.Sealed sealed = sealing.seal(secret, id);
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO credential (id, label, username, key_id, nonce, ciphertext, created_at_ms, updated_at_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET label = excluded.label, username = excluded.username,
                        key_id = excluded.key_id, nonce = excluded.nonce, ciphertext = excluded.ciphertext,
                        updated_at_ms = excluded.updated_at_ms""")) {
                st.setString(1, id);
                st.setString(2, cleanLabel);
                st.setString(3, cleanUser.orElse(null));
                st.setString(4, sealed.keyId());
                st.setBytes(5, sealed.nonce());
                st.setBytes(6, sealed.ciphertext());
                st.setLong(7, now);
                st.setLong(8, now);
                st.executeUpdate();
            }
            LOG.info("{} the credential \"{}\" ({})", existing.isPresent() ? "Replaced" : "Added", cleanLabel, id);
            return new CredentialsRef(id);
        });
    }

    private static Optional<String> idOfLabel(Connection conn, String label) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT id FROM credential WHERE label = ?")) {
            st.setString(1, label);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static String newId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "cred-" + HexFormat.of().formatHex(random);
    }

    @Override
    public List<CredentialEntry> list() {
        return db.read("list the credentials", conn -> {
            Map<String, List<MinerId>> users = users(conn);
            List<CredentialEntry> out = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT id, label, username, created_at_ms, updated_at_ms FROM credential ORDER BY label""");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(new CredentialEntry(new CredentialsRef(id), rs.getString(2),
                            Optional.ofNullable(rs.getString(3)), users.getOrDefault(id, List.of()),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
            return out;
        });
    }

    private static Map<String, List<MinerId>> users(Connection conn) throws SQLException {
        Map<String, List<MinerId>> users = new LinkedHashMap<>();
        try (PreparedStatement st = conn.prepareStatement("""
                SELECT credentials_ref, id FROM miner WHERE credentials_ref IS NOT NULL AND removed = 0 ORDER BY id""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                users.computeIfAbsent(rs.getString(1), ref -> new ArrayList<>()).add(MinerId.of(rs.getString(2)));
            }
        }
        return users;
    }

    @Override
    public Secret read(CredentialsRef ref) {
        Objects.requireNonNull(ref, "ref");
        record Row(String label, VaultKey.Sealed sealed) {
        }
        Row row = db.read("read the credential " + ref.id(), conn -> {
            try (PreparedStatement st = conn.prepareStatement(
                    "SELECT label, nonce, ciphertext, key_id FROM credential WHERE id = ?")) {
                st.setString(1, ref.id());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? new Row(rs.getString(1),
                            new VaultKey.Sealed(rs.getBytes(2), rs.getBytes(3), rs.getString(4))) : null;
                }
            }
        });
        if (row == null) {
            throw new CredentialVaultException(Reason.NOT_FOUND, "The credential " + ref.id()
                    + " is not in the vault; assign another one to the miner in Settings → Credentials");
        }
        return new Secret(keyForReading().open(row.sealed(), ref.id(), "the credential \"" + row.label() + "\""));
    }

    @Override
    public void delete(CredentialsRef ref) {
        Objects.requireNonNull(ref, "ref");
        db.inTransaction("delete the credential " + ref.id(), conn -> {
            List<MinerId> users = users(conn).getOrDefault(ref.id(), List.of());
            String label;
            try (PreparedStatement st = conn.prepareStatement("SELECT label FROM credential WHERE id = ?")) {
                st.setString(1, ref.id());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new CredentialVaultException(Reason.NOT_FOUND, "The credential " + ref.id()
                                + " is not in the vault (already deleted?)");
                    }
                    label = rs.getString(1);
                }
            }
            if (!users.isEmpty()) {
                throw new CredentialVaultException(Reason.IN_USE, "The credential \"" + label + "\" is used by "
                        + users.size() + " miner(s): " + names(users) + "; assign them another credential first");
            }
            try (PreparedStatement st = conn.prepareStatement("DELETE FROM credential WHERE id = ?")) {
                st.setString(1, ref.id());
                st.executeUpdate();
            }
            LOG.info("Deleted the credential \"{}\" ({})", label, ref.id());
            return null;
        });
    }

    private static String names(List<MinerId> users) {
        int shown = Math.min(users.size(), 10);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            out.append(i == 0 ? "" : ", ").append(users.get(i).value());
        }
        if (users.size() > shown) {
            out.append(" and ").append(users.size() - shown).append(" more");
        }
        return out.toString();
    }

    private VaultKey keyForReading() {
        VaultKey current = key;
        if (current == null) {
            current = VaultKey.load(keyFile);
            key = current;
        }
        return current;
    }

    private synchronized VaultKey keyForSaving() {
        if (key == null) {
            boolean hadKey = Files.exists(keyFile);
            key = VaultKey.loadOrCreate(keyFile);
            if (!hadKey) {
                long orphaned = db.read("count the stored credentials", conn -> {
                    try (PreparedStatement st = conn.prepareStatement("SELECT count(*) FROM credential");
                         ResultSet rs = st.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                });
                if (orphaned > 0) {
                    LOG.warn("Made a new vault key in {}: the {} credential(s) stored with the lost key stay in the"
                            + " database but cannot be read until they are re-entered", keyFile, orphaned);
                } else {
                    LOG.info("Made a new vault key in {}", keyFile);
                }
            }
        }
        return key;
    }

    @Override
    public String toString() {
        return "SqliteCredentialVault[" + db.file() + ", key file " + keyFile + "]";
    }
}
