package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database file to the schema this build expects, one numbered migration at a time, each in its
 * own transaction; {@code PRAGMA user_version} records how far a file has come. Migrations are SQL
 * resources named {@code V###__what.sql}, listed in {@link #MIGRATIONS} so the order is explicit.
 * A file written by an older Hashdesk is copied aside before its first migration.
 */
final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** Append only: a released migration is never edited, a new number fixes it. */
    static final List<String> MIGRATIONS = List.of("V001__inventory_and_telemetry.sql", "V002__market_data.sql",
            "V003__energy_and_profit.sql", "V004__pools.sql", "V005__alerts.sql",
            "V006__credentials.sql", "V007__model_registry.sql", "V008__model_drift_reports.sql",
            "V009__room_sensors.sql", "V010__actions.sql", "V011__recommendations.sql");

    /** UTC, so backups sort by name in the order they were made. */
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SchemaMigrations() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Refuses a file from a newer Hashdesk rather than damage it. */
    static void requireKnownVersion(Connection conn) throws SQLException {
        int current = userVersion(conn);
        if (current > latestVersion()) {
            throw new StoreException("The database was written by a newer Hashdesk (schema version " + current
                    + ", this version knows up to " + latestVersion() + "). Update Hashdesk or open another data folder.");
        }
    }

    /**
     * Copies a file that an older Hashdesk wrote, before {@link #migrate} changes it, to
     * {@code <file>.v<version>-<yyyyMMdd'T'HHmmss'Z'>.bak} beside it, so the operator can go back to the previous
     * version with their data. {@code VACUUM INTO} reads through the write-ahead log, so the copy holds every
     * committed row even when the last session ended without a checkpoint, which a file copy would miss.
     *
     * <p>A new file (version 0) and one at the latest version have nothing to migrate and are not copied.
     *
     * @throws StoreException when the copy cannot be made; the file is then left as it was
     */
    static void backUpBeforeMigrating(Connection conn, Path file, Clock clock) throws SQLException {
        int current = userVersion(conn);
        if (current == 0 || current >= latestVersion()) {
            return;
        }
        Path backup = backupFile(file, current, clock.instant());
        long start = System.nanoTime();
        try (PreparedStatement st = conn.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, backup.toString());
            st.execute();
        } catch (SQLException e) {
            throw new StoreException("Could not back up the database before upgrading it from schema version " + current
                    + " to " + latestVersion() + " (copy to " + backup + " failed: " + e.getMessage()
                    + "). The database was left as it was; free disk space or move the file in the way, then start"
                    + " Hashdesk again.", e);
        }
        LOG.info("Backed up the database at schema version {} to {} ({} bytes, {} ms) before upgrading it to version {}",
                current, backup, sizeOf(backup), Duration.ofNanos(System.nanoTime() - start).toMillis(), latestVersion());
    }

    static Path backupFile(Path file, int version, Instant at) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".v" + version + "-" + BACKUP_TIME.format(at) + ".bak");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Applies every migration the file lacks; refuses a file from a newer Hashdesk rather than damage it. */
    static void migrate(Connection conn) throws SQLException {
        requireKnownVersion(conn);
        int current = userVersion(conn);
        for (int version = current + 1; version <= latestVersion(); version++) {
            String name = MIGRATIONS.get(version - 1);
            LOG.info("Migrating database schema to version {} ({})", version, name);
            boolean autoCommit = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String sql : statements(read(name))) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + version);
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw new StoreException("Could not upgrade the database to schema version " + version + " (" + name
                        + "); the file was left as it was.", e);
            } finally {
                conn.setAutoCommit(autoCommit);
            }
        }
    }

    static int userVersion(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String read(String name) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new StoreException("Migration " + name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Migration " + name + " is unreadable", e);
        }
    }

    /** Splits a script at semicolons that end a line, after dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
