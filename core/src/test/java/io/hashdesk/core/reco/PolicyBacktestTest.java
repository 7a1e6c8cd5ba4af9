package io.hashdesk.core.reco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.energy.FlatPrice;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.PricePoint;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.pool.PoolSlot;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if over a stored week that can be worked out by hand: one S19j Pro at 100 TH/s and 3,000 W on a BTC pool
 * (2 % FPPS) every hour but an 8-hour gap, BTC figures that do not move, and a market tariff at 0.30/kWh from 17:00
 * to 21:00 UTC and 0.05 otherwise.
 */
class PolicyBacktestTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Instant WEEK_START = NOW.minus(Duration.ofDays(7));
    static final MinerId MINER = MinerId.of("s19-1");
    static final int GAP_FROM_HOUR = 60;
    static final int GAP_HOURS = 8;
    private static final double DIFFICULTY = 150e12;
    private static final PoolTerms TERMS = new PoolTerms(2.0, PayoutScheme.FPPS);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(WEEK_START);
    private SqliteFarmStore store;

    /** USD a TH/s earns per hour at the stored BTC figures under 2 % FPPS, from first principles. */
    static double btcUsdPerThPerHour() {
        double blocksPerDay = 1e12 * 86_400 / (DIFFICULTY * Math.pow(2, 32));
        return blocksPerDay * (3.125 + 0.05) * 90_000 * 0.98 / 24;
    }

    static double priceAt(int hourOfWeek) {
        int hourOfDay = (12 + hourOfWeek) % 24;
        return hourOfDay >= 17 && hourOfDay < 21 ? 0.30 : 0.05;
    }

    static boolean inGap(int hour) {
        return hour >= GAP_FROM_HOUR && hour < GAP_FROM_HOUR + GAP_HOURS;
    }

    /** Stores the week described in the class comment. */
    static void storeWeek(SqliteFarmStore store, MutableClock clock) {
        store.registry().saveSite(new Site("site", "Site", ZoneOffset.UTC));
        store.registry().saveRoom(new Room("hall-a", "site", "Hall A"));
        store.registry().saveMiner(new Miner(MINER, "site", new RackPosition("hall-a", "R1", 1, 1),
                new MinerAddress("127.0.0.1", 8001, 4028), "antminer-s19j-pro", "Vnish 1.2.7", java.util.Optional.empty()));
        store.pools().savePool(new PoolDefinition("btc-pool", "BTC pool", PoolEndpoint.parse("btc.pool:3333"), "BTC",
                TERMS));
        store.pools().savePool(new PoolDefinition("bch-pool", "BCH pool", PoolEndpoint.parse("bch.pool:3333"), "BCH",
                TERMS));
        store.pools().savePlan(new MinerPoolPlan(MINER, List.of(new PoolSlot(0, "btc-pool", "farm.s19-1"))));
        store.market().append(List.of(new MarketSnapshot("BTC", WEEK_START.minus(Duration.ofDays(1)), "manual",
                90_000.0, DIFFICULTY, null, 3.125, 0.05)));
        List<PricePoint> points = new ArrayList<>();
        for (int h = 0; h < 7 * 24; h++) {
            points.add(new PricePoint(WEEK_START.plus(Duration.ofHours(h)), priceAt(h)));
        }
        store.energy().savePriceSeries(new PriceSeries("spot", "USD", Duration.ofHours(1), points));
        store.energy().saveTariff(new Tariff("Spot", "USD", ZoneOffset.UTC, new MarketPrice("spot", 0,
                new FlatPrice(0.05)), List.of()));
        store.energy().activateTariff("Spot");
        for (int h = 0; h < 7 * 24; h++) {
            if (inGap(h)) {
                continue;
            }
            Instant at = WEEK_START.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(30));
            clock.set(at);
            store.telemetry().ingest(List.of(new TelemetrySnapshot(MINER, at, MinerStatus.MINING, 100.0, 100.0,
                    List.of(), 70.0, 60.0, List.of(5000, 5000), 60.0, 3000.0, null, null, null,
                    "stratum+tcp://btc.pool:3333", 1000L * h, 10L * h, 0L, Duration.ofHours(h + 1))));
        }
        clock.set(NOW);
    }

    @BeforeEach
    void week() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        storeWeek(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PolicyBacktest backtest() {
        return new PolicyBacktest(store, CoinCatalog.bundled(), MinerModelCatalog.bundled(), ProfitSettings.defaults(),
                Duration.ofDays(7));
    }

    /** Sums over the hours with data of what {@code hourly} gives for revenue per TH and price. */
    private interface Hour {
        double profit(double usdPerThPerHour, double price);
    }

    private static double sum(Hour hour) {
        double total = 0;
        for (int h = 0; h < 7 * 24; h++) {
            if (!inGap(h)) {
                total += hour.profit(btcUsdPerThPerHour(), priceAt(h));
            }
        }
        return total;
    }

    @Test
    void curtailmentAboveAStrikeSkipsTheEveningPeakOfEveryDay() {
        Backtest result = backtest().replay(new ReplayPolicy.Curtailment(List.of(MINER), 0.20, 1, 1), NOW)
                .orElseThrow();

        double actual = sum((r, p) -> 100 * r - 3 * p);
        double policy = sum((r, p) -> p > 0.2 ? 0 : 100 * r - 3 * p);
        assertThat(result.from()).isEqualTo(WEEK_START);
        assertThat(result.to()).isEqualTo(NOW);
        assertThat(result.actualProfitUsd()).isCloseTo(actual, within(1e-6));
        assertThat(result.policyProfitUsd()).isCloseTo(policy, within(1e-6));
        assertThat(result.actualEnergyKwh()).isCloseTo(160 * 3.0, within(1e-9));
        assertThat(result.policyEnergyKwh()).isCloseTo((160 - 28) * 3.0, within(1e-9));
        assertThat(result.coverage()).isCloseTo(160.0 / 168, within(1e-12));
        assertThat(result.summary()).startsWith("Over the last 7 days (95 % of miner-hours with data) this policy"
                + " would have earned $");
    }

    @Test
    void curtailmentAtBreakEvenPausesOnlyWhereTheHourLosesMoney() {
        Backtest result = backtest().replay(new ReplayPolicy.Curtailment(List.of(MINER), null, 1, 1), NOW)
                .orElseThrow();

        double breakEven = 100 * btcUsdPerThPerHour() / 3;
        assertThat(result.policyProfitUsd()).isCloseTo(sum((r, p) -> p > breakEven ? 0 : 100 * r - 3 * p),
                within(1e-6));
        assertThat(result.gainUsd()).isPositive();
    }

    @Test
    void aPowerChangeIsAppliedToEveryHourTheMinerHashed() {
        Backtest result = backtest().replay(new ReplayPolicy.PowerChange(Map.of(MINER,
                new ReplayPolicy.Delta(-10, -600))), NOW).orElseThrow();

        assertThat(result.policyProfitUsd()).isCloseTo(sum((r, p) -> 90 * r - 2.4 * p), within(1e-6));
        assertThat(result.policyEnergyKwh()).isCloseTo(160 * 2.4, within(1e-9));
    }

    @Test
    void anotherCoinIsReplayedAtItsStoredFiguresLessTheSwitchingCost() {
        store.market().append(List.of(new MarketSnapshot("BCH", WEEK_START.minus(Duration.ofDays(1)), "manual",
                500.0, DIFFICULTY * 500 / 90_000 / 1.1, null, 3.175, 0.0)));

        Backtest result = backtest().replay(new ReplayPolicy.CoinSwitch(List.of(MINER), "BCH", TERMS, 5.0), NOW)
                .orElseThrow();

        assertThat(result.policyProfitUsd()).isCloseTo(sum((r, p) -> 110 * r - 3 * p) - 5.0, within(1e-6));
    }

    @Test
    void aCoinWithoutStoredFiguresHasNothingToReplay() {
        assertThat(backtest().replay(new ReplayPolicy.CoinSwitch(List.of(MINER), "BSV", TERMS, 0), NOW)).isEmpty();
    }

    @Test
    void theEvidenceSourceReadsPricesPoolUsageAndTheEfficiencyTrendFromTheStore() {
        EconomicEvidenceSource source = new EconomicEvidenceSource(store, CoinCatalog.bundled(),
                MinerModelCatalog.bundled(), ProfitSettings.defaults(), MarketSettings.defaults().staleAfter(),
                EconomicAdviceSettings.defaults());

        EconomicEvidence evidence = source.gather(NOW);

        assertThat(evidence.prices()).hasSize(48);
        assertThat(evidence.prices().get(24).start()).isEqualTo(NOW);
        assertThat(evidence.prices().get(5).pricePerKwh()).isEqualTo(0.30);
        assertThat(evidence.prices().get(5).source()).isEqualTo(io.hashdesk.core.energy.PriceSource.MARKET);
        // the stored series ends now: the hours ahead are priced by the tariff's fallback, and marked so
        assertThat(evidence.prices().get(24 + 5).pricePerKwh()).isEqualTo(0.05);
        assertThat(evidence.prices().get(24 + 5).source()).isEqualTo(io.hashdesk.core.energy.PriceSource.FALLBACK);
        assertThat(evidence.currencyPerUsd()).isEqualTo(1.0);
        assertThat(evidence.nextDay().profit().miners()).hasSize(1);
        assertThat(evidence.poolPlans()).containsKey(MINER);
        assertThat(evidence.poolUsage()).singleElement().satisfies(u -> {
            assertThat(u.poolUrl()).isEqualTo("stratum+tcp://btc.pool:3333");
            assertThat(u.buckets()).isEqualTo(24);
            assertThat((double) u.rejectedShares() / (u.acceptedShares() + u.rejectedShares()))
                    .isCloseTo(10.0 / 1010, within(1e-3));
        });
        assertThat(evidence.efficiencyTrends()).singleElement().satisfies(t -> {
            assertThat(t.measuredJPerTh()).isCloseTo(30.0, within(1e-9));
            assertThat(t.trendPercentPerYear()).isCloseTo(0.0, within(1e-9));
        });
        assertThat(evidence.marketHistory()).containsKey("BTC");
    }
}
