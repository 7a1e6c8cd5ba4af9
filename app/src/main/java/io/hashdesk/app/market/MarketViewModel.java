package io.hashdesk.app.market;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.energy.HourPrice;
import io.hashdesk.core.energy.PriceSource;
import io.hashdesk.core.energy.PriceWindow;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.market.Figure;
import io.hashdesk.core.market.MarketField;
import io.hashdesk.core.market.MarketStaleness;
import io.hashdesk.core.market.RefreshOutcome;
import io.hashdesk.core.profit.CoinEconomics;
import io.hashdesk.core.profit.Hashprice;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Market &amp; energy screen shows, formatted from the latest {@link MarketPicture}: a row per coin with
 * each figure's age and source and stale ones flagged, the providers' last outcomes, and the active tariff's next
 * 24 hours as a strip from cheap to dear. Touches no node; call {@link #update} on the FX thread.
 */
final class MarketViewModel {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    private final MarketStaleness staleness;
    private final ZoneId displayZone;
    private final ObservableList<CoinRow> coins = FXCollections.observableArrayList();
    private final ObservableList<ProviderRow> providers = FXCollections.observableArrayList();
    private final ObservableList<StripHour> strip = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper(this, "freshness", "Reading market data…");
    private final ReadOnlyStringWrapper tariffName = new ReadOnlyStringWrapper(this, "tariffName", "");
    private final ReadOnlyStringWrapper tariffDetails = new ReadOnlyStringWrapper(this, "tariffDetails", "");
    private final ReadOnlyStringWrapper cheapestWindow = new ReadOnlyStringWrapper(this, "cheapestWindow", "");

    /** @param displayZone the zone times are shown in (the operator's) */
    MarketViewModel(MarketStaleness staleness, ZoneId displayZone) {
        this.staleness = staleness;
        this.displayZone = displayZone;
    }

    void update(MarketPicture picture) {
        coins.setAll(picture.coins().stream().map(line -> row(line, picture.at())).toList());
        providers.setAll(picture.providers().stream().map(p -> provider(p, picture.at())).toList());
        freshness.set("Read at " + CLOCK.format(picture.at().atZone(displayZone)) + " · figures older than their limit"
                + " are marked stale (price " + limit(MarketField.PRICE_USD) + ", difficulty "
                + limit(MarketField.NETWORK_DIFFICULTY) + ")");
        picture.energy().ifPresentOrElse(this::showEnergy, () -> {
            tariffName.set("No tariff in use");
            tariffDetails.set(picture.energyProblem());
            cheapestWindow.set("");
            strip.clear();
        });
    }

    private CoinRow row(MarketPicture.CoinLine line, Instant now) {
        Coin coin = line.coin();
        Optional<CoinMarket> market = line.market();
        Optional<CoinEconomics> economics = line.quote().economics();
        FigureText hashrate = figure(market, MarketField.NETWORK_HASHRATE_HPS, now, v -> FigureFormat.si(v, "H/s"))
                .orElseGet(() -> economics.map(e -> new FigureText("≈ " + FigureFormat.si(e.networkHashrateThs() * 1e12,
                        "H/s"), "from difficulty", false)).orElse(FigureText.missing("not known")));
        return new CoinRow(coin.symbol(), coin.symbol() + " · " + coin.name(), coin.algorithm().displayName(),
                figure(market, MarketField.PRICE_USD, now, FigureFormat::usd).orElse(missing()),
                figure(market, MarketField.NETWORK_DIFFICULTY, now, v -> FigureFormat.si(v, "")).orElse(missing()),
                hashrate,
                figure(market, MarketField.BLOCK_REWARD_COINS, now, v -> FigureFormat.coins(v, coin.symbol()))
                        .orElse(FigureText.missing("halving schedule")),
                figure(market, MarketField.FEES_PER_BLOCK_COINS, now, v -> FigureFormat.coins(v, coin.symbol()))
                        .orElse(FigureText.missing("counted as 0")),
                hashprice(coin, economics, line.quote().missing()),
                String.join("\n", line.quote().notes()));
    }

    private Optional<FigureText> figure(Optional<CoinMarket> market, MarketField field, Instant now,
                                        java.util.function.DoubleFunction<String> format) {
        return market.flatMap(m -> m.figure(field)).map(f -> figureText(f, field, now, format));
    }

    private FigureText figureText(Figure figure, MarketField field, Instant now,
                                  java.util.function.DoubleFunction<String> format) {
        boolean stale = figure.isStale(now, staleness.limit(field));
        String detail = FigureFormat.age(figure.age(now)) + " · " + FigureFormat.source(figure.source());
        return new FigureText(format.apply(figure.value()), stale ? "stale · " + detail : detail, stale);
    }

    private static FigureText missing() {
        return FigureText.missing("no source yet");
    }

    private static FigureText hashprice(Coin coin, Optional<CoinEconomics> economics, String missing) {
        if (economics.isEmpty()) {
            return FigureText.missing(missing == null ? "" : missing.startsWith("no market data") ? "no figures"
                    : missing);
        }
        Hashprice price = economics.get().hashprice();
        return coin.algorithm() == Algorithm.SHA256
                ? new FigureText(FigureFormat.usd(price.usdPerPhPerDay()) + " /PH/day", "per PH/s per day", false)
                : new FigureText(String.format(Locale.ROOT, "$%.4f /GH/day", price.usdPerGhPerDay()),
                        "per GH/s per day", false);
    }

    private ProviderRow provider(ProviderStatus status, Instant now) {
        String success = status.lastSuccess().map(at -> FigureFormat.age(Duration.between(at, now))).orElse("never");
        String failure = status.lastFailure().map(f -> FigureFormat.age(Duration.between(f.at(), now)) + ": "
                + f.message()).orElse("");
        String state = status.enabled() ? status.latest().filter(RefreshOutcome.Skipped.class::isInstance)
                .map(o -> "On · " + o.message()).orElse("On") : "Off (turn it on in market-settings.json)";
        return new ProviderRow(status.name(), state, success, failure, status.failingNow());
    }

    private void showEnergy(MarketPicture.EnergyOutlook outlook) {
        String currency = outlook.tariff().currency();
        ZoneId zone = outlook.tariff().zone();
        List<HourPrice> hours = outlook.hours();
        double min = hours.stream().mapToDouble(HourPrice::pricePerKwh).min().orElse(0);
        double max = hours.stream().mapToDouble(HourPrice::pricePerKwh).max().orElse(0);
        boolean varies = max > min;
        PriceWindow window = outlook.cheapest();
        List<StripHour> cells = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            HourPrice hour = hours.get(i);
            int level = varies ? (int) Math.round((hour.pricePerKwh() - min) / (max - min) * (StripHour.LEVELS - 1)) : 0;
            boolean inWindow = varies && !hour.start().isBefore(window.start()) && !hour.end().isAfter(window.end());
            cells.add(new StripHour(HOUR.format(hour.start().atZone(zone)),
                    String.format(Locale.ROOT, "%.3f", hour.pricePerKwh()), CLOCK.format(hour.start().atZone(zone))
                    + "–" + CLOCK.format(hour.end().atZone(zone)) + "  " + FigureFormat.perKwh(hour.pricePerKwh(), currency)
                    + source(hour.source()), level, i == 0, inWindow));
        }
        strip.setAll(cells);
        tariffName.set(outlook.tariff().name());
        String now = hours.isEmpty() ? "" : " · now " + FigureFormat.perKwh(hours.getFirst().pricePerKwh(), currency);
        tariffDetails.set(kind(outlook) + " · " + currency + " · zone " + zone.getId() + now);
        cheapestWindow.set(varies ? "Cheapest " + Duration.between(window.start(), window.end()).toHours()
                + " hours: " + DAY_CLOCK.format(window.start().atZone(zone)) + "–" + CLOCK.format(window.end().atZone(zone))
                + " at " + FigureFormat.perKwh(window.averagePricePerKwh(), currency) + " on average"
                : "The price is the same every hour of the next 24: no cheaper time to run.");
    }

    private static String kind(MarketPicture.EnergyOutlook outlook) {
        return switch (outlook.tariff().energy()) {
            case io.hashdesk.core.energy.FlatPrice flat -> "Flat price";
            case io.hashdesk.core.energy.TimeOfUse tou -> "Time of use";
            case io.hashdesk.core.energy.MarketPrice market -> "Market prices ('" + market.seriesName() + "')";
        };
    }

    private static String source(PriceSource source) {
        return switch (source) {
            case TARIFF -> "";
            case MARKET -> " (market)";
            case FALLBACK -> " (no market price: fallback)";
        };
    }

    private String limit(MarketField field) {
        Duration limit = staleness.limit(field);
        return limit.toHours() >= 48 ? limit.toDays() + " days" : limit.toHours() >= 1 ? limit.toHours() + " h"
                : limit.toMinutes() + " min";
    }

    ObservableList<CoinRow> coins() {
        return coins;
    }

    ObservableList<ProviderRow> providers() {
        return providers;
    }

    /** The 24 h price strip, the current hour first; empty when no tariff can be priced. */
    ObservableList<StripHour> strip() {
        return strip;
    }

    ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    ReadOnlyStringProperty tariffNameProperty() {
        return tariffName.getReadOnlyProperty();
    }

    /** Kind, currency, zone and the price now; or why no tariff is shown. */
    ReadOnlyStringProperty tariffDetailsProperty() {
        return tariffDetails.getReadOnlyProperty();
    }

    ReadOnlyStringProperty cheapestWindowProperty() {
        return cheapestWindow.getReadOnlyProperty();
    }
}
