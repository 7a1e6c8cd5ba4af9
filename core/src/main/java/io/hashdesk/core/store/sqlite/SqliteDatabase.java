package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQLite file in WAL mode: a single writer connection that every write takes turns on (a fair lock, so
 * maintenance between poll cycles cannot starve ingestion) and a few reader connections that run beside it.
 */
final class SqliteDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int READERS = 3;
    /** A writer waiting this long for a reader's checkpoint or another process means something is wrong. */
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** Page cache per connection, in KiB (negative = KiB in SQLite). Big enough for a poll cycle's index pages. */
    private static final int WRITER_CACHE_KIB = 65_536;
    private static final int READER_CACHE_KIB = 16_384;
    private static final long READER_WAIT_MS = 100;

    /** What a unit of work against a connection does; SQL errors are translated at the edge. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private volatile boolean closed;

    private SqliteDatabase(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating if needed) and migrates the database file. */
    static SqliteDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder for " + file + ": " + e.getMessage(), e);
        }
        Connection writer = null;
        try {
            writer = connect(file, WRITER_CACHE_KIB);
            // refuse a newer file before anything (even the journal mode) is written to it
            SchemaMigrations.requireKnownVersion(writer);
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA foreign_keys = ON");
            }
            SchemaMigrations.migrate(writer);
            writer.setAutoCommit(false);
            SqliteDatabase db = new SqliteDatabase(file, writer);
            for (int i = 0; i < READERS; i++) {
                Connection reader = connect(file, READER_CACHE_KIB);
                try (Statement st = reader.createStatement()) {
                    st.execute("PRAGMA query_only = ON");
                }
                // Each read() is one transaction, so a query sees one consistent state even while
                // maintenance moves snapshots from the recent table into chunks.
                reader.setAutoCommit(false);
                db.readers.add(reader);
            }
            return db;
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage()
                    + ". If the disk is full or the file is damaged, free space or restore a backup.", e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    private static Connection connect(Path file, int cacheKib) throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt the file.
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA cache_size = -" + cacheKib);
            st.execute("PRAGMA temp_store = MEMORY");
        }
        return conn;
    }

    Path file() {
        return file;
    }

    /** Runs work in one transaction on the writer connection; rolls back and rethrows on any failure. */
    <T> T inTransaction(String what, Work<T> work) {
        writeLock.lock();
        try {
            requireOpen(what);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(what);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs read-only work on a reader connection, waiting for one to be free. */
    <T> T read(String what, Work<T> work) {
        requireOpen(what);
        Connection conn;
        try {
            // polls rather than blocks, so a reader that arrives while the store closes gets an error, not a hang
            while ((conn = readers.poll(READER_WAIT_MS, TimeUnit.MILLISECONDS)) == null) {
                requireOpen(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to " + what);
        }
        try {
            return work.run(conn);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        } finally {
            endReadTransaction(conn, what);
            readers.add(conn);
        }
    }

    private void endReadTransaction(Connection conn, String what) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            LOG.warn("Ending the read transaction after trying to {} failed", what, e);
        }
    }

    private void requireOpen(String what) {
        if (closed) {
            throw new StoreException("Cannot " + what + ": the store is closed");
        }
    }

    private void rollback(String what) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback after failing to {} also failed", what, e);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (int i = 0; i < READERS; i++) {
                // waits for reads in progress to hand their connection back
                closeQuietly(takeReader());
            }
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA optimize");
                writer.commit();
            } catch (SQLException e) {
                LOG.debug("PRAGMA optimize on close failed", e);
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private Connection takeReader() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void closeQuietly(Connection conn) {
        if (conn == null) {
            return;
        }
        try {
            conn.close();
        } catch (SQLException e) {
            LOG.warn("Closing a database connection failed", e);
        }
    }
}
