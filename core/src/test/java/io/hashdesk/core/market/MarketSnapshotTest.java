package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aPriceOnlySnapshotIsValid() {
        MarketSnapshot price = new MarketSnapshot("BTC", AT, "coingecko", 91_234.5, null, null, null, null);

        assertThat(MarketField.PRICE_USD.of(price)).isEqualTo(91_234.5);
        assertThat(MarketField.NETWORK_DIFFICULTY.of(price)).isNull();
    }

    @Test
    void everyImpossibleFigureIsNamedInOneMessage() {
        assertThatThrownBy(() -> new MarketSnapshot("BTC", AT, "manual", 0.0, -1.0, Double.NaN, 3.125, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTC from manual: priceUsd must be above 0, got 0; networkDifficulty must be above 0,"
                        + " got -1; networkHashrateHps is not a number; feesPerBlockCoins must not be negative, got"
                        + " -0.1");
    }

    @Test
    void zeroFeesAreRealButAZeroSubsidyIsNot() {
        assertThat(new MarketSnapshot("BSV", AT, "manual", null, null, null, 3.125, 0.0).feesPerBlockCoins()).isZero();
        assertThatThrownBy(() -> new MarketSnapshot("BSV", AT, "manual", null, null, null, 0.0, null))
                .hasMessageContaining("blockRewardCoins must be above 0, got 0");
    }

    @Test
    void aSnapshotWithoutAnyFigureIsRefused() {
        assertThatThrownBy(() -> new MarketSnapshot("LTC", AT, "whattomine", null, null, null, null, null))
                .hasMessage("LTC from whattomine: a snapshot needs at least one figure");
    }

    @Test
    void sourceIsAProviderNameManualOrCsvWithAFileName() {
        assertThat(new MarketSnapshot("LTC", AT, "csv:ltc 2026.csv", 84.0, null, null, null, null).source())
                .isEqualTo("csv:ltc 2026.csv");
        assertThatThrownBy(() -> new MarketSnapshot("LTC", AT, "csv:", 84.0, null, null, null, null))
                .hasMessageContaining("'csv:<file name>'");
        assertThatThrownBy(() -> new MarketSnapshot("LTC", AT, "CoinGecko", 84.0, null, null, null, null))
                .hasMessageContaining("got 'CoinGecko'");
    }

    @Test
    void coinMustBeAnUpperCaseTicker() {
        assertThatThrownBy(() -> new MarketSnapshot("btc", AT, "manual", 1.0, null, null, null, null))
                .hasMessage("coin must be an upper-case ticker such as BTC, got 'btc'");
    }
}
