package io.hashdesk.core.energy;

import static io.hashdesk.core.energy.Tariffs.BERLIN;
import static io.hashdesk.core.energy.Tariffs.band;
import static io.hashdesk.core.energy.Tariffs.md;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOfUsePricingTest {

    private static final double EXACT = 1e-12;
    private final ElectricityPrices prices = ElectricityPrices.of(Tariffs.berlinTimeOfUse(), Clock.systemUTC());

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private double priceAt(String localDateTime) {
        return prices.priceAt(berlin(localDateTime)).pricePerKwh();
    }

    @Test
    void aBandStartsExactlyAtItsLocalTime() {
        assertEquals(DayOfWeek.WEDNESDAY, LocalDate.of(2026, 7, 1).getDayOfWeek());

        assertEquals(Tariffs.SUMMER_OFF_PEAK, priceAt("2026-07-01T06:59:59.999"));
        assertEquals(Tariffs.SUMMER_PEAK, priceAt("2026-07-01T07:00"));
        assertEquals(Tariffs.SUMMER_PEAK, priceAt("2026-07-01T22:59:59"));
        assertEquals(Tariffs.SUMMER_LATE, priceAt("2026-07-01T23:00"));
        PriceSegment peak = prices.priceAt(berlin("2026-07-01T12:00"));
        assertEquals(berlin("2026-07-01T07:00"), peak.start());
        assertEquals(berlin("2026-07-01T23:00"), peak.end());
        assertEquals("summer weekday: peak", peak.label());
        assertEquals(PriceSource.TARIFF, peak.source());
    }

    @Test
    void theSeasonChangesAtMidnightBetweenItsLastAndFirstDay() {
        assertEquals(Tariffs.SUMMER_PEAK, priceAt("2026-09-30T12:00"));
        assertEquals(Tariffs.SUMMER_LATE, priceAt("2026-09-30T23:59"));
        assertEquals(Tariffs.WINTER_NIGHT, priceAt("2026-10-01T00:00"));
        assertEquals(Tariffs.WINTER_DAY, priceAt("2026-10-01T12:00"));
        // 31 May 2026 is a Sunday: winter's weekend rate until midnight, then summer's first weekday
        assertEquals(Tariffs.WINTER_WEEKEND, priceAt("2026-05-31T23:30"));
        assertEquals(Tariffs.SUMMER_OFF_PEAK, priceAt("2026-06-01T00:30"));
    }

    @Test
    void weekendsUseTheSeasonsWeekendBands() {
        assertEquals(DayOfWeek.SATURDAY, LocalDate.of(2026, 6, 6).getDayOfWeek());

        assertEquals(Tariffs.SUMMER_PEAK, priceAt("2026-06-05T12:00"));
        assertEquals(Tariffs.SUMMER_WEEKEND, priceAt("2026-06-06T12:00"));
        assertEquals(Tariffs.SUMMER_WEEKEND, priceAt("2026-06-07T23:30"));
        assertEquals(Tariffs.SUMMER_OFF_PEAK, priceAt("2026-06-08T00:30"));
    }

    @Test
    void aHolidayOnAWeekdayIsPricedAsAWeekend() {
        assertEquals(DayOfWeek.FRIDAY, Tariffs.CHRISTMAS.getDayOfWeek());

        assertEquals(Tariffs.WINTER_DAY, priceAt("2026-12-24T12:00"));
        assertEquals(Tariffs.WINTER_WEEKEND, priceAt("2026-12-25T12:00"));
        assertEquals(Tariffs.WINTER_WEEKEND, priceAt("2026-12-25T03:00"));
    }

    @Test
    void theDayClocksGoForwardHasTwentyThreeHoursAndItsFirstBandIsAnHourShorter() {
        ElectricityPrices everyDay = ElectricityPrices.of(Tariffs.threeBandsEveryDay(BERLIN), Clock.systemUTC());

        PricedPeriod day = everyDay.day(LocalDate.of(2026, 3, 29));

        assertEquals(Duration.ofHours(23), day.duration());
        List<PriceSegment> segments = day.segments();
        assertEquals(List.of(Duration.ofHours(6), Duration.ofHours(16), Duration.ofHours(1)),
                segments.stream().map(PriceSegment::duration).toList());
        assertEquals(Instant.parse("2026-03-29T05:00:00Z"), segments.get(1).start()); // 07:00 CEST
        // 6 h × 0.10 + 16 h × 0.30 + 1 h × 0.15 = 5.55 per kW
        assertEquals(5.55, day.costPerKw(), EXACT);
    }

    @Test
    void theDayClocksGoBackHasTwentyFiveHoursAndItsFirstBandIsAnHourLonger() {
        ElectricityPrices everyDay = ElectricityPrices.of(Tariffs.threeBandsEveryDay(BERLIN), Clock.systemUTC());

        PricedPeriod day = everyDay.day(LocalDate.of(2026, 10, 25));

        assertEquals(Duration.ofHours(25), day.duration());
        assertEquals(List.of(Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(1)),
                day.segments().stream().map(PriceSegment::duration).toList());
        // 8 h × 0.10 + 16 h × 0.30 + 1 h × 0.15 = 5.75 per kW
        assertEquals(5.75, day.costPerKw(), EXACT);
    }

    @Test
    void aBandInsideTheHourThatClocksSkipLastsNoTimeThatDay() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        Season all = Season.everyDay("all year", md(1, 1), md(12, 31), List.of(band("early", "00:00", "02:00", 0.1),
                band("skipped", "02:00", "03:00", 0.9), band("rest", "03:00", "00:00", 0.2)));
        ElectricityPrices chicagoPrices = ElectricityPrices.of(
                new Tariff("Chicago", "USD", chicago, TimeOfUse.of(List.of(all)), List.of()), Clock.systemUTC());

        PricedPeriod springForward = chicagoPrices.day(LocalDate.of(2026, 3, 8));
        PricedPeriod dayBefore = chicagoPrices.day(LocalDate.of(2026, 3, 7));

        assertEquals(List.of("all year weekend: early", "all year weekend: rest"), // 8 March 2026 is a Sunday
                springForward.segments().stream().map(PriceSegment::label).toList());
        assertEquals(3, dayBefore.segments().size());
        // 2 h × 0.1 + 21 h × 0.2 on the 23-hour day
        assertEquals(4.4, springForward.costPerKw(), EXACT);
    }

    @Test
    void theNextTwentyFourHoursAcrossAClockChangeAreTwentyFourRealHoursFromTheTopOfTheLocalHour() {
        Clock clock = Clock.fixed(berlin("2026-03-28T22:30"), BERLIN);
        ElectricityPrices everyDay = ElectricityPrices.of(Tariffs.threeBandsEveryDay(BERLIN), clock);

        List<HourPrice> hours = everyDay.hourlyPrices();

        assertEquals(24, hours.size());
        assertEquals(berlin("2026-03-28T22:00"), hours.getFirst().start());
        assertTrue(hours.stream().allMatch(h -> Duration.between(h.start(), h.end()).equals(Duration.ofHours(1))));
        // 22:00 peak, 23:00 late, then 00:00–07:00 CET/CEST off-peak is 6 real hours, then peak from 07:00 CEST
        List<Double> expected = new java.util.ArrayList<>();
        expected.add(Tariffs.SUMMER_PEAK);
        expected.add(Tariffs.SUMMER_LATE);
        for (int i = 0; i < 6; i++) {
            expected.add(Tariffs.SUMMER_OFF_PEAK);
        }
        for (int i = 0; i < 16; i++) {
            expected.add(Tariffs.SUMMER_PEAK);
        }
        assertEquals(expected, hours.stream().map(HourPrice::pricePerKwh).toList());
        assertEquals(berlin("2026-03-29T23:00"), hours.getLast().end());
    }
}
