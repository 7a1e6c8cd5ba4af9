package io.hashdesk.core.profit;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.energy.PricedPeriod;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.market.MarketStaleness;
import io.hashdesk.core.pool.CurrentPool;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Profit per miner, room and fleet from the farm's own data: each miner's hashrate and power from the store, the
 * coin and terms of the pool it reports, the latest market figures of that coin (live, cached or entered by hand —
 * the store does not care), and the electricity tariff in force hour by hour. Nothing here touches the network.
 *
 * <p>{@link #nextDay()} projects the current state over the next 24 hours; {@link #day} prices a past day from the
 * hourly rollups, and {@link #recordDay} stores that in the profit history.
 */
public final class FarmProfitability {

    /** How far back a past day looks for its market figures when none were fetched that day. */
    private static final Duration MARKET_LOOKBACK = Duration.ofDays(30);

    private final FarmStore store;
    private final CoinCatalog coins;
    private final MinerModelCatalog models;
    private final ProfitSettings settings;
    private final MarketStaleness staleness;
    private final Clock clock;

    public FarmProfitability(FarmStore store, CoinCatalog coins, MinerModelCatalog models, ProfitSettings settings,
                             MarketStaleness staleness, Clock clock) {
        this.store = store;
        this.coins = coins;
        this.models = models;
        this.settings = settings;
        this.staleness = staleness;
        this.clock = clock;
    }

    /** The next 24 hours if every miner keeps its latest hashrate and power. */
    public FarmProfitReport nextDay() {
        Instant now = clock.instant();
        Map<MinerId, TelemetrySnapshot> latest = store.telemetry().latest();
        Map<MinerId, Steady> steady = new HashMap<>();
        Map<MinerId, String> poolUrls = new HashMap<>();
        latest.forEach((id, s) -> {
            steady.put(id, new Steady(orZero(s.hashrateThs()), orZero(s.powerWatts())));
            poolUrls.put(id, s.poolUrl());
        });
        return price(now, now.plus(Duration.ofDays(1)), now, steady, poolUrls, coin -> store.market().latest(coin),
                "no telemetry yet");
    }

    /** A past (or the current) day in the site's time zone, from each miner's hourly means. */
    public FarmProfitReport day(LocalDate day) {
        ZoneId zone = siteZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<MinerId, Steady> steady = new HashMap<>();
        Map<MinerId, String> poolUrls = new HashMap<>();
        for (Miner miner : store.registry().miners()) {
            List<SeriesPoint> hours = store.telemetry().series(miner.id(), from, to, Resolution.ONE_HOUR);
            dayMeans(hours).ifPresent(means -> steady.put(miner.id(), means));
            hours.stream().map(SeriesPoint::poolUrl).filter(u -> u != null).reduce((a, b) -> b)
                    .ifPresent(url -> poolUrls.put(miner.id(), url));
        }
        return price(from, to, to, steady, poolUrls, coin -> Optional.of(CoinMarket.merge(coin,
                store.market().history(coin, to.minus(MARKET_LOOKBACK), to))).filter(m -> !m.figures().isEmpty()),
                "no telemetry that day");
    }

    /** Prices a day and keeps it in the profit history (again for a day already recorded: it is replaced). */
    public FarmProfitReport recordDay(LocalDate day) {
        FarmProfitReport report = day(day);
        store.profitHistory().recordDay(day, report.profit());
        return report;
    }

    /**
     * @param marketAt when the market figures are judged (stale or not) and the subsidy estimated: now for a
     *                 projection, the end of a past day
     */
    private FarmProfitReport price(Instant from, Instant to, Instant marketAt, Map<MinerId, Steady> steady,
                                   Map<MinerId, String> poolUrls, Function<String, Optional<CoinMarket>> marketOf,
                                   String noDataReason) {
        List<String> notes = new ArrayList<>();
        PricesInForce prices = PricesInForce.resolve(store.energy(), settings, siteZone(), from, to, clock);
        prices.note().ifPresent(notes::add);
        String currency = prices.prices().tariff().currency();
        OptionalDouble rate = settings.rate(currency);
        Map<MinerId, String> notPriced = new TreeMap<>();
        Map<MinerId, String> coinOf = new HashMap<>();
        Map<String, CoinQuote> quotes = new TreeMap<>();
        List<MinerProfit> priced = new ArrayList<>();
        if (rate.isEmpty()) {
            notes.add("No exchange rate for " + currency + " per USD is set (currencyPerUsd in profit settings);"
                    + " no profit can be computed");
        }
        PoolDirectory pools = new PoolDirectory(store.pools().pools());
        PricedPeriod period = prices.prices().period(from, to);
        Map<RevenueKey, ProfitCalculator> calculators = new LinkedHashMap<>();
        int assumedPool = 0;
        for (Miner miner : store.registry().miners()) {
            Optional<MinerModel> model = models.byId(miner.modelId());
            Steady figures = steady.get(miner.id());
            if (figures == null) {
                notPriced.put(miner.id(), noDataReason);
                continue;
            }
            if (model.isEmpty()) {
                notPriced.put(miner.id(), "model '" + miner.modelId() + "' is not in the model catalog");
                continue;
            }
            CurrentPool current = new CurrentPool(miner.id(), poolUrls.get(miner.id()),
                    pools.byUrl(poolUrls.get(miner.id())));
            Optional<PoolDefinition> pool = current.pool();
            String coin = pool.map(PoolDefinition::coin).orElse(settings.assumedCoins().get(model.get().algorithm()));
            if (coin == null) {
                notPriced.put(miner.id(), "no coin is assumed for " + model.get().algorithm().displayName());
                continue;
            }
            PoolTerms terms = pool.map(PoolDefinition::terms).orElse(settings.assumedPool());
            assumedPool += pool.isEmpty() ? 1 : 0;
            CoinQuote quote = quotes.computeIfAbsent(coin, c -> quote(c, marketOf, marketAt));
            if (quote.economics().isEmpty()) {
                notPriced.put(miner.id(), quote.missing());
                continue;
            }
            if (quote.economics().get().algorithm() != model.get().algorithm()) {
                notPriced.put(miner.id(), "its pool pays " + coin + ", which a " + model.get().name() + " cannot mine");
                continue;
            }
            if (rate.isEmpty()) {
                notPriced.put(miner.id(), "no exchange rate for " + currency);
                continue;
            }
            ProfitCalculator calculator = calculators.computeIfAbsent(new RevenueKey(coin, terms),
                    key -> new ProfitCalculator(revenueTerms(key, quotes, marketOf, marketAt), rate.getAsDouble()));
            priced.add(calculator.profit(new MinerInput(miner.id(), miner.position().roomId(), figures.hashrateThs(),
                    figures.powerWatts()), period));
            coinOf.put(miner.id(), coin);
        }
        if (assumedPool > 0) {
            notes.add(String.format(Locale.ROOT, "%d miner(s) report a pool that is not in the farm's pool list:"
                    + " their coin is assumed by algorithm and their pool terms as %.1f %% %s", assumedPool,
                    settings.assumedPool().feePercent(), settings.assumedPool().scheme()));
        }
        quotes.values().forEach(q -> notes.addAll(q.notes()));
        return new FarmProfitReport(FleetProfit.of(from, to, currency, priced), coinOf, notPriced, quotes, notes);
    }

    private RevenueTerms revenueTerms(RevenueKey key, Map<String, CoinQuote> quotes,
                                      Function<String, Optional<CoinMarket>> marketOf, Instant at) {
        CoinEconomics main = quotes.get(key.coin()).economics().orElseThrow();
        if (!settings.mergeMining()) {
            return RevenueTerms.of(main, key.terms());
        }
        Optional<CoinEconomics> auxiliary = coins.mergeMinedWith(key.coin()).stream()
                .map(aux -> quotes.computeIfAbsent(aux.symbol(), c -> quote(c, marketOf, at)))
                .flatMap(q -> q.economics().stream()).findFirst();
        return new RevenueTerms(main, key.terms(), auxiliary);
    }

    private CoinQuote quote(String coin, Function<String, Optional<CoinMarket>> marketOf, Instant at) {
        Optional<Coin> known = coins.bySymbol(coin);
        if (known.isEmpty()) {
            return new CoinQuote(coin, Optional.empty(), coin + " is not in the coin catalog", List.of());
        }
        return CoinQuote.of(known.get(), marketOf.apply(known.get().symbol()), at, staleness);
    }

    /** The time zone days are counted in: the first site's, else UTC. */
    public ZoneId siteZone() {
        return store.registry().sites().stream().findFirst().<ZoneId>map(s -> s.timeZone()).orElse(ZoneOffset.UTC);
    }

    /**
     * A day's mean hashrate and power over the hours that have data (hours in which Hashdesk was not running are
     * left out rather than counted as zero); empty when no hour has any.
     */
    private static Optional<Steady> dayMeans(List<SeriesPoint> hours) {
        double hashrate = 0;
        double power = 0;
        int withHashrate = 0;
        int withPower = 0;
        for (SeriesPoint hour : hours) {
            if (hour.hashrateThs() != null) {
                hashrate += hour.hashrateThs().mean();
                withHashrate++;
            }
            if (hour.powerWatts() != null) {
                power += hour.powerWatts().mean();
                withPower++;
            }
        }
        if (withHashrate == 0 && withPower == 0) {
            return Optional.empty();
        }
        return Optional.of(new Steady(withHashrate == 0 ? 0 : hashrate / withHashrate,
                withPower == 0 ? 0 : power / withPower));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** What a miner hashes and draws over the period. */
    private record Steady(double hashrateThs, double powerWatts) {
    }

    /** Miners on the same coin with the same pool terms share one calculator. */
    private record RevenueKey(String coin, PoolTerms terms) {
    }
}
