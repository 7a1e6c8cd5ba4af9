package io.hashdesk.app.market;

import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.market.MarketStaleness;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.core.profit.CoinQuote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the screen's whole picture from the store in one go, off the FX thread: every coin's latest figures and
 * quote, the active tariff's next 24 hours, and the providers' outcomes.
 */
final class MarketReader {

    /** The market series' step when none is stored yet: an empty series only makes every hour a fallback hour. */
    private static final Duration EMPTY_SERIES_STEP = Duration.ofHours(1);
    private static final Duration LOOK_AHEAD = Duration.ofHours(26);

    private final MarketStore market;
    private final EnergyStore energy;
    private final CoinCatalog coins;
    private final MarketStaleness staleness;
    private final Supplier<List<ProviderStatus>> providers;
    private final int cheapWindowHours;
    private final Clock clock;

    MarketReader(MarketStore market, EnergyStore energy, CoinCatalog coins, MarketStaleness staleness,
                 Supplier<List<ProviderStatus>> providers, int cheapWindowHours, Clock clock) {
        this.market = market;
        this.energy = energy;
        this.coins = coins;
        this.staleness = staleness;
        this.providers = providers;
        this.cheapWindowHours = cheapWindowHours;
        this.clock = clock;
    }

    MarketPicture read() {
        Instant now = clock.instant();
        Map<String, CoinMarket> latest = market.latest().stream()
                .collect(Collectors.toMap(CoinMarket::coin, Function.identity()));
        List<MarketPicture.CoinLine> lines = coins.all().stream().map(coin -> line(coin, latest, now)).toList();
        Optional<Tariff> active = energy.activeTariff();
        Optional<MarketPicture.EnergyOutlook> outlook = Optional.empty();
        String problem = "No electricity tariff is active yet: enter one below so profit uses your real price.";
        if (active.isPresent()) {
            try {
                ElectricityPrices prices = prices(active.get(), now);
                var hours = prices.hourlyPrices();
                outlook = Optional.of(new MarketPicture.EnergyOutlook(active.get(), hours,
                        prices.cheapestWindow(Math.min(cheapWindowHours, hours.size()))));
                problem = "";
            } catch (IllegalArgumentException e) {
                problem = "Tariff '" + active.get().name() + "' cannot be priced: " + e.getMessage();
            }
        }
        return new MarketPicture(now, lines, outlook, problem, providers.get());
    }

    private MarketPicture.CoinLine line(Coin coin, Map<String, CoinMarket> latest, Instant now) {
        Optional<CoinMarket> figures = Optional.ofNullable(latest.get(coin.symbol()));
        return new MarketPicture.CoinLine(coin, figures, CoinQuote.of(coin, figures, now, staleness));
    }

    private ElectricityPrices prices(Tariff tariff, Instant now) {
        if (tariff.energy() instanceof MarketPrice marketPrice) {
            PriceSeries series = energy.priceSeries(marketPrice.seriesName(), now.minus(EMPTY_SERIES_STEP),
                    now.plus(LOOK_AHEAD)).orElseGet(() -> new PriceSeries(marketPrice.seriesName(), tariff.currency(),
                    EMPTY_SERIES_STEP, List.of()));
            return ElectricityPrices.withMarket(tariff, series, clock);
        }
        return ElectricityPrices.of(tariff, clock);
    }
}
