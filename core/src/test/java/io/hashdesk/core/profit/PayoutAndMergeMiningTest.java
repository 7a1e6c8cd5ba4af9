package io.hashdesk.core.profit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.catalog.Algorithm;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayoutAndMergeMiningTest {

    private static final double EXACT = 1e-9;
    /** At difficulty 1e12 this hashrate finds exactly one block a day: 2^32 × 1e12 / 86400 H/s. */
    private static final double ONE_BLOCK_A_DAY_THS = 4_294_967_296.0 / 86_400;
    private static final CoinEconomics BTC = new CoinEconomics("BTC", Algorithm.SHA256, 100_000, 1e12, 3.125, 0.5, 600);

    private static double coinsPerDay(PayoutScheme scheme, double feePercent) {
        return RevenueTerms.of(BTC, new PoolTerms(feePercent, scheme)).coinsPerDay(BTC, ONE_BLOCK_A_DAY_THS);
    }

    @Test
    void ppsPaysTheSubsidyOnlyAndTheOtherSchemesPayFeesToo() {
        assertEquals(1.0, BTC.expectedBlocksPerDay(ONE_BLOCK_A_DAY_THS), 1e-12);
        // one block a day, 2 % pool fee: PPS (3.125) × 0.98; the others (3.125 + 0.5) × 0.98
        assertEquals(3.0625, coinsPerDay(PayoutScheme.PPS, 2), EXACT);
        assertEquals(3.5525, coinsPerDay(PayoutScheme.PPS_PLUS, 2), EXACT);
        assertEquals(3.5525, coinsPerDay(PayoutScheme.FPPS, 2), EXACT);
        assertEquals(3.5525, coinsPerDay(PayoutScheme.PPLNS, 2), EXACT);
        assertEquals(3.5525, coinsPerDay(PayoutScheme.SOLO, 2), EXACT);
    }

    @Test
    void onlyLuckBasedSchemesAreMarkedAsVarying() {
        assertTrue(PayoutScheme.PPLNS.payoutVaries());
        assertTrue(PayoutScheme.SOLO.payoutVaries());
        assertFalse(PayoutScheme.FPPS.payoutVaries());
        assertFalse(PayoutScheme.PPS.paysTransactionFees());
    }

    @Test
    void theNetHashpriceIsTheGrossLessWhatThePoolKeeps() {
        RevenueTerms pps = RevenueTerms.of(BTC, new PoolTerms(4, PayoutScheme.PPS));

        // gross: subsidy and fees, no pool fee; net: subsidy only, 4 % fee
        assertEquals(3.625 * 100_000 / ONE_BLOCK_A_DAY_THS, pps.grossHashprice().usdPerThPerDay(), EXACT);
        assertEquals(3.125 * 0.96 / 3.625, pps.payoutFraction(), 1e-12);
    }

    /**
     * An L7 (9.5 GH/s) merge-mining Dogecoin on Litecoin hashrate, 2 % fee, FPPS. Inputs: LTC difficulty 30.03 M,
     * 6.25 LTC subsidy, $70; DOGE difficulty 20 M (illustrative), 10,000 DOGE subsidy, $0.09, 60 s blocks.
     * LTC: 0.0095e12 × 86400 / (30.03e6 × 2^32) = 0.0063639 blocks × 6.25 = 0.039774 LTC = $2.7842;
     * DOGE: 0.0095e12 × 86400 / (20e6 × 2^32) = 0.0095554 blocks × 10,000 = 95.554 DOGE = $8.5998;
     * after the fee: ($2.7842 + $8.5998) × 0.98 = $11.1564 a day, for the same hashes and power.
     */
    @Test
    void mergeMiningAddsTheSecondCoinsRevenueForTheSameHashes() {
        CoinEconomics ltc = new CoinEconomics("LTC", Algorithm.SCRYPT, 70, 30.03e6, 6.25, 0, 150);
        CoinEconomics doge = new CoinEconomics("DOGE", Algorithm.SCRYPT, 0.09, 20e6, 10_000, 0, 60);
        PoolTerms pool = new PoolTerms(2, PayoutScheme.FPPS);
        RevenueTerms merged = new RevenueTerms(ltc, pool, Optional.of(doge));

        assertEquals(0.039774 * 0.98, merged.coinsPerDay(ltc, 0.0095), 1e-6);
        assertEquals(95.554 * 0.98, merged.coinsPerDay(doge, 0.0095), 1e-3);
        assertEquals(11.1564, merged.usdPerDay(0.0095), 1e-4);
        assertEquals(RevenueTerms.of(ltc, pool).usdPerDay(0.0095) + RevenueTerms.of(doge, pool).usdPerDay(0.0095),
                merged.usdPerDay(0.0095), EXACT);
    }

    @Test
    void onlyACoinOfTheSameAlgorithmCanBeMergeMined() {
        CoinEconomics doge = new CoinEconomics("DOGE", Algorithm.SCRYPT, 0.09, 20e6, 10_000, 0, 60);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RevenueTerms(BTC, new PoolTerms(0, PayoutScheme.FPPS), Optional.of(doge)));

        assertEquals("DOGE (Scrypt) cannot be merge-mined with BTC (SHA-256)", e.getMessage());
    }

    @Test
    void poolFeesAndCoinFiguresAreValidated() {
        assertEquals("feePercent must be 0 or more and below 100, got 100.0", assertThrows(
                IllegalArgumentException.class, () -> new PoolTerms(100, PayoutScheme.PPS)).getMessage());
        assertEquals("BTC networkDifficulty must be more than zero, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new CoinEconomics("BTC", Algorithm.SHA256, 1, 0, 3.125, 0, 600)).getMessage());
    }
}
