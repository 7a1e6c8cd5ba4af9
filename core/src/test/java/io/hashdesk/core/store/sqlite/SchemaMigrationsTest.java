package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

    @TempDir
    Path dir;

    private Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private int userVersion(Path file) throws SQLException {
        try (Connection conn = connect(file)) {
            return SchemaMigrations.userVersion(conn);
        }
    }

    /** Table names, leaving out SQLite's own (PRAGMA optimize on close may add sqlite_stat tables). */
    private List<String> tables(Path file) throws SQLException {
        return query(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    /** Every table and index with the SQL that created it. */
    private List<String> schema(Path file) throws SQLException {
        return query(file, "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master"
                + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    }

    private List<String> query(Path file, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection conn = connect(file); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aNewFileEndsAtTheLatestSchemaVersion() throws SQLException {
        Path file = dir.resolve("new.db");

        SqliteDatabase.open(file).close();

        assertEquals(SchemaMigrations.latestVersion(), userVersion(file));
        assertTrue(SchemaMigrations.latestVersion() >= 1);
        assertTrue(tables(file).containsAll(List.of("site", "room", "miner", "telemetry_recent", "telemetry_chunk")),
                tables(file)::toString);
    }

    @Test
    void reopeningAMigratedFileChangesNothingAndKeepsItsRows() throws SQLException {
        Path file = dir.resolve("again.db");
        SqliteDatabase.open(file).close();
        try (Connection conn = connect(file); Statement st = conn.createStatement()) {
            st.execute("INSERT INTO site (id, name, time_zone) VALUES ('s1', 'North', 'UTC')");
        }
        List<String> schemaBefore = schema(file);

        SqliteDatabase.open(file).close();

        assertEquals(SchemaMigrations.latestVersion(), userVersion(file));
        assertEquals(schemaBefore, schema(file));
        assertEquals(List.of("North"), query(file, "SELECT name FROM site"));
    }

    @Test
    void aFileFromANewerHashdeskIsRefusedAndItsSchemaAndRowsAreLeftAlone() throws SQLException {
        Path file = dir.resolve("future.db");
        int future = SchemaMigrations.latestVersion() + 1;
        try (Connection conn = connect(file); Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE future_thing (x INTEGER)");
            st.execute("INSERT INTO future_thing VALUES (7)");
            st.execute("PRAGMA user_version = " + future);
        }

        StoreException e = assertThrows(StoreException.class, () -> SqliteDatabase.open(file));

        assertTrue(e.getMessage().contains("newer Hashdesk"), e.getMessage());
        assertEquals(future, userVersion(file));
        assertEquals(List.of("future_thing"), tables(file));
        assertEquals(List.of("7"), query(file, "SELECT x FROM future_thing"));
    }

    @Test
    void statementsAreSplitAtLineEndingSemicolonsWithCommentAndBlankLinesDropped() {
        String script = """
                -- Inventory
                CREATE TABLE a (
                    id TEXT PRIMARY KEY,
                    -- an indented comment inside a statement
                    name TEXT NOT NULL
                );

                   -- another comment
                CREATE INDEX a_name ON a (name);
                INSERT INTO a VALUES ('x', 'y; z');
                SELECT 1""";

        assertEquals(List.of(
                "CREATE TABLE a (\n    id TEXT PRIMARY KEY,\n    name TEXT NOT NULL\n);",
                "CREATE INDEX a_name ON a (name);",
                "INSERT INTO a VALUES ('x', 'y; z');",
                "SELECT 1"), SchemaMigrations.statements(script));
    }

    @Test
    void aScriptOfOnlyCommentsHasNoStatements() {
        assertEquals(List.of(), SchemaMigrations.statements("-- nothing here\n\n   -- still nothing\n"));
    }

    @Test
    void windowsLineEndingsStillSplitAtEachSemicolon() {
        List<String> statements = SchemaMigrations.statements("-- c\r\nCREATE TABLE a (x);\r\nCREATE TABLE b (y);\r\n");

        assertEquals(2, statements.size());
        assertEquals("CREATE TABLE a (x);", statements.get(0));
        assertEquals("CREATE TABLE b (y);", statements.get(1));
    }
}
