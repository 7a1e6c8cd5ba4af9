package io.hashdesk.app.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.energy.HourBand;
import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.Season;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TimeOfUse;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.market.RefreshOutcome;
import io.hashdesk.core.profit.CoinQuote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketViewModelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:20:00Z");
    private static final CoinCatalog COINS = CoinCatalog.bundled();
    private final MarketSettings settings = MarketSettings.defaults();
    private final MarketViewModel viewModel = new MarketViewModel(settings.staleAfter(), ZoneOffset.UTC);

    @Test
    void eachFigureShowsItsAgeAndSourceAndOldPricesAreMarkedStale() {
        MarketSnapshot fresh = new MarketSnapshot("BTC", NOW.minus(Duration.ofMinutes(12)), "coingecko", 97_250.0,
                null, null, null, null);
        MarketSnapshot old = new MarketSnapshot("BTC", NOW.minus(Duration.ofHours(5)), MarketSnapshot.MANUAL, null,
                1.26e14, null, 3.125, 0.02);
        MarketSnapshot oldPrice = new MarketSnapshot("LTC", NOW.minus(Duration.ofHours(3)), "csv:prices.csv", 84.2,
                2.9e7, null, 6.25, null);

        viewModel.update(picture(List.of(CoinMarket.merge("BTC", List.of(fresh, old)),
                CoinMarket.merge("LTC", List.of(oldPrice))), Optional.empty(), List.of()));

        CoinRow btc = row("BTC");
        assertThat(btc.price()).isEqualTo(new FigureText("$97,250", "12 min ago · coingecko", false));
        assertThat(btc.difficulty()).isEqualTo(new FigureText("126 T", "5 h ago · typed in", false));
        assertThat(btc.blockReward().value()).isEqualTo("3.125 BTC");
        CoinRow ltc = row("LTC");
        assertThat(ltc.price().stale()).isTrue();
        assertThat(ltc.price().detail()).isEqualTo("stale · 3 h ago · CSV prices.csv");
        assertThat(ltc.notes()).contains("LTC price is 3 h old (stale)");
    }

    @Test
    void hashpriceIsPerPetahashForSha256AndPerGigahashForScrypt() {
        viewModel.update(picture(List.of(
                CoinMarket.merge("BTC", List.of(new MarketSnapshot("BTC", NOW, "demo", 100_000.0, 1.0e14, null, 3.125,
                        0.0))),
                CoinMarket.merge("LTC", List.of(new MarketSnapshot("LTC", NOW, "demo", 100.0, 3.0e7, null, 6.25,
                        0.0)))), Optional.empty(), List.of()));

        // 1 TH/s finds 1e12 × 86400 / (1e14 × 2^32) blocks a day, each worth 3.125 × 100,000 USD
        double btcPerTh = 1e12 * 86_400 / (1e14 * Math.pow(2, 32)) * 3.125 * 100_000;
        assertThat(row("BTC").hashprice().value()).isEqualTo(FigureFormat.usd(btcPerTh * 1000) + " /PH/day");
        double ltcPerGh = 1e9 * 86_400 / (3e7 * Math.pow(2, 32)) * 6.25 * 100;
        assertThat(row("LTC").hashprice().value()).isEqualTo(String.format(java.util.Locale.ROOT, "$%.4f /GH/day",
                ltcPerGh));
        assertThat(row("BTC").networkHashrate().value()).startsWith("≈ ");
        assertThat(row("BTC").networkHashrate().detail()).isEqualTo("from difficulty");
    }

    @Test
    void aCoinWithoutFiguresSaysSoInsteadOfShowingZero() {
        viewModel.update(picture(List.of(), Optional.empty(), List.of()));

        CoinRow bch = row("BCH");
        assertThat(bch.price()).isEqualTo(FigureText.missing("no source yet"));
        assertThat(bch.hashprice().value()).isEqualTo("—");
        assertThat(viewModel.coins()).extracting(CoinRow::symbol).containsExactly("BTC", "BCH", "BSV", "LTC", "DOGE");
    }

    @Test
    void theStripRunsFromTheCurrentHourColouredCheapToDearWithTheCheapestWindowMarked() {
        Tariff tariff = new Tariff("Night saver", "EUR", ZoneOffset.UTC, TimeOfUse.of(List.of(Season.everyDay("all",
                MonthDay.of(1, 1), MonthDay.of(12, 31), List.of(
                        new HourBand("night", LocalTime.of(0, 0), LocalTime.of(6, 0), 0.05),
                        new HourBand("day", LocalTime.of(6, 0), LocalTime.of(18, 0), 0.15),
                        new HourBand("peak", LocalTime.of(18, 0), LocalTime.of(0, 0), 0.30))))), List.of());
        ElectricityPrices prices = ElectricityPrices.of(tariff, Clock.fixed(NOW, ZoneOffset.UTC));

        viewModel.update(picture(List.of(), Optional.of(new MarketPicture.EnergyOutlook(tariff, prices.hourlyPrices(),
                prices.cheapestWindow(4))), List.of()));

        List<StripHour> strip = viewModel.strip();
        assertThat(strip).hasSize(24);
        assertThat(strip.getFirst().label()).isEqualTo("12");
        assertThat(strip.getFirst().now()).isTrue();
        assertThat(strip.stream().filter(StripHour::now)).hasSize(1);
        assertThat(strip.get(6).level()).isEqualTo(StripHour.LEVELS - 1); // 18:00, peak
        assertThat(strip.get(12).level()).isZero(); // 00:00, night
        assertThat(strip.stream().filter(StripHour::cheapWindow).map(StripHour::label))
                .containsExactly("00", "01", "02", "03");
        assertThat(viewModel.cheapestWindowProperty().get()).isEqualTo(
                "Cheapest 4 hours: 2 May 00:00–04:00 at 0.0500 EUR/kWh on average");
        assertThat(viewModel.tariffDetailsProperty().get()).isEqualTo(
                "Time of use · EUR · zone Z · now 0.1500 EUR/kWh");
    }

    @Test
    void aFlatPriceHasNoCheapestWindowToPointAt() {
        Tariff flat = Tariff.flat("Grid", "USD", ZoneOffset.UTC, 0.07);
        ElectricityPrices prices = ElectricityPrices.of(flat, Clock.fixed(NOW, ZoneOffset.UTC));
        viewModel.update(picture(List.of(), Optional.of(new MarketPicture.EnergyOutlook(flat, prices.hourlyPrices(),
                prices.cheapestWindow(4))), List.of()));

        assertThat(viewModel.strip()).noneMatch(StripHour::cheapWindow);
        assertThat(viewModel.cheapestWindowProperty().get()).contains("same every hour");
    }

    @Test
    void withoutATariffTheScreenSaysWhatToDo() {
        viewModel.update(new MarketPicture(NOW, List.of(), Optional.empty(), "No electricity tariff is active yet.",
                List.of()));
        assertThat(viewModel.tariffNameProperty().get()).isEqualTo("No tariff in use");
        assertThat(viewModel.tariffDetailsProperty().get()).isEqualTo("No electricity tariff is active yet.");
        assertThat(viewModel.strip()).isEmpty();
    }

    @Test
    void aProviderKeepsItsLastFailureMessageAfterALaterSkip() {
        ProviderOutcomes outcomes = new ProviderOutcomes(List.of(provider("CoinGecko", true),
                provider("WhatToMine", false)));
        outcomes.accept(new RefreshOutcome.Updated("CoinGecko", NOW.minusSeconds(1800), "CoinGecko: 5 prices",
                List.of()));
        outcomes.accept(new RefreshOutcome.Failed("CoinGecko", NOW.minusSeconds(600), RefreshOutcome.Kind.RATE_LIMITED,
                "CoinGecko: HTTP 429, retrying after 60 s", Optional.empty()));
        outcomes.accept(new RefreshOutcome.Skipped("CoinGecko", NOW.minusSeconds(60), "CoinGecko: asked too recently"));

        viewModel.update(picture(List.of(), Optional.empty(), outcomes.statuses()));

        assertThat(viewModel.providers()).containsExactly(
                new ProviderRow("CoinGecko", "On · CoinGecko: asked too recently", "30 min ago",
                        "10 min ago: CoinGecko: HTTP 429, retrying after 60 s", false),
                new ProviderRow("WhatToMine", "Off (turn it on in market-settings.json)", "never", "", false));
    }

    private static io.hashdesk.core.market.MarketProvider provider(String name, boolean enabled) {
        return new io.hashdesk.core.market.MarketProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration refreshInterval() {
                return Duration.ofMinutes(10);
            }

            @Override
            public RefreshOutcome refresh() {
                throw new UnsupportedOperationException("not asked in this test");
            }
        };
    }

    private MarketPicture picture(List<CoinMarket> markets, Optional<MarketPicture.EnergyOutlook> energy,
                                  List<ProviderStatus> providers) {
        List<MarketPicture.CoinLine> lines = COINS.all().stream().map(coin -> line(coin, markets)).toList();
        return new MarketPicture(NOW, lines, energy, energy.isPresent() ? "" : "no tariff", providers);
    }

    private MarketPicture.CoinLine line(Coin coin, List<CoinMarket> markets) {
        Optional<CoinMarket> market = markets.stream().filter(m -> m.coin().equals(coin.symbol())).findFirst();
        return new MarketPicture.CoinLine(coin, market, CoinQuote.of(coin, market, NOW, settings.staleAfter()));
    }

    private CoinRow row(String symbol) {
        return viewModel.coins().stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElseThrow();
    }
}
