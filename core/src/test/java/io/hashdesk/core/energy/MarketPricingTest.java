package io.hashdesk.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketPricingTest {

    private static final double EXACT = 1e-12;
    private static final Instant MIDNIGHT = Instant.parse("2026-04-01T00:00:00Z");
    private static final double FALLBACK = 0.25;
    private static final double ADDER = 0.02;
    private static final Tariff DAY_AHEAD = new Tariff("day-ahead", "EUR", ZoneOffset.UTC,
            new MarketPrice("epex-de", ADDER, new FlatPrice(FALLBACK)), List.of());

    private static Instant at(int hour) {
        return MIDNIGHT.plus(Duration.ofHours(hour));
    }

    /** Hourly prices for 00:00–05:00 with 03:00–04:00 missing: 0.10, 0.11, 0.12, (gap), 0.14. */
    private static PriceSeries seriesWithGap() {
        return new PriceSeries("epex-de", "EUR", Duration.ofHours(1), List.of(new PricePoint(at(0), 0.10),
                new PricePoint(at(1), 0.11), new PricePoint(at(2), 0.12), new PricePoint(at(4), 0.14)));
    }

    private static ElectricityPrices prices(PriceSeries series) {
        return ElectricityPrices.withMarket(DAY_AHEAD, series, Clock.fixed(MIDNIGHT, ZoneOffset.UTC));
    }

    @Test
    void gapsAndTimePastTheSeriesArePricedByTheFallbackAndMarkedSo() {
        PricedPeriod period = prices(seriesWithGap()).period(at(0), at(7));

        List<PriceSegment> segments = period.segments();
        assertEquals(List.of(PriceSource.MARKET, PriceSource.MARKET, PriceSource.MARKET, PriceSource.FALLBACK,
                PriceSource.MARKET, PriceSource.FALLBACK), segments.stream().map(PriceSegment::source).toList());
        assertEquals(List.of(0.10 + ADDER, 0.11 + ADDER, 0.12 + ADDER, FALLBACK, 0.14 + ADDER, FALLBACK),
                segments.stream().map(PriceSegment::pricePerKwh).toList());
        assertEquals(at(3), segments.get(3).start());
        assertEquals(at(4), segments.get(3).end());
        assertEquals(at(5), segments.get(5).start());
        assertEquals(at(7), segments.get(5).end());
        assertEquals(PriceSource.FALLBACK, period.source());
    }

    @Test
    void withNoMarketPricesAtAllEveryHourIsTheFallbackNeverZero() {
        ElectricityPrices prices = prices(new PriceSeries("epex-de", "EUR", Duration.ofHours(1), List.of()));

        List<HourPrice> hours = prices.hourlyPrices();

        assertEquals(24, hours.size());
        hours.forEach(h -> {
            assertEquals(FALLBACK, h.pricePerKwh());
            assertEquals(PriceSource.FALLBACK, h.source());
        });
        assertEquals(FALLBACK, prices.priceAt(at(100)).pricePerKwh());
    }

    @Test
    void negativeMarketPricesPassThroughWithTheAdder() {
        PriceSeries negative = new PriceSeries("epex-de", "EUR", Duration.ofHours(1),
                List.of(new PricePoint(at(13), -0.05)));

        PriceSegment noon = prices(negative).priceAt(at(13).plus(Duration.ofMinutes(30)));

        assertEquals(-0.05 + ADDER, noon.pricePerKwh(), EXACT);
        assertEquals(PriceSource.MARKET, noon.source());
    }

    @Test
    void quarterHourPricesAverageIntoTheHourByTime() {
        List<PricePoint> points = new ArrayList<>();
        double[] quarters = {0.08, 0.12, 0.16, 0.20};
        for (int q = 0; q < quarters.length; q++) {
            points.add(new PricePoint(at(0).plus(Duration.ofMinutes(15L * q)), quarters[q]));
        }
        PriceSeries fifteen = new PriceSeries("epex-de", "EUR", Duration.ofMinutes(15), points);

        HourPrice first = prices(fifteen).hourlyPrices().getFirst();

        // (0.08 + 0.12 + 0.16 + 0.20) / 4 + adder
        assertEquals(0.14 + ADDER, first.pricePerKwh(), EXACT);
        assertEquals(PriceSource.MARKET, first.source());
    }

    @Test
    void anHourPartlyCoveredByTheSeriesCountsAsFallback() {
        PriceSeries quarter = new PriceSeries("epex-de", "EUR", Duration.ofMinutes(15),
                List.of(new PricePoint(at(0), 0.05)));

        HourPrice first = prices(quarter).hourlyPrices().getFirst();

        // a quarter at 0.05 + 0.02, three quarters at the fallback 0.25
        assertEquals((0.07 + 3 * FALLBACK) / 4, first.pricePerKwh(), EXACT);
        assertEquals(PriceSource.FALLBACK, first.source());
    }

    @Test
    void aSeriesInAnotherCurrencyOrUnderAnotherNameIsRefused() {
        Clock clock = Clock.systemUTC();
        PriceSeries dollars = new PriceSeries("epex-de", "USD", Duration.ofHours(1), List.of());
        PriceSeries otherName = new PriceSeries("nordpool", "EUR", Duration.ofHours(1), List.of());

        assertEquals("Market series 'epex-de' is in USD but tariff 'day-ahead' is in EUR", assertThrows(
                IllegalArgumentException.class, () -> ElectricityPrices.withMarket(DAY_AHEAD, dollars, clock)).getMessage());
        assertEquals("Tariff 'day-ahead' reads market series 'epex-de', not 'nordpool'", assertThrows(
                IllegalArgumentException.class, () -> ElectricityPrices.withMarket(DAY_AHEAD, otherName, clock)).getMessage());
        assertEquals("Tariff 'day-ahead' is priced from market series 'epex-de'; load the series and use"
                + " ElectricityPrices.withMarket", assertThrows(
                IllegalArgumentException.class, () -> ElectricityPrices.of(DAY_AHEAD, clock)).getMessage());
    }

    @Test
    void aMarketFallbackCannotItselfBeAMarket() {
        MarketPrice inner = new MarketPrice("a", 0, new FlatPrice(0.2));

        assertEquals("The fallback of market series 'b' must be a flat or time-of-use price, not another market series",
                assertThrows(IllegalArgumentException.class, () -> new MarketPrice("b", 0, inner)).getMessage());
    }

    @Test
    void seriesGapsAreListed() {
        assertEquals(List.of(new PriceGap(at(3), at(4))), seriesWithGap().gaps());
    }
}
