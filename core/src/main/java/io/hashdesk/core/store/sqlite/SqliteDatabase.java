package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file in WAL mode: a single writer connection that every write takes turns on (a fair lock, so
 * maintenance between poll cycles cannot starve ingestion) and a few reader connections that run beside it.
 * Opened read-only it has no writer at all: readers only, beside a writer in another process.
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
    /** {@code null} when the database was opened read-only. */
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private volatile boolean closed;
    private volatile ExternalCommits externalCommits;

    private SqliteDatabase(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating if needed) and migrates the database file, backing it up first when it migrates. */
    static SqliteDatabase open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** @param clock dates the name of the backup made before a migration */
    static SqliteDatabase open(Path file, Clock clock) {
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
            // and copy an older one aside before anything changes it
            SchemaMigrations.backUpBeforeMigrating(writer, file, clock);
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
        return connect(file, cacheKib, new Properties());
    }

    private static Connection connect(Path file, int cacheKib, Properties options) throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), options);
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt the file.
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA cache_size = -" + cacheKib);
            st.execute("PRAGMA temp_store = MEMORY");
        }
        return conn;
    }

    // ---- read-only mode: readers beside a writer in another process -------------------------------------------

    /**
     * Opens an existing database for reading only, while another process (the site agent) may be writing to it:
     * WAL lets readers run beside a writer. Nothing is created or migrated, so a file older or newer than this
     * build is refused; every write through it fails with a "read-only" {@link StoreException}.
     */
    static SqliteDatabase openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("There is no database at " + file + " to open read-only");
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        List<Connection> opened = new ArrayList<>(READERS);
        try {
            for (int i = 0; i < READERS; i++) {
                Connection reader = connect(file, READER_CACHE_KIB, readOnly.toProperties());
                opened.add(reader);
                if (i == 0) {
                    requireCurrentSchema(reader, file);
                }
                reader.setAutoCommit(false);
            }
        } catch (SQLException e) {
            opened.forEach(SqliteDatabase::closeQuietly);
            throw new StoreException("Cannot open the database " + file + " read-only: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            opened.forEach(SqliteDatabase::closeQuietly);
            throw e;
        }
        SqliteDatabase db = new SqliteDatabase(file, null);
        db.readers.addAll(opened);
        return db;
    }

    /** A reader cannot migrate, so it needs the file at exactly this build's schema. */
    private static void requireCurrentSchema(Connection conn, Path file) throws SQLException {
        SchemaMigrations.requireKnownVersion(conn);
        int version = SchemaMigrations.userVersion(conn);
        if (version < SchemaMigrations.latestVersion()) {
            throw new StoreException("The database " + file + " has schema version " + version + " but this Hashdesk"
                    + " needs " + SchemaMigrations.latestVersion() + ", and a read-only open cannot upgrade it. Update"
                    + " the site agent to this version (it upgrades the file when it starts), or stop it and open the"
                    + " data folder here.");
        }
    }

    boolean readOnly() {
        return writer == null;
    }

    /** In read-only mode: what to reload whenever another process has committed since a reader last looked. */
    void watchExternalCommits(ExternalCommits commits) {
        this.externalCommits = commits;
    }

    Path file() {
        return file;
    }

    /** Runs work in one transaction on the writer connection; rolls back and rethrows on any failure. */
    <T> T inTransaction(String what, Work<T> work) {
        if (writer == null) {
            throw new StoreException("Cannot " + what + ": the database is open read-only here, because another"
                    + " process (the site agent) writes to it");
        }
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
            ExternalCommits commits = externalCommits;
            if (commits != null) {
                commits.reloadIfChanged(conn);
            }
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
            if (writer != null) {
                try (Statement st = writer.createStatement()) {
                    st.execute("PRAGMA optimize");
                    writer.commit();
                } catch (SQLException e) {
                    LOG.debug("PRAGMA optimize on close failed", e);
                }
                closeQuietly(writer);
            }
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
