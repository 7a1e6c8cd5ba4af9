package io.hashdesk.core.profit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profit from the farm's stored data: telemetry, pools, market figures and the tariff, all through a real store. The
 * expected money is worked out here from first principles (blocks per day = H/s × 86,400 / (difficulty × 2³²)).
 */
class FarmProfitabilityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final double BTC_DIFFICULTY = 150e12;
    private static final double BTC_PRICE = 90_000;
    private static final double BTC_SUBSIDY = 3.125;
    private static final double BTC_FEES = 0.05;
    private static final MinerId S19_A = MinerId.of("s19-a");
    private static final MinerId S19_B = MinerId.of("s19-b");
    private static final MinerId L7 = MinerId.of("l7-a");
    private static final PoolDefinition BTC_POOL = new PoolDefinition("btc-pool", "BTC pool",
            PoolEndpoint.parse("btc.pool.example:3333"), "BTC", new PoolTerms(2.0, PayoutScheme.FPPS));
    private static final PoolDefinition LTC_POOL = new PoolDefinition("ltc-pool", "LTC pool",
            PoolEndpoint.parse("ltc.pool.example:3333"), "LTC", new PoolTerms(1.0, PayoutScheme.PPS_PLUS));

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(NOW);
    private SqliteFarmStore store;

    @BeforeEach
    void farm() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        store.registry().saveSite(new Site("site", "Site", ZoneOffset.UTC));
        store.registry().saveRoom(new Room("hall-a", "site", "Hall A"));
        store.registry().saveRoom(new Room("hall-b", "site", "Hall B"));
        saveMiner(S19_A, "hall-a", "antminer-s19j-pro", 1);
        saveMiner(S19_B, "hall-b", "antminer-s19j-pro", 2);
        saveMiner(L7, "hall-b", "antminer-l7", 3);
        store.pools().savePool(BTC_POOL);
        store.pools().savePool(LTC_POOL);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void saveMiner(MinerId id, String room, String model, int slot) {
        store.registry().saveMiner(new Miner(id, "site", new RackPosition(room, "R1", 1, slot),
                new MinerAddress("127.0.0.1", 8000 + slot, 4028), model, "Vnish 1.2.7", Optional.empty()));
    }

    private static TelemetrySnapshot mining(MinerId id, Instant at, double ths, double watts, String pool) {
        return new TelemetrySnapshot(id, at, MinerStatus.MINING, ths, ths, List.of(), 70.0, 60.0, List.of(5000, 5000),
                60.0, watts, null, null, null, pool, 1000L, 2L, 0L, Duration.ofHours(30));
    }

    private void btcMarket(Instant at, String source) {
        store.market().append(List.of(new MarketSnapshot("BTC", at, source, BTC_PRICE, BTC_DIFFICULTY, null,
                BTC_SUBSIDY, BTC_FEES)));
    }

    private FarmProfitability profitability(ProfitSettings settings) {
        return new FarmProfitability(store, CoinCatalog.bundled(), MinerModelCatalog.bundled(), settings,
                MarketSettings.defaults().staleAfter(), clock);
    }

    private static double btcUsdPerDay(double ths, double poolFeePercent) {
        double blocks = ths * 1e12 * 86_400 / (BTC_DIFFICULTY * Math.pow(2, 32));
        return blocks * (BTC_SUBSIDY + BTC_FEES) * BTC_PRICE * (1 - poolFeePercent / 100);
    }

    @Test
    void theNextDayIsPricedFromEachMinersLatestReadingItsPoolTheMarketAndTheActiveTariff() {
        store.telemetry().ingest(List.of(mining(S19_A, NOW, 100, 3000, "stratum+tcp://btc.pool.example:3333"),
                mining(S19_B, NOW, 90, 2900, "stratum+tcp://btc.pool.example:3333")));
        btcMarket(NOW.minusSeconds(600), "manual");
        store.energy().saveTariff(Tariff.flat("Utility", "USD", ZoneOffset.UTC, 0.06));
        store.energy().activateTariff("Utility");

        FarmProfitReport report = profitability(ProfitSettings.defaults()).nextDay();

        MinerProfit a = report.profit().miners().stream().filter(m -> m.miner().equals(S19_A)).findFirst().orElseThrow();
        assertEquals(btcUsdPerDay(100, 2.0), a.revenue(), 1e-9);
        assertEquals(3.0 * 24 * 0.06, a.energyCost(), 1e-9);
        assertEquals(a.revenue() - a.energyCost(), a.profit(), 1e-9);
        assertEquals(30.0, a.efficiencyJPerTh(), 1e-9);
        double fleetRevenue = btcUsdPerDay(100, 2.0) + btcUsdPerDay(90, 2.0);
        assertEquals(fleetRevenue, report.profit().fleet().revenue(), 1e-9);
        assertEquals(btcUsdPerDay(90, 2.0), report.profit().rooms().get("hall-b").revenue(), 1e-9);
        assertEquals("BTC", report.coinOf().get(S19_B));
        assertEquals("no telemetry yet", report.notPriced().get(L7));
        assertEquals("USD", report.profit().currency());
    }

    @Test
    void aMinerOnAPoolTheFarmDoesNotKnowIsPricedAsTheAssumedCoinAndPoolAndTheReportSaysSo() {
        store.telemetry().ingest(List.of(mining(S19_A, NOW, 100, 3000, "stratum+tcp://elsewhere.example:3333")));
        btcMarket(NOW, "manual");

        FarmProfitReport report = profitability(ProfitSettings.defaults()).nextDay();

        MinerProfit a = report.profit().miners().getFirst();
        assertEquals(btcUsdPerDay(100, ProfitSettings.defaults().assumedPool().feePercent()), a.revenue(), 1e-9);
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("not in the farm's pool list")), report.notes()
                .toString());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("No electricity tariff is set")),
                report.notes().toString());
        assertEquals(3.0 * 24 * ProfitSettings.defaults().fallbackTariff().pricePerKwh(), a.energyCost(), 1e-9);
    }

    @Test
    void aCoinWithoutMarketDataLeavesItsMinersOutWithTheReasonAndPricesTheOthers() {
        store.telemetry().ingest(List.of(mining(S19_A, NOW, 100, 3000, "btc.pool.example:3333"),
                mining(L7, NOW, 0.0095, 3425, "stratum+tcp://ltc.pool.example:3333")));
        btcMarket(NOW, "manual");

        FarmProfitReport report = profitability(ProfitSettings.defaults()).nextDay();

        assertEquals(List.of(S19_A), report.profit().miners().stream().map(MinerProfit::miner).toList());
        assertTrue(report.notPriced().get(L7).contains("no market data for LTC"), report.notPriced().toString());
    }

    @Test
    void staleFiguresAndFiguresFilledInFromTheCoinsScheduleAreNamedInTheNotes() {
        store.telemetry().ingest(List.of(mining(S19_A, NOW, 100, 3000, "btc.pool.example:3333")));
        store.market().append(List.of(new MarketSnapshot("BTC", NOW.minus(Duration.ofHours(5)), "manual", BTC_PRICE,
                BTC_DIFFICULTY, null, null, null)));

        FarmProfitReport report = profitability(ProfitSettings.defaults()).nextDay();

        assertFalse(report.profit().miners().isEmpty());
        assertTrue(report.notes().contains("BTC price is 300 min old (stale)") || report.notes().stream()
                .anyMatch(n -> n.startsWith("BTC price is 5 h old")), report.notes().toString());
        assertTrue(report.notes().contains("BTC block subsidy taken from its halving schedule"));
        assertTrue(report.notes().contains("BTC transaction fees unknown, counted as 0"));
    }

    @Test
    void litecoinMinersEarnTheMergeMinedDogecoinToo() {
        store.telemetry().ingest(List.of(mining(L7, NOW, 0.0095, 3425, "ltc.pool.example:3333")));
        store.market().append(List.of(
                new MarketSnapshot("LTC", NOW, "manual", 80.0, 60e6, null, 6.25, 0.0),
                new MarketSnapshot("DOGE", NOW, "manual", 0.2, 20e6, null, 10_000.0, 0.0)));

        double withDoge = profitability(ProfitSettings.defaults()).nextDay().profit().miners().getFirst().revenue();

        double ltcBlocks = 0.0095e12 * 86_400 / (60e6 * Math.pow(2, 32));
        double dogeBlocks = 0.0095e12 * 86_400 / (20e6 * Math.pow(2, 32));
        double expected = (ltcBlocks * 6.25 * 80.0 + dogeBlocks * 10_000 * 0.2) * 0.99;
        assertEquals(expected, withDoge, expected * 1e-9);
    }

    @Test
    void aTariffInAnotherCurrencyNeedsAnExchangeRateAndThenRevenueIsConverted() {
        store.telemetry().ingest(List.of(mining(S19_A, NOW, 100, 3000, "btc.pool.example:3333")));
        btcMarket(NOW, "manual");
        store.energy().saveTariff(Tariff.flat("Stadtwerk", "EUR", ZoneOffset.UTC, 0.05));
        store.energy().activateTariff("Stadtwerk");

        FarmProfitReport noRate = profitability(ProfitSettings.defaults()).nextDay();
        ProfitSettings withRate = new ProfitSettings(ProfitSettings.defaults().assumedCoins(),
                ProfitSettings.defaults().assumedPool(), ProfitSettings.defaults().fallbackTariff(),
                Map.of("EUR", 0.9), true, Duration.ofHours(1), 7);
        MinerProfit converted = profitability(withRate).nextDay().profit().miners().getFirst();

        assertTrue(noRate.profit().miners().isEmpty());
        assertTrue(noRate.notPriced().get(S19_A).contains("exchange rate for EUR"));
        assertEquals(btcUsdPerDay(100, 2.0) * 0.9, converted.revenue(), 1e-9);
        assertEquals(btcUsdPerDay(100, 2.0), converted.revenueUsd(), 1e-9);
        assertEquals("EUR", profitability(withRate).nextDay().profit().currency());
    }

    @Test
    void theHistoryJobRecordsTheCompletedDaysBeforeTodayAndNotToday() {
        store.telemetry().ingest(List.of(mining(S19_A, NOW, 100, 3000, "btc.pool.example:3333")));
        btcMarket(NOW, "manual");
        clock.set(NOW.plus(Duration.ofDays(1)));

        LocalDate newest = ProfitHistoryJob.recordCompletedDays(profitability(ProfitSettings.defaults()), 2,
                ZoneOffset.UTC, clock);

        assertEquals(LocalDate.of(2026, 11, 25), newest);
        List<DailyProfit> history = store.profitHistory().history(S19_A, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30));
        assertEquals(List.of(LocalDate.of(2026, 11, 25)), history.stream().map(DailyProfit::day).toList(),
                "the 24th had no telemetry, the 26th is not over");
    }

    @Test
    void aPastDayIsPricedFromTheHourlyMeansAndRecordedInTheProfitHistory() {
        LocalDate day = LocalDate.of(2026, 11, 24);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        clock.set(start);
        List<TelemetrySnapshot> readings = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute += 10) {
            Instant at = start.plus(Duration.ofMinutes(minute));
            // 110 TH/s in the morning, 90 TH/s in the afternoon: 100 TH/s on average
            double ths = minute < 12 * 60 ? 110 : 90;
            readings.add(mining(S19_A, at, ths, 3000, "btc.pool.example:3333"));
        }
        for (TelemetrySnapshot reading : readings) {
            clock.set(reading.takenAt());
            store.telemetry().ingest(List.of(reading));
        }
        btcMarket(start.plus(Duration.ofHours(6)), "csv:history.csv");
        clock.set(NOW);

        FarmProfitReport report = profitability(ProfitSettings.defaults()).recordDay(day);

        List<DailyProfit> history = store.profitHistory().history(S19_A, day, day);
        assertEquals(1, history.size());
        assertEquals(100, history.getFirst().hashrateThs(), 1e-9);
        assertEquals(btcUsdPerDay(100, 2.0), history.getFirst().revenue(), 1e-6);
        assertEquals(report.profit().miners().getFirst().profit(), history.getFirst().profit(), 1e-9);
        assertEquals("no telemetry that day", report.notPriced().get(S19_B));
    }
}
