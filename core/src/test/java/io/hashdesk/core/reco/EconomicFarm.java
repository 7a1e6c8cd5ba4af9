package io.hashdesk.core.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.energy.PriceSource;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolSlot;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.CoinQuote;
import io.hashdesk.core.profit.MinerProfit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the evidence the economic advisors read, by hand: miners with their next-day figures, hourly prices,
 * pools, plans, pool usage and market history. Money is in USD (rate 1) so figures can be checked by hand.
 */
final class EconomicFarm {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final List<MinerFacts> facts = new ArrayList<>();
    private final List<MinerProfit> profits = new ArrayList<>();
    private final Map<String, CoinQuote> quotes = new HashMap<>();
    private final Map<MinerId, String> coinOf = new HashMap<>();
    private final List<PriceInterval> prices = new ArrayList<>();
    private final List<PoolDefinition> pools = new ArrayList<>();
    private final Map<MinerId, MinerPoolPlan> plans = new HashMap<>();
    private final List<PoolUsage> usage = new ArrayList<>();
    private final Map<String, List<MarketSnapshot>> history = new HashMap<>();
    private final List<SettingProposal> proposals = new ArrayList<>();
    private final List<HashpriceOutlook> outlooks = new ArrayList<>();
    private final List<EfficiencyTrend> trends = new ArrayList<>();
    private double averagePrice = 0.05;

    /** A hashing miner earning {@code revenueUsdPerDay} at {@code ths} and {@code watts}. */
    EconomicFarm miner(String id, String room, String model, double ths, double watts, double revenueUsdPerDay,
                       String poolUrl) {
        return miner(id, room, model, ths, watts, revenueUsdPerDay, poolUrl, MinerStatus.MINING);
    }

    EconomicFarm miner(String id, String room, String model, double ths, double watts, double revenueUsdPerDay,
                       String poolUrl, MinerStatus status) {
        MinerId miner = MinerId.of(id);
        facts.add(new MinerFacts(new Miner(miner, "site", new RackPosition(room, "R1", 1, facts.size() + 1),
                new MinerAddress("127.0.0.1", 8000 + facts.size(), 4028), model, "Vnish 1.2.7", Optional.empty()),
                Optional.of(new TelemetrySnapshot(miner, NOW, status, ths, ths, List.of(), 70.0, 60.0, List.of(),
                        60.0, watts, null, null, null, poolUrl, 0L, 0L, 0L, Duration.ofHours(10)))));
        double kwh = watts / 1000 * 24;
        double cost = kwh * averagePrice;
        profits.add(new MinerProfit(miner, room, ths, watts, kwh, revenueUsdPerDay, revenueUsdPerDay, cost,
                revenueUsdPerDay - cost, revenueUsdPerDay / kwh, 0, watts / ths, cost / ths));
        coinOf.put(miner, "BTC");
        return this;
    }

    /** Energy cost of the next-day report for miners added after this call. */
    EconomicFarm averagePrice(double pricePerKwh) {
        this.averagePrice = pricePerKwh;
        return this;
    }

    /** Hourly prices starting at {@code start}. */
    EconomicFarm hourlyPrices(Instant start, double... perKwh) {
        for (int i = 0; i < perKwh.length; i++) {
            prices.add(new PriceInterval(start.plus(Duration.ofHours(i)), start.plus(Duration.ofHours(i + 1)),
                    perKwh[i], PriceSource.MARKET));
        }
        return this;
    }

    EconomicFarm pool(PoolDefinition pool) {
        pools.add(pool);
        return this;
    }

    EconomicFarm plan(String miner, String worker, String... poolIds) {
        List<PoolSlot> slots = new ArrayList<>();
        for (int i = 0; i < poolIds.length; i++) {
            slots.add(new PoolSlot(i, poolIds[i], worker));
        }
        plans.put(MinerId.of(miner), new MinerPoolPlan(MinerId.of(miner), slots));
        return this;
    }

    EconomicFarm usage(String miner, String url, int buckets, long accepted, long rejected, Instant lastSeen) {
        usage.add(new PoolUsage(MinerId.of(miner), url, buckets, accepted, rejected, lastSeen));
        return this;
    }

    EconomicFarm market(MarketSnapshot... snapshots) {
        for (MarketSnapshot s : snapshots) {
            history.computeIfAbsent(s.coin(), c -> new ArrayList<>()).add(s);
        }
        return this;
    }

    EconomicFarm proposal(SettingProposal proposal) {
        proposals.add(proposal);
        return this;
    }

    EconomicFarm outlook(HashpriceOutlook outlook) {
        outlooks.add(outlook);
        return this;
    }

    /** The market figures the next-day report priced {@code coin} at. */
    EconomicFarm quote(CoinQuote quote) {
        quotes.put(quote.coin(), quote);
        return this;
    }

    EconomicFarm trend(EfficiencyTrend trend) {
        trends.add(trend);
        return this;
    }

    FarmEvidence evidence() {
        FarmProfitReport report = new FarmProfitReport(FleetProfit.of(NOW, NOW.plus(Duration.ofDays(1)), "USD",
                profits), coinOf, Map.of(), Map.of(), List.of());
        Map<String, List<MarketSnapshot>> sortedHistory = new HashMap<>();
        history.forEach((coin, list) -> sortedHistory.put(coin, list.stream()
                .sorted((a, b) -> a.fetchedAt().compareTo(b.fetchedAt())).toList()));
        EconomicEvidence economics = new EconomicEvidence(report, NOW, ZoneOffset.UTC, 1.0, prices, quotes,
                sortedHistory, true, CoinCatalog.bundled(), pools, plans, usage, MinerModelCatalog.bundled().all(),
                trends, List.of());
        return new FarmEvidence(facts, proposals, List.of(), List.of(), List.of(), outlooks, economics);
    }
}
