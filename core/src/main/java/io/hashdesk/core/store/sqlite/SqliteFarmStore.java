package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryStore;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the farm's SQLite database file and hands out its registry and telemetry store. */
public final class SqliteFarmStore implements FarmStore {

    private final SqliteDatabase db;
    private final SqliteMinerRegistry registry;
    private final SqliteTelemetryStore telemetry;

    private SqliteFarmStore(SqliteDatabase db, SqliteMinerRegistry registry, SqliteTelemetryStore telemetry) {
        this.db = db;
        this.registry = registry;
        this.telemetry = telemetry;
    }

    /**
     * Opens (creating and migrating as needed) the database file.
     *
     * @param clock what "now" is for ingestion's time-window checks; the system clock in the app
     */
    public static SqliteFarmStore open(Path databaseFile, StoreSettings settings, Clock clock) {
        SqliteDatabase db = SqliteDatabase.open(databaseFile);
        try {
            MinerDirectory directory = new MinerDirectory();
            LabelDictionary labels = new LabelDictionary();
            RollupProgress progress = new RollupProgress();
            db.read("load the inventory", conn -> {
                directory.load(conn);
                labels.load(conn);
                progress.load(conn);
                return null;
            });
            return new SqliteFarmStore(db, new SqliteMinerRegistry(db, directory),
                    new SqliteTelemetryStore(db, directory, labels, progress, settings, clock));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public MinerRegistry registry() {
        return registry;
    }

    @Override
    public TelemetryStore telemetry() {
        return telemetry;
    }

    @Override
    public void close() {
        db.close();
    }
}
