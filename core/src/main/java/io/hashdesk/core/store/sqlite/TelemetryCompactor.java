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
        List<Unit> hours = db.read("find hours to roll up", conn -> pendingHours(conn, hourLimit));
        long snapshots = 0;
        for (List<Unit> batch : batches(hours)) {
            snapshots += inTransaction("roll up telemetry hours", conn -> {
                long n = 0;
                for (Unit unit : batch) {
                    n += compactHour(conn, unit);
                }
                return n;
            });
            batch.forEach(u -> progress.apply(u.miner(), Math.max(progress.hourlyUntil(u.miner()), u.startMs() + HOUR_MS),
                    progress.dailyUntil(u.miner())));
        }
        List<Unit> days = db.read("find days to roll up", conn -> pendingDays(conn, dayLimit));
        for (List<Unit> batch : batches(days)) {
            inTransaction("roll up telemetry days", conn -> {
                for (Unit unit : batch) {
                    compactDay(conn, unit);
                }
                return null;
            });
            batch.forEach(u -> progress.apply(u.miner(), progress.hourlyUntil(u.miner()), u.startMs() + DAY_MS));
        }
        long deleted = deleteExpired(now);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!hours.isEmpty() || deleted > 0) {
            LOG.info("Telemetry maintenance rolled up {} miner-hours ({} snapshots) and {} miner-days, deleted {} expired"
                    + " chunks in {} ms", hours.size(), snapshots, days.size(), deleted, took.toMillis());
        }
        return new MaintenanceReport(hours.size(), snapshots, deleted, took);
    }

    /** A write that may add labels: if it fails, the labels it added were rolled back too and are forgotten. */
    private <T> T inTransaction(String what, SqliteDatabase.Work<T> work) {
        try {
            return db.inTransaction(what, work);
        } catch (RuntimeException e) {
            db.read("reload labels", conn -> {
                labels.load(conn);
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

    private static List<Unit> pendingHours(Connection conn, long hourLimit) throws SQLException {
        List<Unit> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("""
                SELECT DISTINCT miner_num, (ts_ms / ?) * ? FROM telemetry_recent WHERE ts_ms < ?
                ORDER BY 1, 2""")) {
            st.setLong(1, HOUR_MS);
            st.setLong(2, HOUR_MS);
            st.setLong(3, hourLimit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Unit(rs.getInt(1), rs.getLong(2)));
                }
            }
        }
        return out;
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

    /** Moves one miner-hour from the recent table into a raw chunk and a 5-minute chunk; returns snapshots moved. */
    private long compactHour(Connection conn, Unit unit) throws SQLException {
        MinerId miner = directory.idOf(unit.miner());
        long end = unit.startMs() + HOUR_MS;
        List<StoredSnapshot> snapshots = new ArrayList<>(
                TelemetryHistory.recent(conn, unit.miner(), miner, unit.startMs(), end));
        List<TelemetryHistory.Chunk> existing = TelemetryHistory.chunks(conn, unit.miner(), TIER_RAW, unit.startMs(), end);
        for (TelemetryHistory.Chunk chunk : existing) {
            // an hour reopened by snapshots that arrived after it was rolled up: merge, never overwrite
            snapshots.addAll(RawChunkLayout.decode(miner, chunk.payload(), conn, labels));
        }
        snapshots.sort((a, b) -> a.snapshot().takenAt().compareTo(b.snapshot().takenAt()));
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        for (StoredSnapshot s : snapshots) {
            long start = Math.floorDiv(s.snapshot().takenAt().toEpochMilli(), FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
            buckets.computeIfAbsent(start, Bucket::new).add(s);
        }
        putChunk(conn, unit.miner(), TIER_RAW, unit.startMs(), snapshots.size(),
                RawChunkLayout.encode(snapshots, conn, labels));
        putChunk(conn, unit.miner(), TIER_FIVE_MINUTES, unit.startMs(), buckets.size(),
                BucketChunkLayout.encode(new ArrayList<>(buckets.values()), conn, labels));
        try (PreparedStatement del = conn.prepareStatement(
                "DELETE FROM telemetry_recent WHERE miner_num = ? AND ts_ms >= ? AND ts_ms < ?")) {
            del.setInt(1, unit.miner());
            del.setLong(2, unit.startMs());
            del.setLong(3, end);
            del.executeUpdate();
        }
        RollupProgress.write(conn, unit.miner(), Math.max(progress.hourlyUntil(unit.miner()), end),
                progress.dailyUntil(unit.miner()));
        return snapshots.size();
    }

    /** Builds one miner-day of 1-hour buckets from that day's 5-minute chunks. */
    private void compactDay(Connection conn, Unit unit) throws SQLException {
        TreeMap<Long, Bucket> hours = new TreeMap<>();
        long end = unit.startMs() + DAY_MS;
        for (TelemetryHistory.Chunk chunk : TelemetryHistory.chunks(conn, unit.miner(), TIER_FIVE_MINUTES,
                unit.startMs(), end)) {
            for (Bucket b : BucketChunkLayout.decode(chunk.payload(), conn, labels)) {
                hours.computeIfAbsent(Math.floorDiv(b.startMs, HOUR_MS) * HOUR_MS, Bucket::new).merge(b);
            }
        }
        putChunk(conn, unit.miner(), TIER_ONE_HOUR, unit.startMs(), hours.size(),
                BucketChunkLayout.encode(new ArrayList<>(hours.values()), conn, labels));
        RollupProgress.write(conn, unit.miner(), progress.hourlyUntil(unit.miner()), end);
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
        long[] cutoffs = {
            now.minus(settings.rawRetention()).toEpochMilli() - HOUR_MS,
            now.minus(settings.fiveMinuteRetention()).toEpochMilli() - HOUR_MS,
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
