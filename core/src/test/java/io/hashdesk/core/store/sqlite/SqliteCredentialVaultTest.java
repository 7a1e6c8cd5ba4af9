package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.credentials.CredentialVaultException;
import io.hashdesk.core.credentials.Secret;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.store.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCredentialVaultTest {

    private static final String PASSWORD = "Zq7-room-a-Secret";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SqliteFarmStore open() {
        return SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), CLOCK);
    }

    private Path keyFile() {
        return dir.resolve("keys/vault.key");
    }

    private static void register(SqliteFarmStore store, String id, Optional<CredentialsRef> ref) {
        store.registry().saveSite(new Site("north", "North farm", ZoneId.of("UTC")));
        store.registry().saveRoom(new Room("hall-a", "north", "Hall A"));
        store.registry().saveMiner(new Miner(MinerId.of(id), "north", new RackPosition("hall-a", "R1", 1, 1),
                new MinerAddress("10.0.0.1", 80, 4028), "antminer-s19j-pro", "", ref));
    }

    private static String read(SqliteFarmStore store, CredentialsRef ref) {
        try (Secret secret = store.credentials().read(ref)) {
            return new String(secret.chars());
        }
    }

    @Test
    void aSavedPasswordReadsBackAfterAReopenAndIsListedWithoutIt() {
        CredentialsRef ref;
        try (SqliteFarmStore store = open()) {
            ref = store.credentials().save("Room A", Optional.of("root"), PASSWORD.toCharArray());
            register(store, "s19-01", Optional.of(ref));
        }
        try (SqliteFarmStore store = open()) {
            assertThat(read(store, ref)).isEqualTo(PASSWORD);
            CredentialEntry entry = store.credentials().list().getFirst();
            assertThat(entry.ref()).isEqualTo(ref);
            assertThat(entry.label()).isEqualTo("Room A");
            assertThat(entry.username()).contains("root");
            assertThat(entry.usedBy()).containsExactly(MinerId.of("s19-01"));
            assertThat(entry.createdAt()).isEqualTo(CLOCK.instant());
            assertThat(entry.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void savingUnderAnExistingLabelReplacesTheSecretAndKeepsTheReference() {
        try (SqliteFarmStore store = open()) {
            CredentialsRef first = store.credentials().save("Room A", Optional.empty(), "old-pass".toCharArray());
            CredentialsRef second = store.credentials().save("room a", Optional.empty(), PASSWORD.toCharArray());

            assertThat(second).isEqualTo(first);
            assertThat(store.credentials().list()).hasSize(1);
            assertThat(read(store, first)).isEqualTo(PASSWORD);
        }
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        try (SqliteFarmStore store = open()) {
            store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
        }
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        assertThat(Files.size(keyFile())).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void neitherTheDatabaseFileNorTheKeyIsInItHoldsThePasswordInClear() throws Exception {
        try (SqliteFarmStore store = open()) {
            store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
        }
        byte[] key = Files.readAllBytes(keyFile());
        for (Path file : List.of(dir.resolve("hashdesk.db"), dir.resolve("hashdesk.db-wal"))) {
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(indexOf(bytes, PASSWORD.getBytes(StandardCharsets.UTF_8))).as(file.toString()).isEqualTo(-1);
                assertThat(indexOf(bytes, key)).as("the key inside " + file).isEqualTo(-1);
            }
        }
    }

    @Test
    void aMissingKeyFileIsAClearErrorAndLeavesTheCiphertextsInPlace() throws Exception {
        CredentialsRef ref;
        try (SqliteFarmStore store = open()) {
            ref = store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
        }
        byte[] key = Files.readAllBytes(keyFile());
        Files.delete(keyFile());
        try (SqliteFarmStore store = open()) {
            assertThatThrownBy(() -> store.credentials().read(ref))
                    .isInstanceOfSatisfying(CredentialVaultException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialVaultException.Reason.KEY_MISSING))
                    .hasMessageContaining("vault key file " + keyFile())
                    .hasMessageContaining("is missing; the stored passwords cannot be read; re-enter them");
            assertThat(store.credentials().list()).extracting(CredentialEntry::label).containsExactly("Room A");
        }
        assertThat(Files.exists(keyFile())).as("reading must not make a new key").isFalse();
        Files.createDirectories(keyFile().getParent());
        Files.write(keyFile(), key);
        try (SqliteFarmStore store = open()) {
            assertThat(read(store, ref)).isEqualTo(PASSWORD);
        }
    }

    @Test
    void aSecretSealedWithAnotherKeyIsReportedAndCanBeReEntered() throws Exception {
        CredentialsRef ref;
        try (SqliteFarmStore store = open()) {
            ref = store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
        }
        Files.delete(keyFile());
        try (SqliteFarmStore store = open()) {
            CredentialsRef other = store.credentials().save("Room B", Optional.empty(), "b-pass".toCharArray());
            assertThat(read(store, other)).isEqualTo("b-pass");
            assertThatThrownBy(() -> store.credentials().read(ref))
                    .isInstanceOfSatisfying(CredentialVaultException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialVaultException.Reason.KEY_INVALID))
                    .hasMessageContaining("\"Room A\"").hasMessageContaining("re-enter it");

            store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
            assertThat(read(store, ref)).isEqualTo(PASSWORD);
        }
    }

    @Test
    void aTamperedCiphertextFailsForThatEntryOnly() throws Exception {
        CredentialsRef damaged;
        CredentialsRef intact;
        try (SqliteFarmStore store = open()) {
            damaged = store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
            intact = store.credentials().save("Room B", Optional.empty(), "b-pass".toCharArray());
        }
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hashdesk.db"))) {
            byte[] ciphertext;
            try (PreparedStatement st = conn.prepareStatement("SELECT ciphertext FROM credential WHERE id = ?")) {
                st.setString(1, damaged.id());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    ciphertext = rs.getBytes(1);
                }
            }
            ciphertext[0] ^= 0x01;
            try (PreparedStatement st = conn.prepareStatement("UPDATE credential SET ciphertext = ? WHERE id = ?")) {
                st.setBytes(1, ciphertext);
                st.setString(2, damaged.id());
                st.executeUpdate();
            }
        }
        try (SqliteFarmStore store = open()) {
            assertThatThrownBy(() -> store.credentials().read(damaged))
                    .isInstanceOfSatisfying(CredentialVaultException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialVaultException.Reason.DAMAGED))
                    .hasMessageContaining("\"Room A\" is damaged");
            assertThat(read(store, intact)).isEqualTo("b-pass");
        }
    }

    @Test
    void aCiphertextCopiedToAnotherEntryDoesNotOpen() throws Exception {
        CredentialsRef a;
        CredentialsRef b;
        try (SqliteFarmStore store = open()) {
            a = store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
            b = store.credentials().save("Room B", Optional.empty(), "b-pass".toCharArray());
        }
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hashdesk.db"));
             PreparedStatement st = conn.prepareStatement("""
                     UPDATE credential SET (nonce, ciphertext) = (SELECT nonce, ciphertext FROM credential WHERE id = ?)
                     WHERE id = ?""")) {
            st.setString(1, a.id());
            st.setString(2, b.id());
            st.executeUpdate();
        }
        try (SqliteFarmStore store = open()) {
            assertThatThrownBy(() -> store.credentials().read(b)).isInstanceOf(CredentialVaultException.class)
                    .hasMessageContaining("damaged");
        }
    }

    @Test
    void deletingIsRefusedWhileMinersUseTheEntryAndNamesThem() {
        try (SqliteFarmStore store = open()) {
            CredentialsRef ref = store.credentials().save("Room A", Optional.empty(), PASSWORD.toCharArray());
            register(store, "s19-01", Optional.of(ref));
            register(store, "s19-02", Optional.of(ref));

            assertThatThrownBy(() -> store.credentials().delete(ref))
                    .isInstanceOfSatisfying(CredentialVaultException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialVaultException.Reason.IN_USE))
                    .hasMessageContaining("used by 2 miner(s): s19-01, s19-02");
            assertThat(store.credentials().list()).hasSize(1);

            register(store, "s19-01", Optional.empty());
            store.registry().removeMiner(MinerId.of("s19-02"));
            store.credentials().delete(ref);
            assertThat(store.credentials().list()).isEmpty();
            assertThatThrownBy(() -> store.credentials().read(ref))
                    .isInstanceOfSatisfying(CredentialVaultException.class,
                            e -> assertThat(e.reason()).isEqualTo(CredentialVaultException.Reason.NOT_FOUND));
        }
    }

    @Test
    void secretsNeverShowInToStringsOrErrorMessages() {
        try (SqliteFarmStore store = open()) {
            CredentialsRef ref = store.credentials().save("Room A", Optional.of("root"), PASSWORD.toCharArray());
            register(store, "s19-01", Optional.of(ref));
            Secret secret = store.credentials().read(ref);
            assertThat(secret.toString()).isEqualTo("***");
            assertThat(store.credentials().toString()).doesNotContain(PASSWORD);
            assertThat(store.credentials().list().toString()).doesNotContain(PASSWORD);
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> store.credentials().delete(ref));
            assertThat(refused.getMessage()).doesNotContain(PASSWORD);

            secret.close();
            assertThat(secret.chars()).containsOnly('\0');
        }
    }

    @Test
    void blankLabelsAndEmptyPasswordsAreRefusedWithTheFieldNamed() {
        try (SqliteFarmStore store = open()) {
            assertThatThrownBy(() -> store.credentials().save(" ", Optional.empty(), PASSWORD.toCharArray()))
                    .hasMessageContaining("label");
            assertThatThrownBy(() -> store.credentials().save("Room A", Optional.empty(), new char[0]))
                    .hasMessageContaining("password");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
