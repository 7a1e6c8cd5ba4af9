package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.action.ActionJournal;
import io.hashdesk.core.alert.AlertStore;
import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.core.pool.PoolStore;
import io.hashdesk.core.profit.ProfitHistory;
import io.hashdesk.core.reco.RecommendationStore;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.ModelVersionStore;
import io.hashdesk.core.store.SensorStore;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the farm's SQLite database file and hands out its registry, its telemetry, room sensors, market, pool,
 * energy, profit and alert stores, its credential vault and its action journal;
 * read-write (the one process that polls) or read-only (a console beside a site agent that polls).
 */
public final class SqliteFarmStore implements FarmStore {

    private final SqliteDatabase db;
    private final SqliteMinerRegistry registry;
    private final SqliteTelemetryStore telemetry;
    private final SqliteSensorStore sensors;
    private final SqliteMarketStore market;
    private final SqlitePoolStore pools;
    private final SqliteEnergyStore energy;
    private final SqliteProfitHistory profitHistory;
    private final SqliteAlertStore alerts;
    private final SqliteCredentialVault credentials;
    private final SqliteModelVersionStore modelVersions;
    private final SqliteActionJournal actions;
    private final SqliteRecommendationStore recommendations;
    private final MinerDirectory directory;

    private SqliteFarmStore(SqliteDatabase db, SqliteMinerRegistry registry, SqliteTelemetryStore telemetry,
                            MinerDirectory directory, Path vaultKeyFile, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.telemetry = telemetry;
        this.sensors = new SqliteSensorStore(db);
        this.market = new SqliteMarketStore(db);
        this.pools = new SqlitePoolStore(db);
        this.energy = new SqliteEnergyStore(db);
        this.profitHistory = new SqliteProfitHistory(db, directory);
        this.alerts = new SqliteAlertStore(db);
        this.credentials = new SqliteCredentialVault(db, vaultKeyFile, clock);
        this.modelVersions = new SqliteModelVersionStore(db);
        this.actions = new SqliteActionJournal(db, new SqliteActionJournalSeal(vaultKeyFile));
        this.recommendations = new SqliteRecommendationStore(db);
        this.directory = directory;
    }

    /**
     * Opens (creating and migrating as needed) the database file.
     *
     * @param clock what "now" is for ingestion's time-window checks; the system clock in the app
     */
    public static SqliteFarmStore open(Path databaseFile, StoreSettings settings, Clock clock) {
        return load(SqliteDatabase.open(databaseFile), SqliteCredentialVault.keyFileFor(databaseFile), settings, clock);
    }

    /**
     * Opens an existing database file for reading only, beside a writer in another process. Nothing is migrated:
     * a file at another schema version than this build's is refused. Reads see what the writer has committed (the
     * inventory and each miner's newest snapshot are reloaded whenever it has); every write throws a
     * {@link io.hashdesk.core.store.StoreException} saying the database is open read-only.
     */
    public static SqliteFarmStore openReadOnly(Path databaseFile, StoreSettings settings, Clock clock) {
        SqliteFarmStore store = load(SqliteDatabase.openReadOnly(databaseFile),
                SqliteCredentialVault.keyFileFor(databaseFile), settings, clock);
        store.db.watchExternalCommits(new ExternalCommits(conn -> {
            store.directory.load(conn);
            store.telemetry.loadNewest(conn);
            return null;
        }));
        return store;
    }

    private static SqliteFarmStore load(SqliteDatabase db, Path vaultKeyFile, StoreSettings settings, Clock clock) {
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
                    new SqliteTelemetryStore(db, directory, labels, progress, settings, clock), directory, vaultKeyFile,
                    clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Whether this store was opened with {@link #openReadOnly}. */
    public boolean readOnly() {
        return db.readOnly();
    }

    /** The schema version the file is at ({@code PRAGMA user_version}), for diagnostics. */
    public int schemaVersion() {
        return db.read("read the schema version", SchemaMigrations::userVersion);
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
    public SensorStore sensors() {
        return sensors;
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
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public CredentialVault credentials() {
        return credentials;
    }

    @Override
    public ModelVersionStore modelVersions() {
        return modelVersions;
    }

    @Override
    public ActionJournal actions() {
        return actions;
    }

    @Override
    public RecommendationStore recommendations() {
        return recommendations;
    }

    @Override
    public void close() {
        db.close();
    }
}
