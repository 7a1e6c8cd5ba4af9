package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusing a file from a newer Hashdesk leaves it byte for byte unchanged and holds no connection to it. */
class SqliteDatabaseRefusalTest {

    @TempDir
    Path dir;

    private Path newerFile() throws SQLException {
        Path file = dir.resolve("future.db");
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE future_thing (x INTEGER)");
            st.execute("PRAGMA user_version = " + (SchemaMigrations.latestVersion() + 1));
        }
        return file;
    }

    @Test
    void aRefusedNewerFileIsByteForByteUnchanged() throws Exception {
        Path file = newerFile();
        byte[] before = Files.readAllBytes(file);

        assertThrows(StoreException.class, () -> SqliteDatabase.open(file));

        assertArrayEquals(before, Files.readAllBytes(file)); // header bytes 18/19 go 1 -> 2: switched to WAL
        assertEquals(List.of(file), listFolder());            // future.db-wal and future.db-shm appear
    }

    @Test
    void aRefusedNewerFileIsNotKeptOpen() throws Exception {
        Path file = newerFile();

        assertThrows(StoreException.class, () -> SqliteDatabase.open(file));

        assertEquals(List.of(), openHandlesOnto(file.toAbsolutePath().toString())); // Linux: /proc/self/fd
    }

    private List<Path> listFolder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static List<String> openHandlesOnto(String path) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException gone) {
                    return "";
                }
            }).filter(target -> target.startsWith(path)).toList();
        }
    }
}
