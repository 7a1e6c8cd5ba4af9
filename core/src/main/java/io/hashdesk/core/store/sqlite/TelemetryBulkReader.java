package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Every miner's rollups over one range in a single read: one query streams the rollup chunks of all miners ordered by
 * miner, one query reads the snapshots not yet rolled up, and each miner's buckets are assembled and handed on before
 * the next miner's are read. The same buckets {@link TelemetryHistory#series} returns for each miner, without a query
 * per miner.
 */
final class TelemetryBulkReader {

    private final SqliteDatabase db;
    private final MinerDirectory directory;
    private final LabelDictionary labels;

    TelemetryBulkReader(SqliteDatabase db, MinerDirectory directory, LabelDictionary labels) {
        this.db = db;
        this.directory = directory;
        this.labels = labels;
    }

    void forEachSeries(Instant from, Instant to, Resolution resolution,
                       BiConsumer<MinerId, List<SeriesPoint>> consumer) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A history range must start before it ends, got " + from + " to " + to);
        }
        if (resolution == Resolution.RAW) {
            throw new IllegalArgumentException("forEachSeries reads rollups: ask for 5-minute or 1-hour resolution");
        }
        long width = resolution.width().toMillis();
        long firstStart = Math.floorDiv(from.toEpochMilli(), width) * width;
        long lastEnd = Math.floorDiv(to.toEpochMilli() - 1, width) * width + width;
        db.read("read every miner's history", conn -> {
            Map<Integer, List<StoredSnapshot>> recent = TelemetryHistory.recentOfAll(conn, directory, firstStart,
                    lastEnd, Integer.MIN_VALUE, Integer.MAX_VALUE);
            TreeSet<Integer> recentOnly = new TreeSet<>(recent.keySet());
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT miner_num, tier, start_ms, payload FROM telemetry_chunk
                    WHERE tier IN (?, ?) AND start_ms >= ? AND start_ms < ?
                    ORDER BY miner_num, tier DESC, start_ms""")) {
                st.setInt(1, TelemetryHistory.TIER_FIVE_MINUTES);
                st.setInt(2, resolution == Resolution.ONE_HOUR ? TelemetryHistory.TIER_ONE_HOUR
                        : TelemetryHistory.TIER_FIVE_MINUTES);
                // chunks span up to a day from their start, as in TelemetryHistory
                st.setLong(3, firstStart - TelemetryHistory.DAY_MS + 1);
                st.setLong(4, lastEnd);
                try (ResultSet rs = st.executeQuery()) {
                    MinerBuckets current = null;
                    while (rs.next()) {
                        int num = rs.getInt(1);
                        if (current == null || current.num != num) {
                            emit(current, recent, consumer, width);
                            emitRecentBefore(num, recentOnly, recent, consumer, width, firstStart, lastEnd);
                            recentOnly.remove(num);
                            current = new MinerBuckets(num, firstStart, lastEnd);
                        }
                        current.addChunk(conn, rs.getInt(2), rs.getLong(3), rs.getBytes(4), width, labels);
                    }
                    emit(current, recent, consumer, width);
                }
            }
            emitRecentBefore(Integer.MAX_VALUE, recentOnly, recent, consumer, width, firstStart, lastEnd);
            return null;
        });
    }

    /** Miners numbered below {@code num} that have only snapshots not yet rolled up. */
    private void emitRecentBefore(int num, TreeSet<Integer> recentOnly, Map<Integer, List<StoredSnapshot>> recent,
                                  BiConsumer<MinerId, List<SeriesPoint>> consumer, long width, long firstStart,
                                  long lastEnd) {
        while (!recentOnly.isEmpty() && recentOnly.first() < num) {
            emit(new MinerBuckets(recentOnly.pollFirst(), firstStart, lastEnd), recent, consumer, width);
        }
    }

    private void emit(MinerBuckets miner, Map<Integer, List<StoredSnapshot>> recent,
                      BiConsumer<MinerId, List<SeriesPoint>> consumer, long width) {
        if (miner == null || !directory.isActive(miner.num)) {
            return;
        }
        for (StoredSnapshot s : recent.getOrDefault(miner.num, List.of())) {
            long start = Math.floorDiv(s.snapshot().takenAt().toEpochMilli(), width) * width;
            miner.buckets.computeIfAbsent(start, Bucket::new).add(s);
        }
        if (miner.buckets.isEmpty()) {
            return;
        }
        List<SeriesPoint> points = new ArrayList<>(miner.buckets.size());
        java.time.Duration bucketWidth = java.time.Duration.ofMillis(width);
        for (Bucket b : miner.buckets.values()) {
            points.add(b.toSeriesPoint(bucketWidth));
        }
        consumer.accept(directory.idOf(miner.num), points);
    }

    /** One miner's buckets being assembled; 1-hour chunks (tier 2) arrive before 5-minute ones and win their day. */
    private static final class MinerBuckets {
        final int num;
        final long firstStart;
        final long lastEnd;
        final TreeMap<Long, Bucket> buckets = new TreeMap<>();
        final Set<Long> daysInTierTwo = new HashSet<>();

        MinerBuckets(int num, long firstStart, long lastEnd) {
            this.num = num;
            this.firstStart = firstStart;
            this.lastEnd = lastEnd;
        }

        void addChunk(Connection conn, int tier, long startMs, byte[] payload, long width, LabelDictionary labels)
                throws SQLException {
            if (tier == TelemetryHistory.TIER_ONE_HOUR) {
                daysInTierTwo.add(startMs);
            } else if (daysInTierTwo.contains(Math.floorDiv(startMs, TelemetryHistory.DAY_MS)
                    * TelemetryHistory.DAY_MS)) {
                return;
            }
            for (Bucket b : BucketChunkLayout.decode(payload, conn, labels)) {
                long start = Math.floorDiv(b.startMs, width) * width;
                if (start >= firstStart && start < lastEnd) {
                    buckets.computeIfAbsent(start, Bucket::new).merge(b);
                }
            }
        }
    }
}
