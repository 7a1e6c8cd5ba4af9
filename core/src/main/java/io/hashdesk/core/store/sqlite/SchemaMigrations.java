package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database file to the schema this build expects, one numbered migration at a time, each in its
 * own transaction; {@code PRAGMA user_version} records how far a file has come. Migrations are SQL
 * resources named {@code V###__what.sql}, listed in {@link #MIGRATIONS} so the order is explicit.
 */
final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** Append only: a released migration is never edited, a new number fixes it. */
    static final List<String> MIGRATIONS = List.of("V001__inventory_and_telemetry.sql", "V002__market_data.sql",
            "V003__energy_and_profit.sql", "V004__pools.sql");

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
