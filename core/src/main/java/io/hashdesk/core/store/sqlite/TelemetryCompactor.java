package io.hashdesk.core.store.sqlite;

import static io.hashdesk.core.store.sqlite.TelemetryHistory.DAY_MS;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.FIVE_MINUTES_MS;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.HOUR_MS;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.TIER_FIVE_MINUTES;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.TIER_ONE_HOUR;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.TIER_RAW;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.MaintenanceReport;
import io.hashdesk.core.store.StoreSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance job: folds every complete miner-hour of recent snapshots into a raw chunk and a chunk of
 * 5-minute buckets, every complete day of 5-minute buckets into a chunk of 1-hour buckets, and deletes what
 * has outlived its retention. Work is cut into transactions of {@link StoreSettings#maintenanceBatchSize()}
 * units so a poll cycle never waits long for the writer.
 */
final class TelemetryCompactor {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryCompactor.class);

    private final SqliteDatabase db;
    private final MinerDirectory directory;
    private final LabelDictionary labels;
    private final RollupProgress progress;
    private final StoreSettings settings;

    /** One miner and the start of an hour or day to roll up. */
    private record Unit(int miner, long startMs) {
    }

    TelemetryCompactor(SqliteDatabase db, MinerDirectory directory, LabelDictionary labels, RollupProgress progress,
                       StoreSettings settings) {
        this.db = db;
        this.directory = directory;
        this.labels = labels;
        this.progress = progress;
        this.settings = settings;
    }

    MaintenanceReport maintain(Instant now) {
        long started = System.nanoTime();
        long graceEnd = now.minus(settings.rollupGrace()).toEpochMilli();
        // an hour (day) is complete once it ended at least the grace period ago
        long hourLimit = Math.floorDiv(graceEnd, HOUR_MS) * HOUR_MS;
        long dayLimit = Math.floorDiv(graceEnd, DAY_MS) * DAY_MS;
        List<Long> hours = db.read("find hours to roll up", conn -> pendingHours(conn, hourLimit));
        int minerHours = 0;
        long snapshots = 0;
        for (long hour : hours) {
            List<Integer> miners = db.read("find miners to roll up", conn -> minersIn(conn, hour));
            for (List<Integer> batch : batches(miners)) {
                HourRollup done = inTransaction("roll up telemetry hours",
                        conn -> compactHour(conn, hour, batch.getFirst(), batch.getLast()));
                minerHours += done.miners().size();
                snapshots += done.snapshots();
            }
        }
        List<Unit> days = db.read("find days to roll up", conn -> pendingDays(conn, dayLimit));
        for (List<Unit> batch : batches(days)) {
            inTransaction("roll up telemetry days", conn -> {
                for (Unit unit : batch) {
                    compactDay(conn, unit);
                }
                return null;
            });
        }
        long deleted = deleteExpired(now);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (minerHours > 0 || deleted > 0) {
            LOG.info("Telemetry maintenance rolled up {} miner-hours ({} snapshots) and {} miner-days, deleted {} expired"
                    + " chunks in {} ms", minerHours, snapshots, days.size(), deleted, took.toMillis());
        }
        return new MaintenanceReport(minerHours, snapshots, deleted, took);
    }

    /** A write that may add labels and advance progress: if it fails, both are reloaded from the file. */
    private <T> T inTransaction(String what, SqliteDatabase.Work<T> work) {
        try {
            return db.inTransaction(what, work);
        } catch (RuntimeException e) {
            // under the write lock, so ingestion never sees the progress half reloaded
            db.inTransaction("reload labels and rollup progress after a failed rollup", conn -> {
                labels.load(conn);
                progress.load(conn);
                return null;
            });
            throw e;
        }
    }

    private <T> List<List<T>> batches(List<T> units) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i += settings.maintenanceBatchSize()) {
            out.add(units.subList(i, Math.min(units.size(), i + settings.maintenanceBatchSize())));
        }
        return out;
    }

    private static List<Long> pendingHours(Connection conn, long hourLimit) throws SQLException {
        return firstColumn(conn, "SELECT DISTINCT (ts_ms / ?) * ? FROM telemetry_recent WHERE ts_ms < ? ORDER BY 1",
                HOUR_MS, HOUR_MS, hourLimit);
    }

    private static List<Integer> minersIn(Connection conn, long hour) throws SQLException {
        return firstColumn(conn, "SELECT DISTINCT miner_num FROM telemetry_recent WHERE ts_ms >= ? AND ts_ms < ? ORDER BY 1",
                hour, hour + HOUR_MS).stream().map(Math::toIntExact).toList();
    }

    /** The first column of a query with integer parameters. */
    private static List<Long> firstColumn(Connection conn, String sql, long... parameters) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Miners whose hour was rolled up in one transaction, and how many snapshots moved. */
    private record HourRollup(Set<Integer> miners, long snapshots) {
    }

    /**
     * Rolls up one hour of every miner numbered {@code firstNum..lastNum}: what is read, folded and deleted is
     * the same range within one transaction, so a snapshot that arrived late is never deleted unrolled.
     */
    private HourRollup compactHour(Connection conn, long hour, int firstNum, int lastNum) throws SQLException {
        long end = hour + HOUR_MS;
        Map<Integer, List<StoredSnapshot>> rows = TelemetryHistory.recentOfAll(conn, directory, hour, end, firstNum, lastNum);
        long moved = 0;
        for (Map.Entry<Integer, List<StoredSnapshot>> miner : rows.entrySet()) {
            moved += compactMinerHour(conn, miner.getKey(), hour, new ArrayList<>(miner.getValue()));
        }
        try (PreparedStatement del = conn.prepareStatement(
                "DELETE FROM telemetry_recent WHERE ts_ms >= ? AND ts_ms < ? AND miner_num BETWEEN ? AND ?")) {
            del.setLong(1, hour);
            del.setLong(2, end);
            del.setInt(3, firstNum);
            del.setInt(4, lastNum);
            del.executeUpdate();
        }
        return new HourRollup(rows.keySet(), moved);
    }

    private List<Unit> pendingDays(Connection conn, long dayLimit) throws SQLException {
        List<Unit> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("""
                SELECT DISTINCT (start_ms / ?) * ? FROM telemetry_chunk
                WHERE miner_num = ? AND tier = ? AND start_ms >= ? AND start_ms < ? ORDER BY 1""")) {
            for (int miner : directory.allNumbers()) {
                st.setLong(1, DAY_MS);
                st.setLong(2, DAY_MS);
                st.setInt(3, miner);
                st.setInt(4, TIER_FIVE_MINUTES);
                st.setLong(5, progress.dailyUntil(miner));
                st.setLong(6, dayLimit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Unit(miner, rs.getLong(1)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Writes one miner-hour as a raw chunk and a 5-minute chunk and keeps its newest snapshot as the miner's
     * latest; returns the snapshots rolled up.
     */
    private long compactMinerHour(Connection conn, int num, long hour, List<StoredSnapshot> snapshots)
            throws SQLException {
        // ingestion refuses snapshots for closed hours, so no chunk exists yet for this one
        long end = hour + HOUR_MS;
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        for (StoredSnapshot s : snapshots) {
            long start = Math.floorDiv(s.snapshot().takenAt().toEpochMilli(), FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
            buckets.computeIfAbsent(start, Bucket::new).add(s);
        }
        putChunk(conn, num, TIER_RAW, hour, snapshots.size(), RawChunkLayout.encode(snapshots, conn, labels));
        putChunk(conn, num, TIER_FIVE_MINUTES, hour, buckets.size(),
                BucketChunkLayout.encode(new ArrayList<>(buckets.values()), conn, labels));
        StoredSnapshot newest = snapshots.getLast();
        try (PreparedStatement latest = conn.prepareStatement("""
                INSERT INTO telemetry_latest (miner_num, ts_ms, snapshot) VALUES (?, ?, ?)
                ON CONFLICT (miner_num) DO UPDATE SET ts_ms = excluded.ts_ms, snapshot = excluded.snapshot
                WHERE excluded.ts_ms >= telemetry_latest.ts_ms""")) {
            latest.setInt(1, num);
            latest.setLong(2, newest.snapshot().takenAt().toEpochMilli());
            latest.setBytes(3, SnapshotCodec.encode(newest));
            latest.executeUpdate();
        }
        progress.advance(conn, num, Math.max(progress.hourlyUntil(num), end), progress.dailyUntil(num));
        return snapshots.size();
    }

    /**
     * Closes one miner-day: its hourly raw and 5-minute chunks become one chunk each (larger chunks compress
     * better and cost fewer rows), and its 1-hour buckets are built from the 5-minute ones.
     */
    private void compactDay(Connection conn, Unit unit) throws SQLException {
        MinerId miner = directory.idOf(unit.miner());
        long day = unit.startMs();
        long end = day + DAY_MS;
        List<StoredSnapshot> snapshots = new ArrayList<>();
        for (TelemetryHistory.Chunk chunk : TelemetryHistory.chunks(conn, unit.miner(), TIER_RAW, day, end)) {
            snapshots.addAll(RawChunkLayout.decode(miner, chunk.payload(), conn, labels));
        }
        List<Bucket> fiveMinutes = new ArrayList<>();
        for (TelemetryHistory.Chunk chunk : TelemetryHistory.chunks(conn, unit.miner(), TIER_FIVE_MINUTES, day, end)) {
            fiveMinutes.addAll(BucketChunkLayout.decode(chunk.payload(), conn, labels));
        }
        TreeMap<Long, Bucket> hours = new TreeMap<>();
        for (Bucket b : fiveMinutes) {
            hours.computeIfAbsent(Math.floorDiv(b.startMs, HOUR_MS) * HOUR_MS, Bucket::new).merge(b);
        }
        try (PreparedStatement del = conn.prepareStatement(
                "DELETE FROM telemetry_chunk WHERE miner_num = ? AND tier IN (?, ?) AND start_ms >= ? AND start_ms < ?")) {
            del.setInt(1, unit.miner());
            del.setInt(2, TIER_RAW);
            del.setInt(3, TIER_FIVE_MINUTES);
            del.setLong(4, day);
            del.setLong(5, end);
            del.executeUpdate();
        }
        if (!snapshots.isEmpty()) {
            // raw chunks may already have expired while their 5-minute buckets are still kept
            putChunk(conn, unit.miner(), TIER_RAW, day, snapshots.size(), RawChunkLayout.encode(snapshots, conn, labels));
        }
        putChunk(conn, unit.miner(), TIER_FIVE_MINUTES, day, fiveMinutes.size(),
                BucketChunkLayout.encode(fiveMinutes, conn, labels));
        putChunk(conn, unit.miner(), TIER_ONE_HOUR, day, hours.size(),
                BucketChunkLayout.encode(new ArrayList<>(hours.values()), conn, labels));
        progress.advance(conn, unit.miner(), progress.hourlyUntil(unit.miner()), end);
    }

    private static void putChunk(Connection conn, int miner, int tier, long startMs, int entries, byte[] payload)
            throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("""
                INSERT INTO telemetry_chunk (miner_num, tier, start_ms, entries, payload) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (miner_num, tier, start_ms) DO UPDATE SET entries = excluded.entries,
                                                                      payload = excluded.payload""")) {
            st.setInt(1, miner);
            st.setInt(2, tier);
            st.setLong(3, startMs);
            st.setInt(4, entries);
            st.setBytes(5, payload);
            st.executeUpdate();
        }
    }

    /** Deletes chunks whose whole span is past its tier's retention, a batch of miners per transaction. */
    private long deleteExpired(Instant now) {
        // a chunk goes once its whole span has expired; closed days are one chunk, so history leaves by whole days
        long[] cutoffs = {
            now.minus(settings.rawRetention()).toEpochMilli() - DAY_MS,
            now.minus(settings.fiveMinuteRetention()).toEpochMilli() - DAY_MS,
            now.minus(settings.oneHourRetention()).toEpochMilli() - DAY_MS,
        };
        long deleted = 0;
        for (List<Integer> batch : batches(new ArrayList<>(directory.allNumbers()))) {
            deleted += db.inTransaction("delete expired telemetry", conn -> {
                long n = 0;
                try (PreparedStatement st = conn.prepareStatement(
                        "DELETE FROM telemetry_chunk WHERE miner_num = ? AND tier = ? AND start_ms <= ?")) {
                    for (int miner : batch) {
                        for (int tier = TIER_RAW; tier <= TIER_ONE_HOUR; tier++) {
                            st.setInt(1, miner);
                            st.setInt(2, tier);
                            st.setLong(3, cutoffs[tier]);
                            n += st.executeUpdate();
                        }
                    }
                }
                return n;
            });
        }
        return deleted;
    }
}
