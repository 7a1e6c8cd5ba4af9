package io.hashdesk.core.energy;

import static io.hashdesk.core.energy.Tariffs.BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandChargeTest {

    private static final double EXACT = 1e-9;
    private static final DemandCharge QUARTER_HOUR = new DemandCharge("peak 15 min", 12.0, Duration.ofMinutes(15));
    private static final DemandCharge HOURLY = new DemandCharge("peak 60 min", 5.0, Duration.ofHours(1));
    private static final ElectricityPrices PRICES = ElectricityPrices.of(
            Tariff.flat("site", "EUR", BERLIN, 0.2).withDemandCharge(QUARTER_HOUR).withDemandCharge(HOURLY),
            Clock.systemUTC());

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** One reading a minute for the whole of March 2026 at 100 kW, with {@code spikeMinutes} at 400 kW from spikeStart. */
    private static List<PowerReading> marchWithSpike(Instant spikeStart, int spikeMinutes) {
        List<PowerReading> readings = new ArrayList<>();
        Instant end = berlin("2026-04-01T00:00");
        Instant spikeEnd = spikeStart.plus(Duration.ofMinutes(spikeMinutes));
        for (Instant t = berlin("2026-03-01T00:00"); t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
            boolean spike = !t.isBefore(spikeStart) && t.isBefore(spikeEnd);
            readings.add(new PowerReading(t, spike ? 400_000 : 100_000));
        }
        return readings;
    }

    @Test
    void theMonthsPeakIsTheHighestIntervalAverageOnTheLocalClock() {
        List<PowerReading> readings = marchWithSpike(berlin("2026-03-10T14:00"), 10);
        // readings just outside the month in local time do not count
        readings.add(new PowerReading(berlin("2026-02-28T23:59"), 1_000_000));
        readings.add(new PowerReading(berlin("2026-04-01T00:00"), 1_000_000));

        DemandChargeBill bill = PRICES.demandCharges(YearMonth.of(2026, 3), readings);

        DemandChargeLine quarter = bill.lines().get(0);
        DemandChargeLine hour = bill.lines().get(1);
        // 14:00–14:15: 10 readings at 400 kW and 5 at 100 kW average 300 kW; × 12 EUR/kW = 3600
        assertEquals(300.0, quarter.peakDemandKw(), EXACT);
        assertEquals(berlin("2026-03-10T14:00"), quarter.peakIntervalStart());
        assertEquals(3600.0, quarter.charge(), EXACT);
        // 14:00–15:00: 10 at 400 kW and 50 at 100 kW average 150 kW; × 5 EUR/kW = 750
        assertEquals(150.0, hour.peakDemandKw(), EXACT);
        assertEquals(750.0, hour.charge(), EXACT);
        assertEquals(4350.0, bill.total(), EXACT);
        assertEquals("EUR", bill.currency());
    }

    @Test
    void aSpikeAcrossAnIntervalBoundaryIsSplitBetweenTheTwoIntervals() {
        List<PowerReading> readings = marchWithSpike(berlin("2026-03-10T14:10"), 10);

        DemandChargeBill bill = PRICES.demandCharges(YearMonth.of(2026, 3), readings);

        // 14:10–14:20 puts 5 spike minutes in 14:00–14:15 and 5 in 14:15–14:30: (5 × 400 + 10 × 100) / 15 = 200 kW
        assertEquals(200.0, bill.lines().getFirst().peakDemandKw(), EXACT);
        assertEquals(berlin("2026-03-10T14:00"), bill.lines().getFirst().peakIntervalStart());
    }

    @Test
    void theTwoHoursRepeatedWhenClocksGoBackAreSeparateIntervals() {
        Instant firstTwoAm = Instant.parse("2026-10-25T00:00:00Z"); // 02:00 CEST
        Instant secondTwoAm = Instant.parse("2026-10-25T01:00:00Z"); // 02:00 CET
        List<PowerReading> readings = new ArrayList<>();
        for (int m = 0; m < 15; m++) {
            readings.add(new PowerReading(firstTwoAm.plus(Duration.ofMinutes(m)), 400_000));
            readings.add(new PowerReading(secondTwoAm.plus(Duration.ofMinutes(m)), 100_000));
        }

        DemandChargeLine quarter = PRICES.demandCharges(YearMonth.of(2026, 10), readings).lines().getFirst();

        assertEquals(400.0, quarter.peakDemandKw(), EXACT); // not the 250 kW of the two merged
        assertEquals(firstTwoAm, quarter.peakIntervalStart());
    }

    @Test
    void aMonthWithoutReadingsHasNoKnownPeakAndSaysSo() {
        List<PowerReading> april = List.of(new PowerReading(berlin("2026-04-02T10:00"), 100_000));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PRICES.demandCharges(YearMonth.of(2026, 3), april));

        assertEquals("No power readings fall in 2026-03 (Europe/Berlin); the month's peak demand is unknown, so its"
                + " demand charge cannot be computed", e.getMessage());
    }

    @Test
    void demandIntervalsAreFifteenThirtyOrSixtyMinutes() {
        assertEquals("interval of demand charge 'x' must be 15, 30 or 60 minutes (PT15M, PT30M, PT1H), got PT20M",
                assertThrows(IllegalArgumentException.class,
                        () -> new DemandCharge("x", 1, Duration.ofMinutes(20))).getMessage());
    }
}
