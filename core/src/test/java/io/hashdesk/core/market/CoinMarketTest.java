package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinMarketTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final MarketStaleness staleness = MarketSettings.defaults().staleAfter();

    @Test
    void eachFieldComesFromTheNewestSnapshotThatHasItWithItsOwnSourceAndTime() {
        MarketSnapshot wtm = new MarketSnapshot("BTC", T0, "whattomine", 90_000.0, 1.49e14, 1.07e21, 3.125, 0.019);
        MarketSnapshot gecko = new MarketSnapshot("BTC", T0.plusSeconds(3_000), "coingecko", 91_234.5, null, null,
                null, null);
        MarketSnapshot manual = new MarketSnapshot("BTC", T0.minusSeconds(86_400), "manual", 80_000.0, 1.2e14, null,
                null, null);

        CoinMarket btc = CoinMarket.merge("BTC", List.of(gecko, manual, wtm));

        assertThat(btc.priceUsd()).hasValue(new Figure(91_234.5, T0.plusSeconds(3_000), "coingecko"));
        assertThat(btc.networkDifficulty()).hasValue(new Figure(1.49e14, T0, "whattomine"));
        assertThat(btc.networkHashrateHps()).map(Figure::source).hasValue("whattomine");
        assertThat(btc.blockRewardCoins()).map(Figure::value).hasValue(3.125);
        assertThat(btc.feesPerBlockCoins()).map(Figure::value).hasValue(0.019);
    }

    @Test
    void snapshotsOfTheSameTimeAreToldApartBySourceWhateverTheirOrder() {
        MarketSnapshot gecko = new MarketSnapshot("LTC", T0, "coingecko", 84.0, null, null, null, null);
        MarketSnapshot manual = new MarketSnapshot("LTC", T0, "manual", 85.0, null, null, null, null);

        assertThat(CoinMarket.merge("LTC", List.of(gecko, manual)).priceUsd()).map(Figure::source).hasValue("manual");
        assertThat(CoinMarket.merge("LTC", List.of(manual, gecko)).priceUsd()).map(Figure::source).hasValue("manual");
    }

    @Test
    void ageAndStalenessArePerField() {
        CoinMarket btc = CoinMarket.merge("BTC", List.of(
                new MarketSnapshot("BTC", T0, "coingecko", 91_234.5, null, null, null, null),
                new MarketSnapshot("BTC", T0.minus(Duration.ofDays(2)), "whattomine", null, 1.49e14, null, null,
                        null)));
        Instant now = T0.plus(Duration.ofHours(3));

        assertThat(btc.age(MarketField.PRICE_USD, now)).hasValue(Duration.ofHours(3));
        assertThat(btc.age(MarketField.NETWORK_DIFFICULTY, now)).hasValue(Duration.ofHours(51));
        // defaults: a price is stale after 2 h, a difficulty after 3 days; a missing figure always is
        assertThat(btc.isStale(MarketField.PRICE_USD, now, staleness)).isTrue();
        assertThat(btc.isStale(MarketField.NETWORK_DIFFICULTY, now, staleness)).isFalse();
        assertThat(btc.isStale(MarketField.NETWORK_HASHRATE_HPS, now, staleness)).isTrue();
        assertThat(btc.staleFields(T0.plusSeconds(60), staleness)).containsExactly(MarketField.NETWORK_HASHRATE_HPS,
                MarketField.BLOCK_REWARD_COINS, MarketField.FEES_PER_BLOCK_COINS);
    }

    @Test
    void aFigureIsStaleOnlyPastItsLimitAndNeverHasANegativeAge() {
        Figure price = new Figure(84.0, T0, "manual");

        assertThat(price.isStale(T0.plus(Duration.ofHours(2)), Duration.ofHours(2))).isFalse();
        assertThat(price.isStale(T0.plus(Duration.ofHours(2)).plusMillis(1), Duration.ofHours(2))).isTrue();
        assertThat(price.age(T0.minusSeconds(30))).isEqualTo(Duration.ZERO);
    }

    @Test
    void snapshotsOfAnotherCoinCannotBeMergedIn() {
        MarketSnapshot ltc = new MarketSnapshot("LTC", T0, "coingecko", 84.0, null, null, null, null);

        assertThatThrownBy(() -> CoinMarket.merge("DOGE", List.of(ltc)))
                .hasMessage("a LTC snapshot cannot be merged into DOGE");
    }
}
