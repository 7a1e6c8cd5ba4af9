package io.hashdesk.core.bench;

import io.hashdesk.core.store.StorageStats;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.core.store.sqlite.SyntheticFarm;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The store's benchmark run ({@code ./mvnw -pl core -am -Pbench verify}): JMH ingestion throughput, then a
 * simulated stretch of farm history to measure bytes per miner-day in each tier and project a year of a
 * 1,000-miner farm polled every minute. Results go to stdout and {@code <out>/store-bench.txt}.
 */
public final class StoreBench {

    private static final int SIZE_MINERS = 100;
    private static final int SIZE_DAYS = 9;
    private static final double MIB = 1024.0 * 1024.0;

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        String part = args.length > 1 ? args[1] : "all";
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder();
        if (!part.equals("size")) {
            report.append(throughput()).append('\n');
        }
        if (!part.equals("ingest")) {
            report.append(sizes(out.resolve("size.db")));
        }
        Files.writeString(out.resolve("store-bench.txt"), report, StandardCharsets.UTF_8);
        PrintStream console = System.out;
        console.println(report);
    }

    private static String throughput() throws Exception {
        Options options = new OptionsBuilder()
                .include(IngestBenchmark.class.getSimpleName())
                .forks(1)
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xmx2g")
                .warmupIterations(3).warmupTime(TimeValue.seconds(5))
                .measurementIterations(5).measurementTime(TimeValue.seconds(10))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder s = new StringBuilder("Ingestion (JMH, 1 fork, 3x5 s warm-up, 5x10 s measured)\n");
        for (RunResult r : results) {
            double cycles = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            int miners = Integer.parseInt(r.getParams().getParam("miners"));
            s.append(String.format(Locale.ROOT,
                    "  poll cycles of %d miners: %.1f ± %.1f cycles/s = %,.0f snapshots/s = %,.0f telemetry rows/s"
                            + " (1 snapshot + 3 hashboard rows each)%n",
                    miners, cycles, error, cycles * miners, cycles * miners * 4));
        }
        return s.toString();
    }

    /**
     * Simulates SIZE_DAYS of SIZE_MINERS polled every minute with hourly maintenance, then measures each tier
     * over the closed days (the last day is still open, in hourly chunks, and is left out of the per-day figures).
     */
    private static String sizes(Path db) throws Exception {
        Files.deleteIfExists(db);
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        StorageStats stats;
        int minutes = SIZE_DAYS * 24 * 60 - 30;
        try (SqliteFarmStore farm = SqliteFarmStore.open(db, StoreSettings.defaults(), clock)) {
            SyntheticFarm synthetic = new SyntheticFarm(SIZE_MINERS, 3);
            synthetic.register(farm.registry());
            for (int m = 0; m < minutes; m++) {
                Instant at = start.plus(Duration.ofMinutes(m));
                clock.set(at);
                farm.telemetry().ingest(synthetic.pollCycle(at));
                if (m % 60 == 2) {
                    farm.telemetry().maintain(at);
                }
            }
            stats = farm.telemetry().storageStats();
        }
        Map<String, Long> pages = pageBytes(db);
        long lastDay = start.plus(Duration.ofDays(SIZE_DAYS - 1)).toEpochMilli();
        Map<Integer, Long> closedPayload = new TreeMap<>();
        long allPayload = 0;
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT tier, SUM(LENGTH(payload)), SUM(start_ms < " + lastDay
                    + ") FROM telemetry_chunk GROUP BY tier")) {
                while (rs.next()) {
                    allPayload += rs.getLong(2);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT tier, SUM(LENGTH(payload)) FROM telemetry_chunk WHERE start_ms < "
                    + lastDay + " GROUP BY tier")) {
                while (rs.next()) {
                    closedPayload.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        long chunkPages = pages.getOrDefault("telemetry_chunk", 0L) + pages.getOrDefault("telemetry_chunk_key", 0L);
        double overhead = (double) chunkPages / allPayload;
        double closedMinerDays = SIZE_MINERS * (SIZE_DAYS - 1.0);
        double rawPerDay = closedPayload.getOrDefault(0, 0L) * overhead / closedMinerDays;
        double fivePerDay = closedPayload.getOrDefault(1, 0L) * overhead / closedMinerDays;
        double hourPerDay = closedPayload.getOrDefault(2, 0L) * overhead / closedMinerDays;
        double recentPerSnapshot = (double) pages.getOrDefault("telemetry_recent", 0L) / stats.recentSnapshots();
        double latestPerMiner = (double) pages.getOrDefault("telemetry_latest", 0L) / SIZE_MINERS;
        StoreSettings d = StoreSettings.defaults();
        double yearDays = 365;
        // retention drops whole days once the span has passed, so each tier holds one day more than its window
        double perMinerYear = rawPerDay * (d.rawRetention().toDays() + 1)
                + fivePerDay * Math.min(yearDays, d.fiveMinuteRetention().toDays() + 1)
                + hourPerDay * Math.min(yearDays, d.oneHourRetention().toDays() + 1)
                // the open day is still in hourly chunks (measured x1.5 of a closed day's size at most)
                + (rawPerDay + fivePerDay) * 1.5
                // up to an hour plus the grace period of snapshots not yet rolled up, and the latest row
                + recentPerSnapshot * 65 + latestPerMiner;
        double farmYear = perMinerYear * 1000;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Size (%d miners x %d days, polled every minute, 3 boards, 4 fans)%n",
                SIZE_MINERS, SIZE_DAYS));
        s.append(String.format(Locale.ROOT, "  file: %.1f MiB; chunks raw/5-min/1-h: %d/%d/%d; recent snapshots: %d%n",
                stats.fileBytes() / MIB, stats.rawChunks(), stats.fiveMinuteChunks(), stats.oneHourChunks(),
                stats.recentSnapshots()));
        s.append(String.format(Locale.ROOT, "  page bytes per table/index: %s%n", pages));
        s.append(String.format(Locale.ROOT, "  chunk pages over payload: x%.2f; a recent (uncompressed) snapshot: %.0f B%n",
                overhead, recentPerSnapshot));
        s.append(String.format(Locale.ROOT, "  per closed miner-day: raw %.1f KiB, 5-minute %.1f KiB, 1-hour %.2f KiB"
                + " (uncompressed raw would be %.0f KiB)%n", rawPerDay / 1024, fivePerDay / 1024, hourPerDay / 1024,
                recentPerSnapshot * 1440 / 1024));
        s.append(String.format(Locale.ROOT, "  projected 1 year, 1,000 miners, default retention (raw %d d, 5-min %d d, 1-h %d d):"
                        + " %.0f MiB%n", d.rawRetention().toDays(), d.fiveMinuteRetention().toDays(),
                d.oneHourRetention().toDays(), farmYear / MIB));
        s.append(String.format(Locale.ROOT, "  adding the second year of 1-hour rollups the default keeps: %.0f MiB%n",
                (farmYear + hourPerDay * 365 * 1000) / MIB));
        return s.toString();
    }

    private static Map<String, Long> pageBytes(Path db) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
