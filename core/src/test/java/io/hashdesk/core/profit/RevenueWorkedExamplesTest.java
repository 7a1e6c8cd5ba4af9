package io.hashdesk.core.profit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.Tariff;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The revenue and cost formulas checked against worked examples published by others. */
class RevenueWorkedExamplesTest {

    private static final double TWO_POW_32 = 4_294_967_296.0;
    private static final PoolTerms NO_FEE = new PoolTerms(0, PayoutScheme.FPPS);

    private static CoinEconomics bitcoin(double priceUsd, double difficulty, double subsidy, double fees) {
        return new CoinEconomics("BTC", Algorithm.SHA256, priceUsd, difficulty, subsidy, fees, 600);
    }

    private static CoinEconomics litecoin(double difficulty) {
        return new CoinEconomics("LTC", Algorithm.SCRYPT, 70, difficulty, 6.25, 0, 150);
    }

    /**
     * Source: pastebin.com/QZns9pjD, a worked coins-per-month example: H = 21,990,232,555,520 H/s,
     * D = 47,427,554,950.648, B = 25 BTC, 30 days; python -c "print (30*H*25*86400)/(D*2**32)" prints
     * 6.99542703277 BTC.
     */
    @Test
    void bitcoinPerMonthMatchesAPublishedDifficultyTimesTwoToThe32Example() {
        CoinEconomics btc = bitcoin(1, 47_427_554_950.648, 25, 0);
        double hashrateThs = 21_990_232_555_520.0 / 1e12;

        double btcPerMonth = RevenueTerms.of(btc, NO_FEE).coinsPerDay(btc, hashrateThs) * 30;

        assertEquals(6.99542703277, btcPerMonth, 1e-10);
    }

    /**
     * Source: a November 2025 CoinDesk report (reprinted by chaincatcher.com/en/article/2221432 and
     * news.gurasala.com/?p=57592): Luxor's hashprice at $38.2/PH/s/day, "the price of bitcoin is at $91,000", network
     * difficulty "near all-time highs at 152 trillion", transaction fees "extremely low". With the 3.125 BTC subsidy
     * alone: 1e15 × 86400 / (152e12 × 2^32) × 3.125 × 91,000 = $37.64/PH/day; the missing 1.5 % is the fees (about
     * 0.047 BTC a block would close it) and the rounding of the quoted price and difficulty.
     */
    @Test
    void hashpriceFromDifficultyAndPriceAgreesWithLuxorsPublishedFigure() {
        Hashprice subsidyOnly = bitcoin(91_000, 152e12, 3.125, 0).hashprice();

        assertEquals(37.636, subsidyOnly.usdPerPhPerDay(), 0.001);
        assertTrue(subsidyOnly.usdPerPhPerDay() < 38.2, "fees can only add to the subsidy");
        assertEquals(38.2, subsidyOnly.usdPerPhPerDay(), 38.2 * 0.02);
        assertEquals(0.037636, subsidyOnly.usdPerThPerDay(), 1e-6);
    }

    /**
     * Source: "A quick explanation of how to assess a Bitcoin miner for profitability" by Parman on Nostr
     * (nostr.at/nevent1qqs2s4xstq9fe43v52p6cazgde8htsardayemy9ag0eeddu0cnmg5ngqhl0lj): an S21 Pro at 234 TH/s and
     * 3510 W against a network of 750,000,000 TH/s and 450 BTC a day, $72,000 per BTC, $0.06/kWh: "0.00014040
     * bitcoin (14,040 sats)" a day, 84.24 kWh costing "$5.05 per day", "earning about $10.10 per day".
     * The network hashrate is turned into the difficulty it implies: D = 750e18 H/s × 600 s / 2^32.
     * Break-even electricity price (ours): $10.1088 / 84.24 kWh = $0.12/kWh.
     */
    @Test
    void anS21ProDayMatchesAPublishedRevenueCostAndProfitExample() {
        double difficulty = 750e18 * 600 / TWO_POW_32;
        CoinEconomics btc = bitcoin(72_000, difficulty, 3.125, 0);
        RevenueTerms terms = RevenueTerms.of(btc, NO_FEE);
        ElectricityPrices sixCents = ElectricityPrices.of(Tariff.flat("host", "USD", ZoneOffset.UTC, 0.06),
                Clock.systemUTC());

        MinerProfit s21Pro = new ProfitCalculator(terms, 1.0).profit(
                new MinerInput(MinerId.of("s21pro"), "hall", 234, 3510), sixCents.day(LocalDate.of(2024, 4, 1)));

        assertEquals(750_000_000, btc.networkHashrateThs(), 1e-3);
        assertEquals(0.00014040, terms.coinsPerDay(btc, 234), 1e-12);
        assertEquals(10.1088, s21Pro.revenueUsd(), 1e-9);
        assertEquals(84.24, s21Pro.energyKwh(), 1e-9);
        assertEquals(5.0544, s21Pro.energyCost(), 1e-9);
        assertEquals(5.0544, s21Pro.profit(), 1e-9);
        assertEquals(0.12, s21Pro.breakEvenPricePerKwh(), 1e-12);
        assertEquals(3510 / 234.0, s21Pro.efficiencyJPerTh(), 1e-12); // 15 J/TH
    }

    /**
     * Source: btccontract.de "Bitcoin Miner Profitability of the Antminer S19": 3250 W at $0.10/kWh for 24 hours,
     * "3.25 kW × $0.10/kWh × 24 hours = $7.80". Efficiency from Bitmain's S19 (95T) spec sheet: 95 TH/s, 3250 W,
     * 34.2 J/TH; cost per TH per day 7.80 / 95 = $0.0821.
     */
    @Test
    void anS19DaysElectricityAtTenCentsMatchesThePublishedCost() {
        CoinEconomics btc = bitcoin(91_000, 152e12, 3.125, 0);
        ElectricityPrices tenCents = ElectricityPrices.of(Tariff.flat("home", "USD", ZoneOffset.UTC, 0.10),
                Clock.systemUTC());

        MinerProfit s19 = new ProfitCalculator(RevenueTerms.of(btc, NO_FEE), 1.0).profit(
                new MinerInput(MinerId.of("s19"), "hall", 95, 3250), tenCents.day(LocalDate.of(2025, 11, 20)));

        assertEquals(7.80, s19.energyCost(), 1e-9);
        assertEquals(34.2, s19.efficiencyJPerTh(), 0.05);
        assertEquals(7.80 / 95, s19.costPerThPerDay(), 1e-12);
    }

    /**
     * Litecoin's network difficulty counts 2^32 hashes per unit, like Bitcoin's. Litecoin Wiki, "Difficulty":
     * "Difficulty 1 (which is not the lowest difficulty) corresponds to 0x1d00ffff" and difficulty =
     * 0xFFFF × 2^208 / target, Bitcoin's definition; bitcoin.stackexchange.com/questions/10785 (on Litecoin pools):
     * difficulty d means a hash is valid with probability 1/(d × 2^32), while "pool difficulty is measured in
     * multiples of 2^-16" — the 65536 factor belongs to Scrypt pools' share difficulty (cpuminer divides a stratum
     * Scrypt difficulty by 65536), not to the network's. Checked against published pairs of difficulty and hashrate
     * (blocks every 150 s):
     * <ul>
     *   <li>crypto-nyte.com/archives/amp/12912: difficulty 23,505,031 on 26 Jan 2023, hashrate "around 691 TH/s" on
     *       28 Jan 2023; 23,505,031 × 2^32 / 150 = 673.0 TH/s.</li>
     *   <li>keynews.net (Litecoin Space data, December 2023): difficulty 30.03 million, hashrate "872 TeraHashes per
     *       second"; 30.03e6 × 2^32 / 150 = 859.9 TH/s.</li>
     * </ul>
     * With the pool convention the figures would be 65,536 times off (about 10 GH/s).
     */
    @Test
    void litecoinsNetworkDifficultyCountsTwoToThe32HashesLikeBitcoins() {
        assertEquals(673.0, litecoin(23_505_031).networkHashrateThs(), 0.05);
        assertEquals(691, litecoin(23_505_031).networkHashrateThs(), 691 * 0.05);
        assertEquals(872, litecoin(30.03e6).networkHashrateThs(), 872 * 0.05);
    }

    /** Scrypt hashprice is quoted per GH/s: an L7's 9.5 GH/s earns 9.5 × the $/GH/day figure. */
    @Test
    void scryptHashpriceIsQuotedPerGigahash() {
        CoinEconomics ltc = litecoin(30.03e6);
        RevenueTerms terms = RevenueTerms.of(ltc, NO_FEE);

        assertEquals(terms.usdPerDay(0.0095), 9.5 * ltc.hashprice().usdPerGhPerDay(), 1e-12);
    }
}
