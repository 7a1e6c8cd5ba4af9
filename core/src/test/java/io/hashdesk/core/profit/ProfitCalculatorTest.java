package io.hashdesk.core.profit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.HourBand;
import io.hashdesk.core.energy.PricedPeriod;
import io.hashdesk.core.energy.Season;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TimeOfUse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfitCalculatorTest {

    private static final double EXACT = 1e-9;
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 4, 1);
    private static final CoinEconomics BTC = new CoinEconomics("BTC", Algorithm.SHA256, 91_000, 152e12, 3.125, 0.05, 600);
    private static final RevenueTerms FPPS_2 = RevenueTerms.of(BTC, new PoolTerms(2, PayoutScheme.FPPS));

    private static HourBand band(String name, int from, int to, double price) {
        return new HourBand(name, LocalTime.of(from, 0), LocalTime.of(to % 24, 0), price);
    }

    /** 00–07 at 0.10, 07–23 at 0.30, 23–24 at 0.15: a day costs 7 × 0.10 + 16 × 0.30 + 0.15 = 5.65 per kW. */
    private static ElectricityPrices threeBands(ZoneId zone, String currency) {
        Season all = Season.everyDay("all", MonthDay.of(1, 1), MonthDay.of(12, 31),
                List.of(band("off-peak", 0, 7, 0.10), band("peak", 7, 23, 0.30), band("late", 23, 24, 0.15)));
        return ElectricityPrices.of(new Tariff("three bands", currency, zone, new TimeOfUse(List.of(all), Set.of(),
                List.of()), List.of()), Clock.systemUTC());
    }

    private static MinerInput miner(String id, String room, double ths, double watts) {
        return new MinerInput(MinerId.of(id), room, ths, watts);
    }

    @Test
    void theEnergyCostIntegratesTheBandsByTheirHoursNotTheirPlainAverage() {
        PricedPeriod day = threeBands(ZoneOffset.UTC, "USD").day(WEDNESDAY);

        MinerProfit m = new ProfitCalculator(FPPS_2, 1.0).profit(miner("a", "hall", 100, 3000), day);

        assertEquals(3.0 * 5.65, m.energyCost(), EXACT); // the plain average of the bands would give 3 × 4.40
        assertEquals(72.0, m.energyKwh(), EXACT);
        assertEquals(FPPS_2.usdPerDay(100), m.revenueUsd(), EXACT);
        assertEquals(m.revenue() - 16.95, m.profit(), EXACT);
        assertEquals(m.revenue() / 72.0, m.breakEvenPricePerKwh(), EXACT);
        assertEquals(30.0, m.efficiencyJPerTh(), EXACT);
        assertEquals(0.1695, m.costPerThPerDay(), EXACT);
    }

    @Test
    void onTheDayClocksGoForwardRevenueAndCostCoverTwentyThreeHours() {
        PricedPeriod shortDay = ElectricityPrices.of(Tariff.flat("flat", "EUR", ZoneId.of("Europe/Berlin"), 0.2),
                Clock.systemUTC()).day(LocalDate.of(2026, 3, 29));

        MinerProfit m = new ProfitCalculator(FPPS_2, 1.0).profit(miner("a", "hall", 100, 3000), shortDay);

        assertEquals(FPPS_2.usdPerDay(100) * 23 / 24, m.revenueUsd(), EXACT);
        assertEquals(3.0 * 23 * 0.2, m.energyCost(), EXACT);
        // per-day figures are scaled back to 24 hours: 13.8 EUR over 23 h is 14.4 EUR a day
        assertEquals(14.4 / 100, m.costPerThPerDay(), EXACT);
    }

    @Test
    void revenueIsConvertedToTheTariffsCurrency() {
        PricedPeriod day = threeBands(ZoneOffset.UTC, "EUR").day(WEDNESDAY);

        MinerProfit m = new ProfitCalculator(FPPS_2, 0.9).profit(miner("a", "hall", 100, 3000), day);

        assertEquals(m.revenueUsd() * 0.9, m.revenue(), EXACT);
        assertEquals(m.revenue() - m.energyCost(), m.profit(), EXACT);
    }

    @Test
    void atTheBreakEvenHashpriceAndAtTheBreakEvenElectricityPriceProfitIsZero() {
        PricedPeriod day = threeBands(ZoneOffset.UTC, "EUR").day(WEDNESDAY);
        MinerInput s19 = miner("s19", "hall", 95, 3250);
        MinerProfit now = new ProfitCalculator(FPPS_2, 0.9).profit(s19, day);

        double scale = now.breakEvenHashpriceUsdPerThPerDay() / BTC.hashprice().usdPerThPerDay();
        CoinEconomics atBreakEven = new CoinEconomics("BTC", Algorithm.SHA256, BTC.priceUsd() * scale,
                BTC.networkDifficulty(), BTC.blockSubsidyCoins(), BTC.feesPerBlockCoins(), 600);
        MinerProfit hashpriceBreakEven = new ProfitCalculator(RevenueTerms.of(atBreakEven, FPPS_2.pool()), 0.9)
                .profit(s19, day);
        PricedPeriod flatAtBreakEven = ElectricityPrices.of(
                Tariff.flat("flat", "EUR", ZoneOffset.UTC, now.breakEvenPricePerKwh()), Clock.systemUTC()).day(WEDNESDAY);
        MinerProfit priceBreakEven = new ProfitCalculator(FPPS_2, 0.9).profit(s19, flatAtBreakEven);

        assertEquals(0.0, hashpriceBreakEven.profit(), EXACT);
        assertEquals(0.0, priceBreakEven.profit(), EXACT);
    }

    @Test
    void roomsAndTheFleetSumTheirMinersAndCountTheUnprofitableOnes() {
        // 0.0375 USD/TH/day after the fee (91,000 USD, difficulty 152 T) against 0.05 USD/kWh: an S21 (200 TH,
        // 3500 W) earns 7.49 for 4.20, an S19 Pro (110 TH, 3250 W) 4.12 for 3.90, an S9 (13.5 TH, 1350 W) 0.51 for 1.62
        PricedPeriod day = ElectricityPrices.of(Tariff.flat("cheap", "USD", ZoneOffset.UTC, 0.05), Clock.systemUTC())
                .day(WEDNESDAY);
        List<MinerInput> miners = List.of(miner("s21", "hall-a", 200, 3500), miner("s9", "hall-a", 13.5, 1350),
                miner("s19pro", "container-7", 110, 3250));

        FleetProfit fleet = new ProfitCalculator(FPPS_2, 1.0).fleet(miners, day);

        assertEquals(List.of("container-7", "hall-a"), List.copyOf(fleet.rooms().keySet()));
        ProfitTotals hallA = fleet.rooms().get("hall-a");
        assertEquals(2, hallA.miners());
        assertEquals(1, hallA.unprofitableMiners());
        assertEquals(213.5, hallA.hashrateThs(), EXACT);
        assertEquals(4850, hallA.powerWatts(), EXACT);
        assertEquals(fleet.miners().get(0).profit() + fleet.miners().get(1).profit(), hallA.profit(), EXACT);
        assertEquals(3, fleet.fleet().miners());
        assertEquals(1, fleet.fleet().unprofitableMiners());
        assertEquals(fleet.miners().stream().mapToDouble(MinerProfit::energyCost).sum(), fleet.fleet().energyCost(), EXACT);
        assertEquals(fleet.miners().stream().mapToDouble(MinerProfit::revenue).sum(), fleet.fleet().revenue(), EXACT);
        assertEquals(8100 / 323.5, fleet.fleet().efficiencyJPerTh(), EXACT);
        assertTrue(fleet.miners().get(1).unprofitable());
        assertFalse(fleet.miners().get(0).unprofitable());
        assertEquals("USD", fleet.currency());
        assertEquals(day.from(), fleet.from());
    }
}
