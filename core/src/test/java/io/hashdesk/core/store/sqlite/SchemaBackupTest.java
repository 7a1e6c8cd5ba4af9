package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file from an older Hashdesk is copied aside, consistently, before its schema migrates; no copy, no migration. */
class SchemaBackupTest {

    private static final Instant UPGRADE_TIME = Instant.parse("2026-11-27T14:05:09Z");
    private static final Clock CLOCK = Clock.fixed(UPGRADE_TIME, ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A database as Hashdesk with only the first migration left it: V001's tables, user_version 1, one site. */
    private Path versionOneFile() throws SQLException, IOException {
        Path file = dir.resolve("hashdesk.db");
        try (Connection conn = connect(file); Statement st = conn.createStatement()) {
            for (String sql : SchemaMigrations.statements(migrationScript(SchemaMigrations.MIGRATIONS.get(0)))) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version = 1");
            st.execute("INSERT INTO site (id, name, time_zone) VALUES ('north', 'North', 'UTC')");
        }
        return file;
    }

    private static String migrationScript(String name) throws IOException {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("migrations/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static int userVersion(Path file) throws SQLException {
        try (Connection conn = connect(file)) {
            return SchemaMigrations.userVersion(conn);
        }
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection conn = connect(file); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> tables(Path file) throws SQLException {
        return query(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bak")).toList();
        }
    }

    @Test
    void aVersionOneFileIsCopiedAsVersionOneBesideItBeforeItMigrates() throws Exception {
        Path file = versionOneFile();

        SqliteDatabase.open(file, CLOCK).close();

        Path backup = dir.resolve("hashdesk.db.v1-20261127T140509Z.bak");
        assertThat(backups()).containsExactly(backup);
        assertThat(userVersion(backup)).isEqualTo(1);
        assertThat(tables(backup)).contains("site", "miner", "telemetry_chunk").doesNotContain("market_snapshot", "pool");
        assertThat(query(backup, "SELECT name FROM site")).containsExactly("North");
        assertThat(userVersion(file)).isEqualTo(SchemaMigrations.latestVersion());
        assertThat(tables(file)).contains("market_snapshot", "tariff", "pool");
        assertThat(query(file, "SELECT name FROM site")).containsExactly("North");
    }

    @Test
    void theCopyHoldsRowsThatAreStillOnlyInTheWriteAheadLog() throws Exception {
        Path file = versionOneFile();
        try (Connection lastSession = connect(file); Statement st = lastSession.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA wal_autocheckpoint = 0");
            st.execute("INSERT INTO site (id, name, time_zone) VALUES ('south', 'South', 'UTC')");
            // still open, so the row has not been checkpointed into hashdesk.db: a plain file copy would lose it
            assertThat(Files.size(file.resolveSibling("hashdesk.db-wal"))).isPositive();

            SqliteDatabase.open(file, CLOCK).close();
        }

        Path backup = SchemaMigrations.backupFile(file, 1, UPGRADE_TIME);
        assertThat(query(backup, "SELECT name FROM site ORDER BY name")).containsExactly("North", "South");
        assertThat(userVersion(backup)).isEqualTo(1);
    }

    @Test
    void aFailedCopyStopsTheMigrationAndLeavesTheFileAtItsVersion() throws Exception {
        Path file = versionOneFile();
        Path inTheWay = SchemaMigrations.backupFile(file, 1, UPGRADE_TIME);
        Files.writeString(inTheWay, "not a database");

        assertThatThrownBy(() -> SqliteDatabase.open(file, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not back up the database before upgrading it from schema version 1")
                .hasMessageContaining(inTheWay.toString())
                .hasMessageContaining("left as it was");

        assertThat(userVersion(file)).isEqualTo(1);
        assertThat(tables(file)).doesNotContain("market_snapshot", "pool");
        assertThat(query(file, "SELECT name FROM site")).containsExactly("North");
        assertThat(Files.readString(inTheWay)).isEqualTo("not a database");
    }

    @Test
    void aNewFileAndAnUpToDateFileAreNotCopied() throws Exception {
        Path file = dir.resolve("hashdesk.db");

        SqliteDatabase.open(file, CLOCK).close();
        SqliteDatabase.open(file, Clock.offset(CLOCK, Duration.ofDays(1))).close();

        assertThat(backups()).isEmpty();
        assertThat(userVersion(file)).isEqualTo(SchemaMigrations.latestVersion());
    }

    @Test
    void backupNamesCarryTheOldVersionAndTheUtcTimeSoTheySortInOrder() {
        Path file = dir.resolve("hashdesk.db");

        assertThat(SchemaMigrations.backupFile(file, 3, Instant.parse("2027-01-02T03:04:05.678Z")))
                .isEqualTo(dir.resolve("hashdesk.db.v3-20270102T030405Z.bak"));
    }
}
