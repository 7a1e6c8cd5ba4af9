package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.core.pool.PoolStore;
import io.hashdesk.core.profit.ProfitHistory;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryStore;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the farm's SQLite database file and hands out its registry and its telemetry, market, pool and energy stores. */
public final class SqliteFarmStore implements FarmStore {

    private final SqliteDatabase db;
    private final SqliteMinerRegistry registry;
    private final SqliteTelemetryStore telemetry;
    private final SqliteMarketStore market;
    private final SqlitePoolStore pools;
    private final SqliteEnergyStore energy;
    private final SqliteProfitHistory profitHistory;

    private SqliteFarmStore(SqliteDatabase db, SqliteMinerRegistry registry, SqliteTelemetryStore telemetry,
                            MinerDirectory directory) {
        this.db = db;
        this.registry = registry;
        this.telemetry = telemetry;
        this.market = new SqliteMarketStore(db);
        this.pools = new SqlitePoolStore(db);
        this.energy = new SqliteEnergyStore(db);
        this.profitHistory = new SqliteProfitHistory(db, directory);
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
                    new SqliteTelemetryStore(db, directory, labels, progress, settings, clock), directory);
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
    public MarketStore market() {
        return market;
    }

    @Override
    public PoolStore pools() {
        return pools;
    }

    @Override
    public EnergyStore energy() {
        return energy;
    }

    @Override
    public ProfitHistory profitHistory() {
        return profitHistory;
    }

    @Override
    public void close() {
        db.close();
    }
}
