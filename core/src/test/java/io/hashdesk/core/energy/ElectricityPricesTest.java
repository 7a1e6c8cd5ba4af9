package io.hashdesk.core.energy;

import static io.hashdesk.core.energy.Tariffs.band;
import static io.hashdesk.core.energy.Tariffs.md;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElectricityPricesTest {

    private static final double EXACT = 1e-12;
    private static final Instant MIDNIGHT = Instant.parse("2026-04-01T00:00:00Z");
    /** Hour by hour from midnight: cheap at night (hours 1–4 cheapest, 2–4 cheaper still), an evening peak 17–20. */
    private static final double[] HOURLY = {
        0.20, 0.09, 0.05, 0.05, 0.05, 0.12, 0.18, 0.25, 0.30, 0.28, 0.22, 0.20,
        0.18, 0.15, 0.16, 0.22, 0.35, 0.55, 0.60, 0.58, 0.51, 0.50, 0.30, 0.25};

    private static Instant at(int hour) {
        return MIDNIGHT.plus(Duration.ofHours(hour));
    }

    private static ElectricityPrices hourly(Instant now) {
        List<PricePoint> points = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            points.add(new PricePoint(at(h), HOURLY[h % 24]));
        }
        Tariff tariff = new Tariff("spot", "USD", ZoneOffset.UTC, new MarketPrice("spot", 0, new FlatPrice(0.3)),
                List.of());
        return ElectricityPrices.withMarket(tariff, new PriceSeries("spot", "USD", Duration.ofHours(1), points),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theCheapestWindowIsTheLowestAverageRunOfWholeHoursAndTheEarliestOnATie() {
        ElectricityPrices prices = hourly(MIDNIGHT.plus(Duration.ofMinutes(40)));

        PriceWindow three = prices.cheapestWindow(3);
        PriceWindow one = prices.cheapestWindow(1);

        assertEquals(at(2), three.start());
        assertEquals(at(5), three.end());
        assertEquals(0.05, three.averagePricePerKwh(), EXACT);
        assertEquals(PriceSource.MARKET, three.source());
        assertEquals(at(2), one.start()); // hours 2, 3 and 4 tie at 0.05
        assertEquals(at(3), one.end());
    }

    @Test
    void thePriceNowIsTheSegmentHoldingTheClocksInstant() {
        PriceSegment now = hourly(at(17).plus(Duration.ofMinutes(5))).priceNow();

        assertEquals(0.55, now.pricePerKwh(), EXACT);
        assertEquals(at(17), now.start());
        assertEquals(PriceSource.MARKET, now.source());
    }

    @Test
    void theMostExpensiveWindowIsTheHighestAverageRun() {
        PriceWindow two = hourly(MIDNIGHT).mostExpensiveWindow(2);

        assertEquals(at(18), two.start());
        assertEquals(at(20), two.end());
        assertEquals((0.60 + 0.58) / 2, two.averagePricePerKwh(), EXACT);
    }

    @Test
    void windowsLookOnlyAtTheNextTwentyFourHoursFromTheCurrentHour() {
        // from 17:00 the evening peak is behind by the end; tomorrow's 02:00–05:00 is still the cheapest
        PriceWindow three = hourly(at(17).plus(Duration.ofMinutes(5))).cheapestWindow(3);

        assertEquals(at(26), three.start());
        assertThrows(IllegalArgumentException.class, () -> hourly(MIDNIGHT).cheapestWindow(0));
        assertEquals("A window must be 1–24 hours long, got 25", assertThrows(IllegalArgumentException.class,
                () -> hourly(MIDNIGHT).mostExpensiveWindow(25)).getMessage());
    }

    @Test
    void aMinerIsUnprofitableInTheHoursWhoseEnergyCostsMoreThanItEarns() {
        // 24.00 a day is 1.00 an hour; 2 kW costs more than that above 0.50/kWh: hours 17, 18, 19 and 20 (0.51).
        // At exactly 0.50 (hour 21) cost equals revenue, which is not a loss.
        List<HourlyMargin> losing = hourly(MIDNIGHT).unprofitableHours(24.0, 2000);

        assertEquals(List.of(at(17), at(18), at(19), at(20)), losing.stream().map(HourlyMargin::start).toList());
        assertEquals(1.0, losing.getFirst().revenue(), EXACT);
        assertEquals(1.10, losing.getFirst().energyCost(), EXACT);
        assertEquals(-0.10, losing.getFirst().margin(), EXACT);
    }

    @Test
    void energyCostIsIntegratedExactlyAcrossBandBoundariesAndPowerSteps() {
        Season all = Season.everyDay("all year", md(1, 1), md(12, 31),
                List.of(band("night", "00:00", "07:30", 0.10), band("day", "07:30", "00:00", 0.30)));
        ElectricityPrices prices = ElectricityPrices.of(
                new Tariff("two bands", "USD", ZoneOffset.UTC, TimeOfUse.of(List.of(all)), List.of()), Clock.systemUTC());
        Instant from = MIDNIGHT.plus(Duration.ofMinutes(6 * 60 + 50)); // 06:50
        Instant to = MIDNIGHT.plus(Duration.ofMinutes(8 * 60 + 10)); // 08:10
        PowerProfile curtailed = new PowerProfile(3000,
                List.of(new PowerStep(MIDNIGHT.plus(Duration.ofMinutes(7 * 60 + 10)), 1500))); // 1.5 kW from 07:10

        EnergyCost cost = prices.energyCost(curtailed, from, to);

        // 06:50–07:10  3.0 kW × 1/3 h = 1.0  kWh at 0.10 = 0.100
        // 07:10–07:30  1.5 kW × 1/3 h = 0.5  kWh at 0.10 = 0.050
        // 07:30–08:10  1.5 kW × 2/3 h = 1.0  kWh at 0.30 = 0.300
        assertEquals(2.5, cost.energyKwh(), EXACT);
        assertEquals(0.45, cost.cost(), EXACT);
        assertEquals("USD", cost.currency());
        // hourly sampling at 07:00 and 08:00 would have priced this at 0.10 and 0.30 per whole hour instead
    }

    @Test
    void aConstantLoadCostsItsKilowattsTimesThePeriodsIntegratedPrice() {
        PricedPeriod day = hourly(MIDNIGHT).next24Hours();
        double sum = 0;
        for (double price : HOURLY) {
            sum += price;
        }

        EnergyCost cost = day.costOf(3250);
        EnergyCost sameAsProfile = day.costOf(PowerProfile.constant(3250));

        assertEquals(sum / 24, day.averagePricePerKwh(), 1e-12);
        assertEquals(3.25 * 24, cost.energyKwh(), 1e-9);
        assertEquals(3.25 * sum, cost.cost(), 1e-9);
        assertEquals(cost.cost(), sameAsProfile.cost(), 1e-9);
        assertEquals(cost.energyKwh(), sameAsProfile.energyKwh(), 1e-9);
    }
}
