package io.hashdesk.core.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.HourPrice;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.profit.CoinEconomics;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.profit.RevenueTerms;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The farm's recent history hour by hour, read from the store once per window and kept compact (arrays, not series
 * points) so that any number of policies replay over it in memory: each miner's mean hashrate and power and the coin
 * and terms of its pool, the tariff's price, and each coin's net revenue per TH/s as of each hour.
 */
final class ReplayWeek {

    /** How far before the window market figures are still taken as the last known ones. */
    private static final Duration MARKET_LOOKBACK = Duration.ofDays(30);

    final Instant from;
    final int hours;
    final double[] pricePerKwh;
    final String currency;
    final OptionalDouble currencyPerUsd;
    final Map<MinerId, MinerWeek> miners = new HashMap<>();
    private final Map<String, CoinEconomics[]> economics = new HashMap<>();
    private final Map<RevenueKey, double[]> netUsdPerThPerDay = new HashMap<>();
    private final CoinCatalog coins;
    private final boolean mergeMining;

    /** One miner's hours: hashrate and power ({@code NaN} when no data), and the coin and terms it earned under. */
    record MinerWeek(double[] hashrateThs, double[] powerWatts, String[] coin, PoolTerms[] terms) {
    }

    private record RevenueKey(String coin, PoolTerms terms) {
    }

    ReplayWeek(FarmStore store, CoinCatalog coins, MinerModelCatalog models, ProfitSettings settings, Instant from,
               Instant to) {
        this.from = from;
        this.hours = (int) Duration.between(from, to).toHours();
        this.coins = coins;
        this.mergeMining = settings.mergeMining();
        Tariff tariff = store.energy().activeTariff().orElseGet(() -> Tariff.flat("Assumed flat price",
                settings.fallbackTariff().currency(), ZoneOffset.UTC, settings.fallbackTariff().pricePerKwh()));
        this.currency = tariff.currency();
        this.currencyPerUsd = settings.rate(currency);
        this.pricePerKwh = hourlyPrices(store, tariff, from, to);
        PoolDirectory directory = new PoolDirectory(store.pools().pools());
        Map<MinerId, Miner> registered = new HashMap<>();
        store.registry().miners().forEach(m -> registered.put(m.id(), m));
        store.telemetry().forEachSeries(from, to, Resolution.ONE_HOUR, (id, points) -> {
            Miner miner = registered.get(id);
            Optional<MinerModel> model = miner == null ? Optional.empty() : models.byId(miner.modelId());
            if (model.isPresent()) {
                miners.put(id, minerWeek(points, model.get(), directory, settings));
            }
        });
        for (Coin coin : coins.all()) {
            economics.put(coin.symbol(), hourlyEconomics(coin, store.market().history(coin.symbol(),
                    from.minus(MARKET_LOOKBACK), to)));
        }
    }

    private double[] hourlyPrices(FarmStore store, Tariff tariff, Instant from, Instant to) {
        Clock clock = Clock.fixed(to, ZoneOffset.UTC);
        ElectricityPrices prices = tariff.energy() instanceof MarketPrice market
                ? ElectricityPrices.withMarket(tariff, store.energy().priceSeries(market.seriesName(), from, to)
                .orElseGet(() -> new PriceSeries(market.seriesName(), tariff.currency(), Duration.ofHours(1),
                        List.of())), clock)
                : ElectricityPrices.of(tariff, clock);
        List<HourPrice> hourly = prices.period(from, to).hourly();
        double[] out = new double[hours];
        for (int i = 0; i < hours; i++) {
            out[i] = hourly.get(i).pricePerKwh();
        }
        return out;
    }

    private MinerWeek minerWeek(List<SeriesPoint> points, MinerModel model, PoolDirectory directory,
                                ProfitSettings settings) {
        double[] ths = new double[hours];
        double[] watts = new double[hours];
        Arrays.fill(ths, Double.NaN);
        Arrays.fill(watts, Double.NaN);
        String[] coin = new String[hours];
        PoolTerms[] terms = new PoolTerms[hours];
        for (SeriesPoint p : points) {
            int i = (int) Duration.between(from, p.start()).toHours();
            if (i < 0 || i >= hours || p.hashrateThs() == null || p.powerWatts() == null) {
                continue;
            }
            ths[i] = p.hashrateThs().mean();
            watts[i] = p.powerWatts().mean();
            Optional<PoolDefinition> pool = directory.byUrl(p.poolUrl());
            coin[i] = pool.map(PoolDefinition::coin).orElse(settings.assumedCoins().get(model.algorithm()));
            terms[i] = pool.map(PoolDefinition::terms).orElse(settings.assumedPool());
        }
        return new MinerWeek(ths, watts, coin, terms);
    }

    /** Each hour's economics from the newest figure of each field fetched before the hour ended. */
    private CoinEconomics[] hourlyEconomics(Coin coin, List<MarketSnapshot> history) {
        CoinEconomics[] out = new CoinEconomics[hours];
        NewestMarketFigures newest = new NewestMarketFigures();
        int next = 0;
        for (int i = 0; i < hours; i++) {
            Instant hourEnd = from.plus(Duration.ofHours(i + 1));
            while (next < history.size() && history.get(next).fetchedAt().isBefore(hourEnd)) {
                newest.take(history.get(next++));
            }
            out[i] = newest.economicsOf(coin, hourEnd).orElse(null);
        }
        return out;
    }

    /** What 1 TH/s earned per day in {@code hour} on {@code coin} under {@code terms}, USD; {@code NaN} if unknown. */
    double netUsdPerThPerDay(String coin, PoolTerms terms, int hour) {
        if (coin == null || terms == null) {
            return Double.NaN;
        }
        return netUsdPerThPerDay.computeIfAbsent(new RevenueKey(coin, terms), this::revenueSeries)[hour];
    }

    private double[] revenueSeries(RevenueKey key) {
        double[] out = new double[hours];
        CoinEconomics[] main = economics.get(key.coin());
        List<Coin> auxiliaries = mergeMining && coins.bySymbol(key.coin()).isPresent()
                ? coins.mergeMinedWith(key.coin()) : List.of();
        for (int i = 0; i < hours; i++) {
            if (main == null || main[i] == null) {
                out[i] = Double.NaN;
                continue;
            }
            final int hour = i;
            Optional<CoinEconomics> aux = auxiliaries.stream().map(c -> economics.get(c.symbol()))
                    .filter(e -> e != null && e[hour] != null).map(e -> e[hour]).findFirst();
            out[i] = new RevenueTerms(main[i], key.terms(), aux).usdPerDay(1);
        }
        return out;
    }
}
