package io.hashdesk.ml.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HashpriceForecasterTest {

    private static final Coin BTC = CoinCatalog.bundled().require("BTC");
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final HashpriceForecaster.Options OPTIONS = HashpriceForecaster.Options.defaults();
    /** A day ahead, where the structured market's fee cycle and difficulty steps are there to learn. */
    private static final HashpriceForecaster.Options DAY_AHEAD = OPTIONS.withHorizons(List.of(Duration.ofDays(1)));
    private static List<MarketSnapshot> structuredHistory;
    private static HashpriceForecaster structured;
    private static List<MarketSnapshot> randomWalkHistory;
    private static HashpriceForecaster randomWalk;

    @BeforeAll
    static void fit() {
        structuredHistory = SyntheticMarketHistory.generate(BTC, START, 110,
                SyntheticMarketHistory.Settings.structured(), 3);
        structured = HashpriceForecaster.fit(BTC, structuredHistory, structuredHistory.getLast().fetchedAt(),
                DAY_AHEAD, TrainingProgress.NONE);
        randomWalkHistory = SyntheticMarketHistory.generate(BTC, START, 110,
                SyntheticMarketHistory.Settings.randomWalk(), 4);
        randomWalk = HashpriceForecaster.fit(BTC, randomWalkHistory, randomWalkHistory.getLast().fetchedAt(),
                OPTIONS, TrainingProgress.NONE);
    }

    @Test
    void forecastsWithTheModelWhereItBeatsTheNaiveForecast() {
        assertThat(structured.validation()).extracting(HorizonValidation::source)
                .containsOnly(ForecastSource.MODEL);
        Instant now = structuredHistory.getLast().fetchedAt();

        List<HashpriceForecast> forecasts = structured.forecast(structuredHistory, now);

        assertThat(forecasts).extracting(HashpriceForecast::horizon).containsExactly(Duration.ofDays(1));
        assertThat(forecasts).allSatisfy(f -> {
            assertThat(f.source()).isEqualTo(ForecastSource.MODEL);
            assertThat(f.expected()).isNotEqualTo(f.lastKnown());
            assertThat(f.low()).isLessThan(f.expected());
            assertThat(f.high()).isGreaterThan(f.expected());
            assertThat(f.reason()).startsWith("model beats the naive forecast");
            assertThat(f.feesIncluded()).isTrue();
        });
    }

    @Test
    void fallsBackToTheNaiveForecastWhereTheModelDoesNotBeatItAndSaysWhy() {
        Instant now = randomWalkHistory.getLast().fetchedAt();

        List<HashpriceForecast> forecasts = randomWalk.forecast(randomWalkHistory, now);

        assertThat(forecasts).allSatisfy(f -> {
            assertThat(f.source()).isEqualTo(ForecastSource.BASELINE);
            assertThat(f.expected()).isEqualTo(f.lastKnown());
            assertThat(f.reason()).startsWith("falls back to the naive forecast").contains("vs naive");
            assertThat(f.high() - f.low()).isPositive();
        });
        assertThat(randomWalk.validation()).extracting(HorizonValidation::source).containsOnly(ForecastSource.BASELINE);
    }

    @Test
    void aForecastIgnoresFiguresFetchedAfterItsTime() {
        Instant now = START.plus(Duration.ofDays(90));
        List<MarketSnapshot> knownThen = structuredHistory.stream().filter(s -> !s.fetchedAt().isAfter(now)).toList();

        assertThat(structured.forecast(structuredHistory, now)).isEqualTo(structured.forecast(knownThen, now));
    }

    @Test
    void refusesToForecastFromStaleFiguresNamingThem() {
        Instant now = structuredHistory.getLast().fetchedAt().plus(Duration.ofDays(2));

        assertThatThrownBy(() -> structured.forecast(structuredHistory, now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no hashprice for BTC")
                .hasMessageContaining("older than PT12H");
    }

    @Test
    void refusesAHistoryTooShortForWalkForwardValidation() {
        List<MarketSnapshot> month = structuredHistory.subList(0, 30 * 24);

        assertThatThrownBy(() -> HashpriceForecaster.fit(BTC, month, month.getLast().fetchedAt(), OPTIONS,
                TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs more history");
    }

    @Test
    void gridCarriesAFigureForwardOnlyWhileItIsFresh() {
        Instant t0 = Instant.parse("2026-02-02T00:00:00Z");
        List<MarketSnapshot> snapshots = List.of(
                new MarketSnapshot("BTC", t0, "manual", 90_000.0, 1.2e14, null, null, null),
                new MarketSnapshot("BTC", t0.plus(Duration.ofHours(20)), "manual", 95_000.0, null, null, null, null));

        MarketGrid grid = MarketGrid.of(BTC, snapshots, t0.plus(Duration.ofHours(24)), Duration.ofHours(3),
                Duration.ofHours(12));

        assertThat(grid.feesIncluded).as("no snapshot reports fees: hashprice is subsidy only").isFalse();
        assertThat(grid.hashprice[0]).isPositive();
        assertThat(grid.hashprice[4]).as("12 h after the only difficulty").isPositive();
        assertThat(grid.hashprice[5]).as("15 h after it: difficulty is stale").isNaN();
        assertThat(grid.priceUsd[8]).isEqualTo(95_000.0);
        assertThat(grid.subsidyCoins[0]).isEqualTo(BTC.estimatedSubsidyCoinsAt(t0));
    }

    @Test
    void refusesSnapshotsOutOfOrder() {
        Instant t0 = Instant.parse("2026-02-02T00:00:00Z");
        List<MarketSnapshot> snapshots = List.of(
                new MarketSnapshot("BTC", t0, "manual", 90_000.0, 1.2e14, null, null, null),
                new MarketSnapshot("BTC", t0.minusSeconds(60), "manual", 95_000.0, null, null, null, null));

        assertThatThrownBy(() -> MarketGrid.of(BTC, snapshots, t0, Duration.ofHours(3), Duration.ofHours(12)))
                .hasMessageContaining("market snapshot 1");
    }
}
