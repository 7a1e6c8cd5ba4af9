package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Range queries over a miner's history: compressed chunks for rolled-up hours and days, recent snapshots
 * aggregated on the fly for the rest, read in one transaction so maintenance running alongside can neither
 * hide nor double-count anything.
 */
final class TelemetryHistory {

    static final int TIER_RAW = 0;
    static final int TIER_FIVE_MINUTES = 1;
    static final int TIER_ONE_HOUR = 2;
    static final long HOUR_MS = Duration.ofHours(1).toMillis();
    static final long DAY_MS = Duration.ofDays(1).toMillis();
    static final long FIVE_MINUTES_MS = Resolution.FIVE_MINUTES.width().toMillis();

    private final SqliteDatabase db;
    private final MinerDirectory directory;
    private final LabelDictionary labels;

    TelemetryHistory(SqliteDatabase db, MinerDirectory directory, LabelDictionary labels) {
        this.db = db;
        this.directory = directory;
        this.labels = labels;
    }

    List<SeriesPoint> series(MinerId miner, Instant from, Instant to, Resolution resolution) {
        checkRange(from, to);
        int num = directory.anyNumber(miner)
                .orElseThrow(() -> new IllegalArgumentException("Miner '" + miner + "' is not in the inventory"));
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        return db.read("read the history of " + miner, conn -> {
            if (resolution == Resolution.RAW) {
                return rawSeries(conn, num, miner, fromMs, toMs);
            }
            List<SeriesPoint> out = new ArrayList<>();
            long width = resolution.width().toMillis();
            List<StoredSnapshot> recent = recent(conn, num, alignDown(fromMs, width), alignDown(toMs - 1, width) + width);
            for (Bucket b : buckets(conn, num, fromMs, toMs, resolution, recent).values()) {
                out.add(b.toSeriesPoint(resolution.width()));
            }
            return out;
        });
    }

    List<FleetPoint> fleetSeries(Collection<MinerId> miners, Instant from, Instant to, Resolution resolution) {
        checkRange(from, to);
        if (resolution == Resolution.RAW) {
            throw new IllegalArgumentException("Fleet series are summed per bucket: ask for 5-minute or 1-hour resolution");
        }
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        return db.read("read the fleet history", conn -> {
            TreeMap<Long, FleetSum> sums = new TreeMap<>();
            long width = resolution.width().toMillis();
            Map<Integer, List<StoredSnapshot>> recentByMiner = recentOfAll(conn, directory, alignDown(fromMs, width),
                    alignDown(toMs - 1, width) + width, Integer.MIN_VALUE, Integer.MAX_VALUE);
            for (MinerId miner : miners) {
                int num = directory.anyNumber(miner).orElseThrow();
                List<StoredSnapshot> recent = recentByMiner.getOrDefault(num, List.of());
                for (Bucket b : buckets(conn, num, fromMs, toMs, resolution, recent).values()) {
                    sums.computeIfAbsent(b.startMs, k -> new FleetSum()).add(b);
                }
            }
            List<FleetPoint> out = new ArrayList<>(sums.size());
            sums.forEach((start, sum) -> out.add(sum.toPoint(start)));
            return out;
        });
    }

    /** As {@link #fleetSeries}, summed per algorithm; miners whose algorithm is unknown (null) are not read. */
    Map<Algorithm, List<FleetPoint>> fleetSeriesByAlgorithm(Collection<MinerId> miners,
                                                            Function<MinerId, Algorithm> algorithmOf, Instant from,
                                                            Instant to, Resolution resolution) {
        checkRange(from, to);
        if (resolution == Resolution.RAW) {
            throw new IllegalArgumentException("Fleet series are summed per bucket: ask for 5-minute or 1-hour resolution");
        }
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        return db.read("read the fleet history per algorithm", conn -> {
            Map<Algorithm, TreeMap<Long, FleetSum>> sums = new EnumMap<>(Algorithm.class);
            long width = resolution.width().toMillis();
            Map<Integer, List<StoredSnapshot>> recentByMiner = recentOfAll(conn, directory, alignDown(fromMs, width),
                    alignDown(toMs - 1, width) + width, Integer.MIN_VALUE, Integer.MAX_VALUE);
            for (MinerId miner : miners) {
                Algorithm algorithm = algorithmOf.apply(miner);
                if (algorithm == null) {
                    continue;
                }
                int num = directory.anyNumber(miner).orElseThrow();
                List<StoredSnapshot> recent = recentByMiner.getOrDefault(num, List.of());
                for (Bucket b : buckets(conn, num, fromMs, toMs, resolution, recent).values()) {
                    sums.computeIfAbsent(algorithm, a -> new TreeMap<>())
                            .computeIfAbsent(b.startMs, k -> new FleetSum()).add(b);
                }
            }
            Map<Algorithm, List<FleetPoint>> out = new EnumMap<>(Algorithm.class);
            sums.forEach((algorithm, perBucket) -> out.put(algorithm, perBucket.entrySet().stream()
                    .map(e -> e.getValue().toPoint(e.getKey())).toList()));
            return out;
        });
    }

    private static void checkRange(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A history range must start before it ends, got " + from + " to " + to);
        }
    }

    private List<SeriesPoint> rawSeries(Connection conn, int num, MinerId miner, long fromMs, long toMs)
            throws SQLException {
        List<SeriesPoint> out = new ArrayList<>();
        for (Chunk chunk : chunks(conn, num, TIER_RAW, fromMs - DAY_MS + 1, toMs)) {
            for (StoredSnapshot s : RawChunkLayout.decode(miner, chunk.payload(), conn, labels)) {
                long ts = s.snapshot().takenAt().toEpochMilli();
                if (ts >= fromMs && ts < toMs) {
                    out.add(Bucket.of(s).toSeriesPoint(Duration.ZERO));
                }
            }
        }
        for (StoredSnapshot s : recent(conn, num, fromMs, toMs)) {
            out.add(Bucket.of(s).toSeriesPoint(Duration.ZERO));
        }
        return out;
    }

    private static long alignDown(long ms, long width) {
        return Math.floorDiv(ms, width) * width;
    }

    /**
     * The miner's buckets overlapping {@code [from, to)} at a rollup resolution, keyed and ordered by start,
     * from its chunks and from its {@code recent} snapshots of the same aligned range.
     */
    private TreeMap<Long, Bucket> buckets(Connection conn, int num, long fromMs, long toMs, Resolution resolution,
                                          List<StoredSnapshot> recent) throws SQLException {
        long width = resolution.width().toMillis();
        long firstStart = alignDown(fromMs, width);
        long lastEnd = alignDown(toMs - 1, width) + width;
        TreeMap<Long, Bucket> out = new TreeMap<>();
        Set<Long> daysInTierTwo = new HashSet<>();
        if (resolution == Resolution.ONE_HOUR) {
            for (Chunk chunk : chunks(conn, num, TIER_ONE_HOUR, firstStart - DAY_MS + 1, lastEnd)) {
                daysInTierTwo.add(chunk.startMs());
                fold(out, BucketChunkLayout.decode(chunk.payload(), conn, labels), width, firstStart, lastEnd);
            }
        }
        for (Chunk chunk : chunks(conn, num, TIER_FIVE_MINUTES, firstStart - DAY_MS + 1, lastEnd)) {
            if (!daysInTierTwo.contains(Math.floorDiv(chunk.startMs(), DAY_MS) * DAY_MS)) {
                fold(out, BucketChunkLayout.decode(chunk.payload(), conn, labels), width, firstStart, lastEnd);
            }
        }
        for (StoredSnapshot s : recent) {
            long start = alignDown(s.snapshot().takenAt().toEpochMilli(), width);
            out.computeIfAbsent(start, Bucket::new).add(s);
        }
        return out;
    }

    private static void fold(TreeMap<Long, Bucket> out, List<Bucket> finer, long width, long firstStart, long lastEnd) {
        for (Bucket b : finer) {
            long start = Math.floorDiv(b.startMs, width) * width;
            if (start >= firstStart && start < lastEnd) {
                out.computeIfAbsent(start, Bucket::new).merge(b);
            }
        }
    }

    record Chunk(long startMs, byte[] payload) {
    }

    static List<Chunk> chunks(Connection conn, int num, int tier, long fromStartMs, long toStartMs) throws SQLException {
        List<Chunk> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("""
                SELECT start_ms, payload FROM telemetry_chunk
                WHERE miner_num = ? AND tier = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms""")) {
            st.setInt(1, num);
            st.setInt(2, tier);
            st.setLong(3, fromStartMs);
            st.setLong(4, toStartMs);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Chunk(rs.getLong(1), rs.getBytes(2)));
                }
            }
        }
        return out;
    }

    /** One miner's snapshots in {@code [from, to)} not yet rolled up, oldest first. */
    private List<StoredSnapshot> recent(Connection conn, int num, long fromMs, long toMs) throws SQLException {
        return recentOfAll(conn, directory, fromMs, toMs, num, num).getOrDefault(num, List.of());
    }

    /**
     * Snapshots not yet rolled up in {@code [from, to)} of the miners numbered {@code firstNum..lastNum}, per
     * miner, oldest first. The table is keyed by time, so this reads the time range once for all of them.
     */
    static Map<Integer, List<StoredSnapshot>> recentOfAll(Connection conn, MinerDirectory directory, long fromMs,
                                                          long toMs, int firstNum, int lastNum) throws SQLException {
        Map<Integer, List<StoredSnapshot>> out = new HashMap<>();
        try (PreparedStatement st = conn.prepareStatement("""
                SELECT ts_ms, miner_num, snapshot FROM telemetry_recent
                WHERE ts_ms >= ? AND ts_ms < ? AND miner_num BETWEEN ? AND ? ORDER BY ts_ms""")) {
            st.setLong(1, fromMs);
            st.setLong(2, toMs);
            st.setInt(3, firstNum);
            st.setInt(4, lastNum);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int num = rs.getInt(2);
                    out.computeIfAbsent(num, k -> new ArrayList<>()).add(
                            SnapshotCodec.decode(directory.idOf(num), rs.getLong(1), rs.getBytes(3)));
                }
            }
        }
        return out;
    }

    /** Fleet totals of one bucket, summed over miners. */
    private static final class FleetSum {
        int reporting;
        int hashing;
        double hashrate;
        double power;
        double hottestChip = Double.NaN;

        void add(Bucket b) {
            if (b.reporting > 0) {
                reporting++;
            }
            if (b.hashing > 0) {
                hashing++;
            }
            hashrate += orZero(b.mean(Bucket.HASHRATE));
            power += orZero(b.mean(Bucket.POWER));
            if (b.weight[Bucket.CHIP_TEMP] > 0) {
                double chip = b.max[Bucket.CHIP_TEMP];
                hottestChip = Double.isNaN(hottestChip) ? chip : Math.max(hottestChip, chip);
            }
        }

        FleetPoint toPoint(long startMs) {
            return new FleetPoint(Instant.ofEpochMilli(startMs), reporting, hashing, hashrate, power,
                    Double.isNaN(hottestChip) ? null : hottestChip);
        }

        private static double orZero(double v) {
            return Double.isNaN(v) ? 0 : v;
        }
    }
}
