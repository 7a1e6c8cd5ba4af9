package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.profit.CoinQuote;
import io.hashdesk.core.profit.FarmProfitReport;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The farm's economics at evaluation time: the next 24 hours priced at the market figures and tariff in force, and
 * what the economic advisors need beyond that, all read from the store beforehand (see
 * {@link EconomicEvidenceSource}).
 *
 * @param nextDay           per-miner profit over the next 24 hours, with the quotes and notes it used
 * @param gatheredAt        when the evidence was read
 * @param siteZone          the site's time zone (plan times are shown in it)
 * @param currencyPerUsd    units of the tariff's currency per USD; {@code null} when no rate is set
 * @param prices            the tariff's price per schedule interval from {@code lookBack} before the current
 *                          interval to 24 hours after it, in time order
 * @param quotes            every coin with market figures, as of {@code gatheredAt}
 * @param marketHistory     each coin's recent snapshots, oldest first, for outlier checks
 * @param mergeMining       whether merge-mining pools pay the auxiliary coins too (profit settings)
 * @param coins             the coin catalog (algorithms, merge-mining companions)
 * @param pools             the farm's pool directory
 * @param poolPlans         each miner's planned pools
 * @param poolUsage         what each miner hashed on, per pool URL, over the measurement window
 * @param models            the miner model catalog's models
 * @param efficiencyTrends  each miner's measured J/TH and its trend over the trend window
 * @param notes             what was assumed or missing, one sentence each
 */
public record EconomicEvidence(FarmProfitReport nextDay, Instant gatheredAt, ZoneId siteZone, Double currencyPerUsd,
                               List<PriceInterval> prices, Map<String, CoinQuote> quotes,
                               Map<String, List<MarketSnapshot>> marketHistory, boolean mergeMining,
                               CoinCatalog coins, List<PoolDefinition> pools, Map<MinerId, MinerPoolPlan> poolPlans,
                               List<PoolUsage> poolUsage, List<MinerModel> models,
                               List<EfficiencyTrend> efficiencyTrends, List<String> notes) {

    public EconomicEvidence {
        Objects.requireNonNull(nextDay, "next day");
        Objects.requireNonNull(gatheredAt, "gathered at");
        Objects.requireNonNull(siteZone, "site zone");
        if (currencyPerUsd != null && !(currencyPerUsd > 0 && Double.isFinite(currencyPerUsd))) {
            throw new IllegalArgumentException("currencyPerUsd must be above 0 or null, got " + currencyPerUsd);
        }
        prices = List.copyOf(prices);
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i).start().isBefore(prices.get(i - 1).end())) {
                throw new IllegalArgumentException("price intervals must be in time order without overlap; the one at "
                        + prices.get(i).start() + " starts before the one at " + prices.get(i - 1).start() + " ends");
            }
        }
        quotes = Map.copyOf(quotes);
        marketHistory = Map.copyOf(marketHistory);
        Objects.requireNonNull(coins, "coins");
        pools = List.copyOf(pools);
        poolPlans = Map.copyOf(poolPlans);
        poolUsage = List.copyOf(poolUsage);
        models = List.copyOf(models);
        efficiencyTrends = List.copyOf(efficiencyTrends);
        notes = List.copyOf(notes);
    }

    /**
     * Only the next day's profit (no prices, market history, pools or trends): the economic advisors then have little
     * to go on and say so; the other advisors need no more.
     */
    public EconomicEvidence(FarmProfitReport nextDay) {
        this(nextDay, nextDay.profit().from(), ZoneOffset.UTC, impliedRate(nextDay), List.of(), nextDay.quotes(),
                Map.of(), true, CoinCatalog.bundled(), List.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** The exchange rate, if known. */
    public OptionalDouble rate() {
        return currencyPerUsd == null ? OptionalDouble.empty() : OptionalDouble.of(currencyPerUsd);
    }

    /** The price intervals from {@code now}'s interval on (the plan ahead). */
    public List<PriceInterval> pricesFrom(Instant now) {
        return prices.stream().filter(p -> p.end().isAfter(now)).toList();
    }

    public Optional<MinerModel> model(String modelId) {
        return models.stream().filter(m -> m.id().equals(modelId)).findFirst();
    }

    public Optional<PoolDefinition> pool(String poolId) {
        return pools.stream().filter(p -> p.id().equals(poolId)).findFirst();
    }

    /** The rate a priced miner's revenue implies (revenue in the tariff's currency over revenue in USD). */
    private static Double impliedRate(FarmProfitReport report) {
        return report.profit().miners().stream().filter(m -> m.revenueUsd() > 0)
                .map(m -> m.revenue() / m.revenueUsd()).findFirst().orElse(null);
    }
}
