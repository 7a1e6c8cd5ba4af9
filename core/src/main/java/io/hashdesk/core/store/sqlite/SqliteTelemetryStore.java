package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.AlgorithmTotals;
import io.hashdesk.core.store.FleetSummary;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.MaintenanceReport;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.StorageStats;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TelemetryStore} on SQLite. New snapshots go to {@code telemetry_recent}, one row each;
 * {@link TelemetryCompactor} later folds complete hours into compressed chunks and {@link TelemetryHistory}
 * answers range queries from both. The newest snapshot of every miner is also kept in memory.
 */
final class SqliteTelemetryStore implements TelemetryStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteTelemetryStore.class);

    private final SqliteDatabase db;
    private final MinerDirectory directory;
    private final RollupProgress progress;
    private final StoreSettings settings;
    private final Clock clock;
    private final TelemetryHistory history;
    private final TelemetryCompactor compactor;
    private final TelemetryBulkReader bulk;
    private final SensorRollups sensorRollups;
    /** Last share and error counters per miner number, to turn cumulative counters into increments. */
    private final Map<Integer, Counters> counters = new ConcurrentHashMap<>();
    /** Newest snapshot per miner number; the UI asks for it every refresh, so it is served from memory. */
    private final Map<Integer, TelemetrySnapshot> newest = new ConcurrentHashMap<>();

    private record Counters(long takenAtMs, Long accepted, Long rejected, Long hardwareErrors) {
    }

    SqliteTelemetryStore(SqliteDatabase db, MinerDirectory directory, LabelDictionary labels, RollupProgress progress,
                         StoreSettings settings, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.progress = progress;
        this.settings = settings;
        this.clock = clock;
        this.history = new TelemetryHistory(db, directory, labels);
        this.compactor = new TelemetryCompactor(db, directory, labels, progress, settings);
        this.bulk = new TelemetryBulkReader(db, directory, labels);
        // the room sensors' series follow the same retention and are rolled up in the same run
        this.sensorRollups = new SensorRollups(db, settings);
        db.read("load the miners' latest snapshots", conn -> {
            loadNewest(conn);
            return null;
        });
        newest.forEach((num, s) -> counters.put(num, countersOf(s, null)));
    }

    /**
     * Reads every miner's newest stored snapshot into memory, keeping any newer one already there; also how a
     * read-only store catches up with another process's commits.
     */
    void loadNewest(Connection conn) throws SQLException {
        loadNewest(conn, "SELECT miner_num, ts_ms, snapshot FROM telemetry_latest");
        loadNewest(conn, """
                SELECT r.miner_num, r.ts_ms, r.snapshot FROM telemetry_recent r
                JOIN (SELECT miner_num, MAX(ts_ms) AS ts_ms FROM telemetry_recent GROUP BY miner_num) n
                  ON r.ts_ms = n.ts_ms AND r.miner_num = n.miner_num""");
    }

    private void loadNewest(Connection conn, String sql) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                int num = rs.getInt(1);
                rememberIfNewer(num, SnapshotCodec.decode(directory.idOf(num), rs.getLong(2), rs.getBytes(3)).snapshot());
            }
        }
    }

    private void rememberIfNewer(int num, TelemetrySnapshot s) {
        newest.merge(num, s, (old, candidate) -> candidate.takenAt().isBefore(old.takenAt()) ? old : candidate);
    }

    /** A snapshot that passed validation, with its place in the batch and its miner's number. */
    private record Candidate(int position, TelemetrySnapshot snapshot, int num) {
    }

    @Override
    public IngestReport ingest(Collection<TelemetrySnapshot> pollCycle) {
        Objects.requireNonNull(pollCycle, "poll cycle");
        Instant now = clock.instant();
        List<IngestReport.Rejection> rejected = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>(pollCycle.size());
        int position = 0;
        for (TelemetrySnapshot s : pollCycle) {
            List<String> reasons = s == null ? List.of("the snapshot is missing (null)") : new ArrayList<>(s.problems());
            Integer num = null;
            if (s != null) {
                num = directory.activeNumber(s.minerId()).orElse(null);
                if (num == null) {
                    reasons.add("miner '" + s.minerId() + "' is not registered");
                }
                checkTime(s.takenAt(), now, reasons);
            }
            if (reasons.isEmpty()) {
                candidates.add(new Candidate(position, s, num));
            } else {
                rejected.add(new IngestReport.Rejection(position, s == null ? null : s.minerId(),
                        s == null ? null : s.takenAt(), reasons));
            }
            position++;
        }
        if (candidates.isEmpty()) {
            return new IngestReport(0, rejected);
        }
        Written written = db.inTransaction("store a poll cycle", conn -> write(conn, candidates, rejected));
        counters.putAll(written.counters());
        List<Candidate> stored = written.stored();
        for (Candidate c : stored) {
            rememberIfNewer(c.num(), c.snapshot());
        }
        rejected.sort(Comparator.comparingInt(IngestReport.Rejection::position));
        return new IngestReport(stored.size(), rejected);
    }

    private void checkTime(Instant takenAt, Instant now, List<String> reasons) {
        if (takenAt.isAfter(now.plus(settings.maxClockSkew()))) {
            reasons.add("taken at " + takenAt + ", more than " + settings.maxClockSkew()
                    + " in the future; check the miner's or this PC's clock");
        } else if (takenAt.isBefore(now.minus(settings.rawRetention()))) {
            reasons.add("taken at " + takenAt + ", older than the " + settings.rawRetention() + " raw history kept");
        }
    }

    /**
     * Inserts the candidates, except those for hours already rolled up. That check runs here, under the write
     * lock, so it cannot race with maintenance closing the hour.
     */
    private Written write(Connection conn, List<Candidate> candidates, List<IngestReport.Rejection> rejected)
            throws SQLException {
        Map<Integer, Counters> advanced = new HashMap<>();
        List<Candidate> stored = new ArrayList<>(candidates.size());
        try (PreparedStatement recent = conn.prepareStatement(
                "INSERT OR REPLACE INTO telemetry_recent (ts_ms, miner_num, snapshot) VALUES (?, ?, ?)")) {
            for (Candidate c : candidates) {
                TelemetrySnapshot s = c.snapshot();
                long ts = s.takenAt().toEpochMilli();
                long closedBefore = progress.closedBefore(c.num());
                if (ts < closedBefore) {
                    rejected.add(new IngestReport.Rejection(c.position(), s.minerId(), s.takenAt(), List.of("taken at "
                            + s.takenAt() + ", but this miner's history before " + Instant.ofEpochMilli(closedBefore)
                            + " is already rolled up")));
                    continue;
                }
                Counters previous = advanced.containsKey(c.num()) ? advanced.get(c.num()) : counters.get(c.num());
                if (previous == null || ts > previous.takenAtMs()) {
                    advanced.put(c.num(), countersOf(s, previous));
                }
                recent.setLong(1, ts);
                recent.setInt(2, c.num());
                recent.setBytes(3, SnapshotCodec.encode(withIncrements(s, previous)));
                recent.addBatch();
                stored.add(c);
            }
            recent.executeBatch();
        }
        return new Written(stored, advanced);
    }

    /** What a poll cycle's transaction wrote; applied to memory only once it has committed. */
    private record Written(List<Candidate> stored, Map<Integer, Counters> counters) {
    }

    /** Counter increments since the previous snapshot; a counter that went down means a restart. */
    private static StoredSnapshot withIncrements(TelemetrySnapshot s, Counters previous) {
        if (previous == null || s.takenAt().toEpochMilli() <= previous.takenAtMs()) {
            return new StoredSnapshot(s, 0, 0, 0);
        }
        return new StoredSnapshot(s, increment(s.acceptedShares(), previous.accepted()),
                increment(s.rejectedShares(), previous.rejected()),
                increment(s.hardwareErrors(), previous.hardwareErrors()));
    }

    private static long increment(Long now, Long before) {
        if (now == null || before == null) {
            return 0;
        }
        return now >= before ? now - before : now;
    }

    /** An unreachable miner reports no counters; its last known ones stay the baseline. */
    private static Counters countersOf(TelemetrySnapshot s, Counters previous) {
        return new Counters(s.takenAt().toEpochMilli(),
                s.acceptedShares() != null || previous == null ? s.acceptedShares() : previous.accepted(),
                s.rejectedShares() != null || previous == null ? s.rejectedShares() : previous.rejected(),
                s.hardwareErrors() != null || previous == null ? s.hardwareErrors() : previous.hardwareErrors());
    }

    @Override
    public Map<MinerId, TelemetrySnapshot> latest() {
        catchUpWithTheWriter();
        return newestOfActiveMiners();
    }

    /**
     * Read-only, the newest snapshots in memory come from another process's commits: one read lets the database
     * reload them (and the inventory) if that process has committed since, see {@link ExternalCommits}.
     */
    private void catchUpWithTheWriter() {
        if (db.readOnly()) {
            db.read("catch up with the writer's commits", conn -> null);
        }
    }

    private Map<MinerId, TelemetrySnapshot> newestOfActiveMiners() {
        Map<MinerId, TelemetrySnapshot> out = new HashMap<>();
        newest.forEach((num, s) -> {
            if (directory.isActive(num)) {
                out.put(s.minerId(), s);
            }
        });
        return out;
    }

    @Override
    public FleetSummary fleetSummary(Instant now, Function<MinerId, Algorithm> algorithmOf) {
        catchUpWithTheWriter();
        Map<MinerId, TelemetrySnapshot> latest = newestOfActiveMiners();
        Map<MinerStatus, Integer> statusCounts = new EnumMap<>(MinerStatus.class);
        int stale = 0;
        Map<Algorithm, AlgorithmTotals> byAlgorithm = new EnumMap<>(Algorithm.class);
        double power = 0;
        Double hottest = null;
        MinerId hottestMiner = null;
        Instant newest = null;
        Set<MinerId> registered = directory.activeIds();
        for (MinerId id : registered) {
            TelemetrySnapshot s = latest.get(id);
            if (s == null) {
                statusCounts.merge(MinerStatus.UNKNOWN, 1, Integer::sum);
                continue;
            }
            statusCounts.merge(s.status(), 1, Integer::sum);
            newest = newest == null || s.takenAt().isAfter(newest) ? s.takenAt() : newest;
            if (s.takenAt().isBefore(now.minus(settings.staleAfter()))) {
                stale++;
                continue;
            }
            double minerPower = s.powerWatts() == null ? 0 : s.powerWatts();
            power += minerPower;
            Algorithm algorithm = algorithmOf.apply(id);
            if (algorithm != null) {
                double minerHashrate = s.hashrateThs() == null ? 0 : s.hashrateThs();
                byAlgorithm.merge(algorithm, AlgorithmTotals.NONE.plus(minerHashrate, minerPower),
                        (a, b) -> a.plus(b.hashrateThs(), b.powerWatts()));
            }
            if (s.chipTempMaxC() != null && (hottest == null || s.chipTempMaxC() > hottest)) {
                hottest = s.chipTempMaxC();
                hottestMiner = id;
            }
        }
        return new FleetSummary(registered.size(), statusCounts, stale, byAlgorithm, power, hottest,
                hottestMiner, newest);
    }

    @Override
    public List<SeriesPoint> series(MinerId miner, Instant from, Instant to, Resolution resolution) {
        return history.series(miner, from, to, resolution);
    }

    @Override
    public void forEachSeries(Instant from, Instant to, Resolution resolution,
                              BiConsumer<MinerId, List<SeriesPoint>> consumer) {
        bulk.forEachSeries(from, to, resolution, consumer);
    }

    @Override
    public List<FleetPoint> fleetSeries(Instant from, Instant to, Resolution resolution) {
        return history.fleetSeries(directory.activeIds(), from, to, resolution);
    }

    @Override
    public Map<Algorithm, List<FleetPoint>> fleetSeriesByAlgorithm(Instant from, Instant to, Resolution resolution,
                                                                   Function<MinerId, Algorithm> algorithmOf) {
        return history.fleetSeriesByAlgorithm(directory.activeIds(), algorithmOf, from, to, resolution);
    }

    @Override
    public MaintenanceReport maintain(Instant now) {
        MaintenanceReport miners = compactor.maintain(now);
        sensorRollups.maintain(now);
        return miners;
    }

    @Override
    public StorageStats storageStats() {
        return db.read("measure the store", conn -> {
            long recent = count(conn, "SELECT COUNT(*) FROM telemetry_recent");
            long[] chunks = new long[3];
            try (PreparedStatement st = conn.prepareStatement("SELECT tier, COUNT(*) FROM telemetry_chunk GROUP BY tier");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    chunks[rs.getInt(1)] = rs.getLong(2);
                }
            }
            return new StorageStats(recent, chunks[0], chunks[1], chunks[2], fileBytes(db.file()));
        });
    }

    private static long count(Connection conn, String sql) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long fileBytes(Path file) {
        long total = 0;
        for (String suffix : List.of("", "-wal")) {
            Path p = file.resolveSibling(file.getFileName() + suffix);
            try {
                total += Files.exists(p) ? Files.size(p) : 0;
            } catch (IOException e) {
                LOG.debug("{} vanished while being measured (a checkpoint removed it); it adds nothing", p, e);
            }
        }
        return total;
    }

    @Override
    public void close() {
        db.close();
    }
}
