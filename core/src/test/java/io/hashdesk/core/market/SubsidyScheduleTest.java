package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The subsidy at a height against the real schedules.
 *
 * <p>Sources: Bitcoin Core {@code GetBlockSubsidy} (validation.cpp): 50 BTC, {@code nSubsidyHalvingInterval} =
 * 210,000, computed in satoshis with a right shift and 0 from the 64th halving (the 1-satoshi subsidy ends with the
 * 33rd). Halvings happened at 210,000 (2012-11-28), 420,000 (2016-07-09), 630,000 (2020-05-11) and 840,000
 * (2024-04-20). Bitcoin Cash (fork at 478,558) and Bitcoin SV (fork of BCH at 556,766) kept that schedule; BCH halved
 * at 630,000 on 2020-04-08 and at 840,000 on 2024-04-03. Litecoin Core: 50 LTC, interval 840,000; halvings at 840,000
 * (2015-08-25), 1,680,000 (2019-08-05) and 2,520,000 (2023-08-02, 12.5 → 6.25 LTC). Dogecoin Core
 * {@code GetDogecoinBlockSubsidy} and {@code subsidy_tests.cpp}: a fixed 10,000 DOGE from height 600,000.
 */
class SubsidyScheduleTest {

    private final CoinCatalog catalog = CoinCatalog.bundled();

    private double subsidy(String coin, long height) {
        return catalog.require(coin).subsidyCoinsAt(height);
    }

    @Test
    void bitcoinHalvesEvery210000BlocksFrom50To3Point125() {
        assertThat(subsidy("BTC", 0)).isEqualTo(50.0);
        assertThat(subsidy("BTC", 209_999)).isEqualTo(50.0);
        assertThat(subsidy("BTC", 210_000)).isEqualTo(25.0);
        assertThat(subsidy("BTC", 420_000)).isEqualTo(12.5);
        assertThat(subsidy("BTC", 629_999)).isEqualTo(12.5);
        assertThat(subsidy("BTC", 630_000)).isEqualTo(6.25);
        assertThat(subsidy("BTC", 839_999)).isEqualTo(6.25);
        assertThat(subsidy("BTC", 840_000)).isEqualTo(3.125);
        assertThat(subsidy("BTC", 1_050_000)).isEqualTo(1.5625);
    }

    @Test
    void bitcoinSubsidyIsExactInSatoshisAndEndsAfterThe33rdHalving() {
        assertThat(subsidy("BTC", 210_000L * 10)).isEqualTo(0.04882812); // 5,000,000,000 >> 10 = 4,882,812 sat
        assertThat(subsidy("BTC", 210_000L * 32)).isEqualTo(0.00000001);
        assertThat(subsidy("BTC", 210_000L * 33)).isZero();
        assertThat(subsidy("BTC", 210_000L * 64)).isZero();
    }

    @Test
    void bitcoinCashAndBitcoinSvShareBitcoinsSchedule() {
        for (long height : new long[] {0, 209_999, 210_000, 478_558, 556_766, 629_999, 630_000, 840_000, 1_050_000}) {
            assertThat(subsidy("BCH", height)).as("BCH at %d", height).isEqualTo(subsidy("BTC", height));
            assertThat(subsidy("BSV", height)).as("BSV at %d", height).isEqualTo(subsidy("BTC", height));
        }
    }

    @Test
    void litecoinHalvesEvery840000BlocksAndPays6Point25SinceAugust2023() {
        assertThat(subsidy("LTC", 839_999)).isEqualTo(50.0);
        assertThat(subsidy("LTC", 840_000)).isEqualTo(25.0);
        assertThat(subsidy("LTC", 1_680_000)).isEqualTo(12.5);
        assertThat(subsidy("LTC", 2_519_999)).isEqualTo(12.5);
        assertThat(subsidy("LTC", 2_520_000)).isEqualTo(6.25);
        assertThat(subsidy("LTC", 3_360_000)).isEqualTo(3.125);
    }

    @Test
    void dogecoinPaysAFixed10000FromHeight600000AndRefusesToGuessEarlier() {
        assertThat(subsidy("DOGE", 600_000)).isEqualTo(10_000.0);
        assertThat(subsidy("DOGE", 5_950_221)).isEqualTo(10_000.0);
        assertThatThrownBy(() -> subsidy("DOGE", 599_999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOGE")
                .hasMessageContaining("before height 600000 is not modelled");
    }

    @Test
    void lastAndNextHalvingAreTheScheduleHeights() {
        Coin btc = catalog.require("BTC");
        assertThat(btc.lastHalvingAtOrBefore(974_210)).hasValue(840_000);
        assertThat(btc.nextHalvingAfter(974_210)).hasValue(1_050_000);
        assertThat(btc.lastHalvingAtOrBefore(209_999)).isEmpty();
        assertThat(btc.nextHalvingAfter(210_000L * 33)).isEmpty(); // the subsidy is 0 and stays 0

        Coin doge = catalog.require("DOGE");
        assertThat(doge.lastHalvingAtOrBefore(5_950_221)).hasValue(600_000);
        assertThat(doge.nextHalvingAfter(5_950_221)).isEmpty();
    }

    @Test
    void negativeHeightIsRefused() {
        assertThatThrownBy(() -> subsidy("LTC", -1)).hasMessageContaining("must not be negative");
    }

    @Test
    void heightIsEstimatedFromTheReferenceBlockAtTheTargetPace() {
        Coin btc = catalog.require("BTC");
        // block 840,000 at 2024-04-20T00:09:27Z; a day later about 144 more blocks
        assertThat(btc.estimatedHeightAt(Instant.parse("2024-04-21T00:09:27Z"))).isEqualTo(840_144);
        assertThat(btc.estimatedSubsidyCoinsAt(Instant.parse("2026-11-25T00:00:00Z"))).isEqualTo(3.125);
        assertThat(catalog.require("LTC").estimatedSubsidyCoinsAt(Instant.parse("2026-11-25T00:00:00Z")))
                .isEqualTo(6.25);
    }
}
