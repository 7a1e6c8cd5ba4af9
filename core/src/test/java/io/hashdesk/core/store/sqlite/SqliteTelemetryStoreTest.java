package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.FleetSummary;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTelemetryStoreTest {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path dir;
    MutableClock clock;
    SqliteFarmStore farm;
    TelemetryStore store;
    SyntheticFarm synthetic;

    @BeforeEach
    void open() {
        clock = new MutableClock(T0);
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
        store = farm.telemetry();
        synthetic = new SyntheticFarm(5, 42);
        synthetic.register(farm.registry());
    }

    @AfterEach
    void close() {
        farm.close();
    }

    /** Ingests one poll per minute for the given minutes starting at {@code start}, moving the clock along. */
    List<List<TelemetrySnapshot>> pollEveryMinute(Instant start, int minutes) {
        List<List<TelemetrySnapshot>> cycles = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            Instant at = start.plus(Duration.ofMinutes(m));
            clock.set(at);
            List<TelemetrySnapshot> cycle = synthetic.pollCycle(at);
            IngestReport report = store.ingest(cycle);
            assertTrue(report.allStored(), report.rejected()::toString);
            cycles.add(cycle);
        }
        return cycles;
    }

    @Test
    void latestHoldsTheNewestSnapshotOfEveryMiner() {
        List<List<TelemetrySnapshot>> cycles = pollEveryMinute(T0, 3);
        Map<MinerId, TelemetrySnapshot> latest = store.latest();
        assertEquals(5, latest.size());
        assertEquals(cycles.get(2).get(3), latest.get(SyntheticFarm.id(3)));
    }

    @Test
    void badRowsAreReportedAndTheRestOfTheBatchIsStored() {
        TelemetrySnapshot good = synthetic.snapshot(0, T0);
        TelemetrySnapshot negative = withHashrate(synthetic.snapshot(1, T0), -5.0);
        TelemetrySnapshot nanTemp = withChipTemp(synthetic.snapshot(2, T0), Double.NaN);
        TelemetrySnapshot unknown = TelemetrySnapshot.unreachable(MinerId.of("not-registered"), T0);
        TelemetrySnapshot future = synthetic.snapshot(3, T0.plus(Duration.ofHours(1)));
        List<TelemetrySnapshot> batch = Arrays.asList(good, negative, nanTemp, unknown, null, future,
                synthetic.snapshot(4, T0));

        IngestReport report = store.ingest(batch);

        assertEquals(2, report.stored());
        assertEquals(List.of(1, 2, 3, 4, 5), report.rejected().stream().map(IngestReport.Rejection::position).toList());
        assertTrue(report.rejected().get(0).reasons().getFirst().contains("hashrate (TH/s) is negative"),
                report.rejected().get(0)::toString);
        assertTrue(report.rejected().get(1).reasons().getFirst().contains("NaN"), report.rejected().get(1)::toString);
        assertTrue(report.rejected().get(2).reasons().getFirst().contains("not registered"));
        assertTrue(report.rejected().get(3).reasons().getFirst().contains("missing"));
        assertTrue(report.rejected().get(4).reasons().getFirst().contains("in the future"));
        assertEquals(Map.of(SyntheticFarm.id(0), good, SyntheticFarm.id(4), synthetic.snapshot(4, T0)).keySet(),
                store.latest().keySet());
    }

    @Test
    void rawSeriesReturnsEverySnapshotUnchangedBeforeAndAfterRollup() {
        List<List<TelemetrySnapshot>> cycles = pollEveryMinute(T0, 70);
        List<SeriesPoint> before = store.series(SyntheticFarm.id(1), T0, T0.plus(Duration.ofMinutes(70)), Resolution.RAW);

        clock.set(T0.plus(Duration.ofMinutes(75)));
        store.maintain(clock.instant());
        List<SeriesPoint> after = store.series(SyntheticFarm.id(1), T0, T0.plus(Duration.ofMinutes(70)), Resolution.RAW);

        assertEquals(70, before.size());
        assertEquals(before, after);
        SeriesPoint p = after.get(10);
        TelemetrySnapshot s = cycles.get(10).get(1);
        assertEquals(s.takenAt(), p.start());
        assertEquals(s.hashrateThs(), p.hashrateThs().mean());
        assertEquals(s.chipTempMaxC(), p.chipTempC().max());
        assertEquals(s.fanRpm().stream().map(Integer::doubleValue).toList(), p.fanRpm());
        assertEquals(s.boards().get(2).hashrateThs(), p.boards().get(2).hashrateThs());
        assertEquals(10 * 5, store.storageStats().recentSnapshots(), "only the unfinished hour stays recent");
    }

    @Test
    void fiveMinuteBucketsHoldMinMeanMaxAndAreTheSameBeforeAndAfterRollup() {
        List<List<TelemetrySnapshot>> cycles = pollEveryMinute(T0, 60);
        Instant to = T0.plus(Duration.ofHours(1));
        List<SeriesPoint> before = store.series(SyntheticFarm.id(2), T0, to, Resolution.FIVE_MINUTES);
        clock.set(to.plus(Duration.ofMinutes(5)));
        store.maintain(clock.instant());
        List<SeriesPoint> after = store.series(SyntheticFarm.id(2), T0, to, Resolution.FIVE_MINUTES);

        assertEquals(12, before.size());
        assertEquals(12, after.size());
        List<TelemetrySnapshot> first = cycles.subList(0, 5).stream().map(c -> c.get(2)).toList();
        DoubleSummaryStatistics hashrate = first.stream().collect(Collectors.summarizingDouble(TelemetrySnapshot::hashrateThs));
        double min = hashrate.getMin();
        double max = hashrate.getMax();
        double mean = hashrate.getAverage();
        for (SeriesPoint p : List.of(before.getFirst(), after.getFirst())) {
            assertEquals(5, p.samples());
            assertEquals(5, p.hashingSamples());
            assertEquals(min, p.hashrateThs().min(), 1e-9);
            assertEquals(max, p.hashrateThs().max(), 1e-9);
            // rollup means keep 5 significant digits: 0.01 TH/s at this magnitude
            assertEquals(mean, p.hashrateThs().mean(), 5e-3 + 1e-9);
            assertEquals("3100", p.preset());
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(before.get(i).powerWatts().mean(), after.get(i).powerWatts().mean(), 1e-2);
            assertEquals(before.get(i).chipTempC().max(), after.get(i).chipTempC().max());
            assertEquals(before.get(i).acceptedShares(), after.get(i).acceptedShares());
        }
    }

    @Test
    void hourlySeriesAgreeBeforeAndAfterTheDayIsRolledUp() {
        pollEveryMinute(T0.plus(Duration.ofHours(20)), 5 * 60);
        Instant from = T0.plus(Duration.ofHours(20));
        Instant to = T0.plus(Duration.ofHours(25));
        clock.set(to.plus(Duration.ofMinutes(3)));
        store.maintain(clock.instant());
        assertEquals(5, store.storageStats().oneHourChunks(), "one per miner: day 1 is complete, day 2 is not");

        List<SeriesPoint> hourly = store.series(SyntheticFarm.id(0), from, to, Resolution.ONE_HOUR);
        assertEquals(5, hourly.size());
        List<SeriesPoint> fiveMinute = store.series(SyntheticFarm.id(0), from, to, Resolution.FIVE_MINUTES);
        for (int h = 0; h < 5; h++) {
            List<SeriesPoint> inHour = fiveMinute.subList(h * 12, h * 12 + 12);
            double mean = inHour.stream().collect(Collectors.averagingDouble(p -> p.hashrateThs().mean()));
            assertEquals(mean, hourly.get(h).hashrateThs().mean(), 1e-2);
            assertEquals(60, hourly.get(h).samples());
            assertEquals(inHour.stream().collect(Collectors.summarizingDouble(p -> p.chipTempC().max())).getMax(),
                    hourly.get(h).chipTempC().max());
        }
    }

    @Test
    void shareCountersBecomeIncrementsAndARestartIsNotANegativeCount() {
        TelemetrySnapshot a = withCounters(synthetic.snapshot(0, T0), 1000L, 10L);
        TelemetrySnapshot b = withCounters(synthetic.snapshot(0, T0.plusSeconds(60)), 1300L, 12L);
        TelemetrySnapshot restarted = withCounters(synthetic.snapshot(0, T0.plusSeconds(120)), 50L, 1L);
        clock.set(T0.plusSeconds(120));
        store.ingest(List.of(a));
        store.ingest(List.of(b, restarted));

        List<SeriesPoint> raw = store.series(SyntheticFarm.id(0), T0, T0.plusSeconds(180), Resolution.RAW);
        assertEquals(List.of(0L, 300L, 50L), raw.stream().map(SeriesPoint::acceptedShares).toList());
        assertEquals(List.of(0L, 2L, 1L), raw.stream().map(SeriesPoint::rejectedShares).toList());
    }

    @Test
    void anUnreachableMinerCountsAsZeroHashrateInItsBucket() {
        clock.set(T0.plusSeconds(240));
        store.ingest(List.of(synthetic.snapshot(0, T0), synthetic.snapshot(0, T0.plusSeconds(60))));
        store.ingest(List.of(TelemetrySnapshot.unreachable(SyntheticFarm.id(0), T0.plusSeconds(120)),
                TelemetrySnapshot.unreachable(SyntheticFarm.id(0), T0.plusSeconds(180))));

        SeriesPoint bucket = store.series(SyntheticFarm.id(0), T0, T0.plusSeconds(300), Resolution.FIVE_MINUTES).getFirst();
        assertEquals(4, bucket.samples());
        assertEquals(2, bucket.hashingSamples());
        assertEquals(0.0, bucket.hashrateThs().min());
        assertEquals(MinerStatus.OFFLINE, bucket.lastStatus());
        assertEquals(MinerStatus.OFFLINE, store.latest().get(SyntheticFarm.id(0)).status());
    }

    @Test
    void aSnapshotForAnHourAlreadyRolledUpIsRefusedWithTheReason() {
        pollEveryMinute(T0, 61);
        clock.set(T0.plus(Duration.ofMinutes(65)));
        store.maintain(clock.instant());

        IngestReport late = store.ingest(List.of(synthetic.snapshot(0, T0.plus(Duration.ofMinutes(30)))));

        assertEquals(0, late.stored());
        assertTrue(late.rejected().getFirst().reasons().getFirst().contains("already rolled up"));
    }

    @Test
    void retentionDeletesExpiredRawDaysAndKeepsTheRollups() {
        farm.close();
        StoreSettings oneDayRaw = new StoreSettings(Duration.ofDays(1), Duration.ofDays(90), Duration.ofDays(730),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(5), 2, Duration.ofMinutes(5));
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), oneDayRaw, clock);
        store = farm.telemetry();
        pollEveryMinute(T0, 2 * 24 * 60);
        clock.set(T0.plus(Duration.ofDays(1)).plusSeconds(150));
        store.maintain(clock.instant());
        assertEquals(5, store.storageStats().rawChunks(), "day 1 closed into one raw chunk per miner");
        assertEquals(5, store.storageStats().oneHourChunks());

        clock.set(T0.plus(Duration.ofDays(2)).plusSeconds(150));
        var report = store.maintain(clock.instant());

        assertEquals(5, report.chunksDeleted(), "day 1 ended more than a day ago: its raw chunks go");
        assertEquals(5, store.storageStats().rawChunks(), "day 2, closed now, stays");
        assertEquals(10, store.storageStats().fiveMinuteChunks());
        assertEquals(10, store.storageStats().oneHourChunks());
        assertTrue(store.series(SyntheticFarm.id(0), T0, T0.plus(Duration.ofHours(1)), Resolution.RAW).isEmpty());
        assertEquals(12, store.series(SyntheticFarm.id(0), T0, T0.plus(Duration.ofHours(1)), Resolution.FIVE_MINUTES).size());
        assertEquals(60, store.series(SyntheticFarm.id(0), T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1))
                .plus(Duration.ofHours(1)), Resolution.RAW).size());
    }

    @Test
    void fleetSummaryCountsStatusesAndStaleMinersAndKeepsEachAlgorithmsHashrateApart() {
        pollEveryMinute(T0, 2);
        store.ingest(List.of(TelemetrySnapshot.unreachable(SyntheticFarm.id(4), T0.plusSeconds(61))));
        Map<MinerId, Algorithm> algorithms = Map.of(SyntheticFarm.id(0), Algorithm.SHA256,
                SyntheticFarm.id(1), Algorithm.SHA256, SyntheticFarm.id(2), Algorithm.SCRYPT,
                SyntheticFarm.id(4), Algorithm.SHA256);
        FleetSummary now = store.fleetSummary(T0.plusSeconds(90), algorithms::get);
        assertEquals(5, now.registeredMiners());
        assertEquals(4, now.count(MinerStatus.MINING));
        assertEquals(1, now.count(MinerStatus.OFFLINE));
        assertEquals(0, now.staleMiners());
        Map<MinerId, TelemetrySnapshot> latest = store.latest();
        double sha256 = latest.get(SyntheticFarm.id(0)).hashrateThs() + latest.get(SyntheticFarm.id(1)).hashrateThs();
        assertEquals(sha256, now.sha256HashrateThs(), 1e-9);
        assertEquals(3, now.totals(Algorithm.SHA256).reportingMiners(), "the offline miner reports zero");
        assertEquals(latest.get(SyntheticFarm.id(2)).hashrateThs(), now.totals(Algorithm.SCRYPT).hashrateThs(), 1e-9);
        double sha256Power = latest.get(SyntheticFarm.id(0)).powerWatts() + latest.get(SyntheticFarm.id(1)).powerWatts();
        assertEquals(sha256Power / sha256, now.efficiencyJPerTh(), 1e-9, "J/TH over SHA-256 miners only");
        double allPower = latest.values().stream().filter(s -> s.powerWatts() != null)
                .collect(Collectors.summingDouble(TelemetrySnapshot::powerWatts));
        assertEquals(allPower, now.powerWatts(), 1e-9, "power counts every miner, unknown model included");

        FleetSummary later = store.fleetSummary(T0.plus(Duration.ofMinutes(30)), algorithms::get);
        assertEquals(5, later.staleMiners());
        assertEquals(0.0, later.sha256HashrateThs());
    }

    @Test
    void fleetSeriesSumsMinersPerBucketAndRefusesRawResolution() {
        pollEveryMinute(T0, 10);
        List<FleetPoint> points = store.fleetSeries(T0, T0.plus(Duration.ofMinutes(10)), Resolution.FIVE_MINUTES);
        assertEquals(2, points.size());
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += store.series(SyntheticFarm.id(i), T0, T0.plus(Duration.ofMinutes(5)), Resolution.FIVE_MINUTES)
                    .getFirst().hashrateThs().mean();
        }
        assertEquals(sum, points.getFirst().hashrateThs(), 1e-9);
        assertEquals(5, points.getFirst().minersHashing());
        assertThrows(IllegalArgumentException.class,
                () -> store.fleetSeries(T0, T0.plusSeconds(60), Resolution.RAW));
    }

    @Test
    void fleetSeriesByAlgorithmKeepsScryptOutOfTheSha256TotalAndLeavesUnknownModelsOut() {
        pollEveryMinute(T0, 10);
        // miners 0-2 SHA-256, 3 Scrypt, 4 of an unknown model
        Map<MinerId, Algorithm> algorithms = Map.of(SyntheticFarm.id(0), Algorithm.SHA256,
                SyntheticFarm.id(1), Algorithm.SHA256, SyntheticFarm.id(2), Algorithm.SHA256,
                SyntheticFarm.id(3), Algorithm.SCRYPT);
        Instant to = T0.plus(Duration.ofMinutes(10));

        Map<Algorithm, List<FleetPoint>> byAlgorithm = store.fleetSeriesByAlgorithm(T0, to, Resolution.FIVE_MINUTES,
                algorithms::get);

        assertEquals(Set.of(Algorithm.SHA256, Algorithm.SCRYPT), byAlgorithm.keySet());
        double sha256 = 0;
        for (int i = 0; i < 3; i++) {
            sha256 += meanHashrateOfFirstBucket(i);
        }
        List<FleetPoint> sha = byAlgorithm.get(Algorithm.SHA256);
        assertEquals(2, sha.size());
        assertEquals(sha256, sha.getFirst().hashrateThs(), 1e-9);
        assertEquals(3, sha.getFirst().minersHashing());
        assertEquals(meanHashrateOfFirstBucket(3), byAlgorithm.get(Algorithm.SCRYPT).getFirst().hashrateThs(), 1e-9);
        assertEquals(1, byAlgorithm.get(Algorithm.SCRYPT).getFirst().minersReporting());
        double all = store.fleetSeries(T0, to, Resolution.FIVE_MINUTES).getFirst().hashrateThs();
        assertEquals(all - meanHashrateOfFirstBucket(4), sha256 + meanHashrateOfFirstBucket(3), 1e-9,
                "the unknown model's miner is in neither series");
        assertThrows(IllegalArgumentException.class,
                () -> store.fleetSeriesByAlgorithm(T0, to, Resolution.RAW, algorithms::get));
    }

    private double meanHashrateOfFirstBucket(int miner) {
        return store.series(SyntheticFarm.id(miner), T0, T0.plus(Duration.ofMinutes(5)), Resolution.FIVE_MINUTES)
                .getFirst().hashrateThs().mean();
    }

    @Test
    void historySurvivesClosingAndReopeningTheStore() {
        pollEveryMinute(T0, 90);
        clock.set(T0.plus(Duration.ofMinutes(95)));
        store.maintain(clock.instant());
        List<SeriesPoint> before = store.series(SyntheticFarm.id(3), T0, clock.instant(), Resolution.RAW);
        farm.close();

        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
        store = farm.telemetry();

        assertEquals(before, store.series(SyntheticFarm.id(3), T0, clock.instant(), Resolution.RAW));
        assertEquals(5, farm.registry().miners().size());
        TelemetrySnapshot next = withCounters(synthetic.snapshot(3, T0.plus(Duration.ofMinutes(96))), 999_999L, 0L);
        clock.set(next.takenAt());
        store.ingest(List.of(next));
        long increment = store.series(SyntheticFarm.id(3), next.takenAt(), next.takenAt().plusSeconds(1), Resolution.RAW)
                .getFirst().acceptedShares();
        assertTrue(increment > 0, "counters continue from the last stored snapshot after reopening");
    }

    @Test
    void aRemovedMinerNoLongerAcceptsTelemetryButItsHistoryStaysReadable() {
        pollEveryMinute(T0, 3);
        farm.registry().removeMiner(SyntheticFarm.id(1));
        IngestReport report = store.ingest(List.of(synthetic.snapshot(1, T0.plusSeconds(200))));
        assertFalse(report.allStored());
        assertEquals(3, store.series(SyntheticFarm.id(1), T0, T0.plusSeconds(300), Resolution.RAW).size());
        assertFalse(store.latest().containsKey(SyntheticFarm.id(1)));
    }

    @Test
    void readingAfterCloseFailsWithAClearError() {
        farm.close();
        var e = assertThrows(RuntimeException.class,
                () -> store.series(SyntheticFarm.id(0), T0, T0.plusSeconds(60), Resolution.RAW));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    static TelemetrySnapshot withHashrate(TelemetrySnapshot s, Double hashrate) {
        return new TelemetrySnapshot(s.minerId(), s.takenAt(), s.status(), hashrate, s.hashrateAvgThs(), s.boards(),
                s.chipTempMaxC(), s.boardTempMaxC(), s.fanRpm(), s.fanPercent(), s.powerWatts(), s.voltageVolts(),
                s.frequencyMhz(), s.preset(), s.poolUrl(), s.acceptedShares(), s.rejectedShares(), s.hardwareErrors(),
                s.uptime());
    }

    static TelemetrySnapshot withChipTemp(TelemetrySnapshot s, Double chip) {
        return new TelemetrySnapshot(s.minerId(), s.takenAt(), s.status(), s.hashrateThs(), s.hashrateAvgThs(), s.boards(),
                chip, s.boardTempMaxC(), s.fanRpm(), s.fanPercent(), s.powerWatts(), s.voltageVolts(),
                s.frequencyMhz(), s.preset(), s.poolUrl(), s.acceptedShares(), s.rejectedShares(), s.hardwareErrors(),
                s.uptime());
    }

    static TelemetrySnapshot withCounters(TelemetrySnapshot s, Long accepted, Long rejected) {
        return new TelemetrySnapshot(s.minerId(), s.takenAt(), s.status(), s.hashrateThs(), s.hashrateAvgThs(),
                s.boards(), s.chipTempMaxC(), s.boardTempMaxC(), s.fanRpm(), s.fanPercent(), s.powerWatts(),
                s.voltageVolts(), s.frequencyMhz(), s.preset(), s.poolUrl(), accepted, rejected, s.hardwareErrors(),
                s.uptime());
    }
}
