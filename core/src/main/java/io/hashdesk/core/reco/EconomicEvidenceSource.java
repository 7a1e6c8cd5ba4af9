package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.PriceSegment;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.PriceSource;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.market.MarketStaleness;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.profit.CoinQuote;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FarmProfitability;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Gathers {@link EconomicEvidence} from the store, without any network: the next day's profit, the tariff's prices
 * per schedule interval around now, every coin's latest figures and recent history, the pools and each miner's plan,
 * what each miner hashed on per pool URL (5-minute rollups), and each miner's J/TH trend (hourly rollups, by day).
 */
public final class EconomicEvidenceSource {

    private static final Duration LOOK_AHEAD = Duration.ofHours(24);

    private final FarmStore store;
    private final CoinCatalog coins;
    private final MinerModelCatalog models;
    private final ProfitSettings profitSettings;
    private final MarketStaleness staleness;
    private final EconomicAdviceSettings settings;

    public EconomicEvidenceSource(FarmStore store, CoinCatalog coins, MinerModelCatalog models,
                                  ProfitSettings profitSettings, MarketStaleness staleness,
                                  EconomicAdviceSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.coins = Objects.requireNonNull(coins, "coins");
        this.models = Objects.requireNonNull(models, "models");
        this.profitSettings = Objects.requireNonNull(profitSettings, "profit settings");
        this.staleness = Objects.requireNonNull(staleness, "staleness");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The evidence as of {@code now}. */
    public EconomicEvidence gather(Instant now) {
        FarmProfitability profitability = new FarmProfitability(store, coins, models, profitSettings, staleness,
                Clock.fixed(now, ZoneOffset.UTC));
        FarmProfitReport nextDay = profitability.nextDay();
        ZoneId zone = profitability.siteZone();
        List<String> notes = new ArrayList<>();
        Tariff tariff = store.energy().activeTariff().orElseGet(() -> {
            notes.add(String.format(Locale.ROOT, "No electricity tariff is set: %.4f %s/kWh assumed for the plan",
                    profitSettings.fallbackTariff().pricePerKwh(), profitSettings.fallbackTariff().currency()));
            return Tariff.flat("Assumed flat price", profitSettings.fallbackTariff().currency(), zone,
                    profitSettings.fallbackTariff().pricePerKwh());
        });
        OptionalDouble rate = profitSettings.rate(tariff.currency());
        Map<String, CoinQuote> quotes = new TreeMap<>();
        Map<String, List<MarketSnapshot>> history = new TreeMap<>();
        for (Coin coin : coins.all()) {
            CoinQuote quote = CoinQuote.of(coin, store.market().latest(coin.symbol()), now, staleness);
            if (quote.economics().isPresent()) {
                quotes.put(coin.symbol(), quote);
            }
            List<MarketSnapshot> recent = store.market().history(coin.symbol(),
                    now.minus(settings.switching().marketHistory()), now.plusNanos(1));
            if (!recent.isEmpty()) {
                history.put(coin.symbol(), recent);
            }
        }
        Map<MinerId, MinerPoolPlan> plans = new HashMap<>();
        store.pools().plans().forEach(p -> plans.put(p.miner(), p));
        return new EconomicEvidence(nextDay, now, zone, rate.isPresent() ? rate.getAsDouble() : null,
                prices(tariff, zone, now), quotes, history, profitSettings.mergeMining(), coins,
                store.pools().pools(), plans, poolUsage(now), models.all(), trends(now, zone), notes);
    }

    /** The tariff per schedule interval from the look-back before the current interval to 24 h after its start. */
    List<PriceInterval> prices(Tariff tariff, ZoneId zone, Instant now) {
        Duration step = settings.schedule().interval();
        ZonedDateTime local = now.atZone(zone);
        long minuteOfDay = local.getHour() * 60L + local.getMinute();
        Instant start = local.toLocalDate().atStartOfDay(zone).plusMinutes(minuteOfDay - minuteOfDay
                % step.toMinutes()).toInstant();
        Instant from = start.minus(settings.schedule().lookBack());
        Instant to = start.plus(LOOK_AHEAD);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        ElectricityPrices prices = tariff.energy() instanceof MarketPrice market
                ? ElectricityPrices.withMarket(tariff, store.energy().priceSeries(market.seriesName(), from, to)
                .orElseGet(() -> new PriceSeries(market.seriesName(), tariff.currency(), step, List.of())), clock)
                : ElectricityPrices.of(tariff, clock);
        List<PriceSegment> segments = prices.period(from, to).segments();
        List<PriceInterval> out = new ArrayList<>();
        int index = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            Instant end = t.plus(step);
            double costPerKw = 0;
            PriceSource source = PriceSource.TARIFF;
            while (index < segments.size() && !segments.get(index).end().isAfter(t)) {
                index++;
            }
            for (int i = index; i < segments.size() && segments.get(i).start().isBefore(end); i++) {
                PriceSegment s = segments.get(i);
                Instant a = s.start().isAfter(t) ? s.start() : t;
                Instant b = s.end().isBefore(end) ? s.end() : end;
                costPerKw += s.pricePerKwh() * Duration.between(a, b).toMillis();
                source = s.source().compareTo(source) > 0 ? s.source() : source;
            }
            out.add(new PriceInterval(t, end, costPerKw / step.toMillis(), source));
        }
        return out;
    }

    /** What each miner hashed on per pool URL over the measurement window. */
    private List<PoolUsage> poolUsage(Instant now) {
        List<PoolUsage> out = new ArrayList<>();
        store.telemetry().forEachSeries(now.minus(settings.switching().poolMeasurementWindow()), now,
                Resolution.FIVE_MINUTES, (miner, points) -> {
                    Map<String, PoolUsage> byUrl = new TreeMap<>();
                    for (SeriesPoint p : points) {
                        if (p.poolUrl() == null || p.hashingSamples() == 0) {
                            continue;
                        }
                        PoolUsage before = byUrl.get(p.poolUrl());
                        byUrl.put(p.poolUrl(), before == null
                                ? new PoolUsage(miner, p.poolUrl(), 1, p.acceptedShares(), p.rejectedShares(),
                                p.start())
                                : new PoolUsage(miner, p.poolUrl(), before.buckets() + 1,
                                before.acceptedShares() + p.acceptedShares(),
                                before.rejectedShares() + p.rejectedShares(), p.start()));
                    }
                    out.addAll(byUrl.values());
                });
        return out;
    }

    /** Each miner's J/TH trend from its daily means (hours it hashed with both figures reported). */
    private List<EfficiencyTrend> trends(Instant now, ZoneId zone) {
        List<EfficiencyTrend> out = new ArrayList<>();
        int minDays = settings.upgrade().minTrendDays();
        store.telemetry().forEachSeries(now.minus(settings.upgrade().trendWindow()), now, Resolution.ONE_HOUR,
                (miner, points) -> {
                    Map<Long, double[]> days = new TreeMap<>();
                    for (SeriesPoint p : points) {
                        if (p.hashrateThs() != null && p.powerWatts() != null && p.hashrateThs().mean() > 0) {
                            double[] sums = days.computeIfAbsent(p.start().atZone(zone).toLocalDate().toEpochDay(),
                                    d -> new double[2]);
                            sums[0] += p.powerWatts().mean();
                            sums[1] += p.hashrateThs().mean();
                        }
                    }
                    List<EfficiencyTrend.DayMean> means = new ArrayList<>();
                    days.forEach((day, sums) -> means.add(new EfficiencyTrend.DayMean(day.intValue(),
                            sums[0] / sums[1])));
                    EfficiencyTrend.fit(miner, means, minDays).ifPresent(out::add);
                });
        return out;
    }
}
