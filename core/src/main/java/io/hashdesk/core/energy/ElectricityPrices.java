package io.hashdesk.core.energy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Answers what electricity costs under one tariff: the price now, the next 24 hours hour by hour, the cheapest and
 * dearest hours to run, when a miner loses money, what a load costs over any span and a month's demand charge.
 * "The next 24 hours" start at the top of the current local hour. Immutable; build a new one when the tariff or its
 * market series changes.
 */
public final class ElectricityPrices {

    private static final Duration LOOK_AHEAD = Duration.ofHours(24);
    private static final double WATTS_PER_KW = 1000.0;
    private static final double HOURS_PER_DAY = 24.0;

    private final Tariff tariff;
    private final TariffSchedule schedule;
    private final Clock clock;

    private ElectricityPrices(Tariff tariff, PriceSeries market, Clock clock) {
        this.tariff = Objects.requireNonNull(tariff, "tariff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = new TariffSchedule(tariff, market);
    }

    /**
     * Prices under a flat or time-of-use tariff.
     *
     * @throws IllegalArgumentException when the tariff reads a market series: use {@link #withMarket}
     */
    public static ElectricityPrices of(Tariff tariff, Clock clock) {
        if (tariff.energy() instanceof MarketPrice m) {
            throw new IllegalArgumentException("Tariff '" + tariff.name() + "' is priced from market series '"
                    + m.seriesName() + "'; load the series and use ElectricityPrices.withMarket");
        }
        return new ElectricityPrices(tariff, null, clock);
    }

    /**
     * Prices under a market tariff with the series it names. The series may be empty or partial: the hours it does
     * not cover are priced by the tariff's fallback and marked so.
     */
    public static ElectricityPrices withMarket(Tariff tariff, PriceSeries series, Clock clock) {
        if (!(tariff.energy() instanceof MarketPrice m)) {
            throw new IllegalArgumentException("Tariff '" + tariff.name() + "' does not read a market series");
        }
        Objects.requireNonNull(series, "series");
        if (!series.name().equals(m.seriesName())) {
            throw new IllegalArgumentException("Tariff '" + tariff.name() + "' reads market series '" + m.seriesName()
                    + "', not '" + series.name() + "'");
        }
        if (!series.currency().equals(tariff.currency())) {
            throw new IllegalArgumentException("Market series '" + series.name() + "' is in " + series.currency()
                    + " but tariff '" + tariff.name() + "' is in " + tariff.currency());
        }
        return new ElectricityPrices(tariff, series, clock);
    }

    public Tariff tariff() {
        return tariff;
    }

    /** The price at {@code at}, as the segment holding it (cut at the local day's boundaries). */
    public PriceSegment priceAt(Instant at) {
        LocalDate day = at.atZone(tariff.zone()).toLocalDate();
        for (PriceSegment segment : day(day).segments()) {
            if (!segment.end().isAfter(at)) {
                continue;
            }
            return segment;
        }
        throw new IllegalStateException("the segments of " + day + " do not reach " + at);
    }

    /** The price now. */
    public PriceSegment priceNow() {
        return priceAt(clock.instant());
    }

    /** {@code [from, to)} cut into its price segments, for costing loads over it. */
    public PricedPeriod period(Instant from, Instant to) {
        return new PricedPeriod(from, to, tariff.currency(), schedule.segments(from, to));
    }

    /** A local calendar day at the site: 24 hours, or 23 or 25 on the days clocks change. */
    public PricedPeriod day(LocalDate date) {
        return period(date.atStartOfDay(tariff.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(tariff.zone()).toInstant());
    }

    /** The 24 hours from the top of the current local hour. */
    public PricedPeriod next24Hours() {
        Instant start = clock.instant().atZone(tariff.zone()).truncatedTo(ChronoUnit.HOURS).toInstant();
        return period(start, start.plus(LOOK_AHEAD));
    }

    /** The next 24 hours, hour by hour. */
    public List<HourPrice> hourlyPrices() {
        return next24Hours().hourly();
    }

    /** The {@code hours} consecutive hours of the next 24 with the lowest average price; the earliest on a tie. */
    public PriceWindow cheapestWindow(int hours) {
        return window(hours, true);
    }

    /** The {@code hours} consecutive hours of the next 24 with the highest average price; the earliest on a tie. */
    public PriceWindow mostExpensiveWindow(int hours) {
        return window(hours, false);
    }

    /**
     * The hours of the next 24 in which a miner earns less than its electricity costs.
     *
     * @param revenuePerDay what the miner earns in 24 hours, in the tariff's currency; spread evenly over the hours
     * @param powerWatts    what it draws
     */
    public List<HourlyMargin> unprofitableHours(double revenuePerDay, double powerWatts) {
        if (!Double.isFinite(revenuePerDay) || !Double.isFinite(powerWatts) || powerWatts < 0) {
            throw new IllegalArgumentException("revenuePerDay must be a number and powerWatts zero or more, got "
                    + revenuePerDay + " and " + powerWatts);
        }
        List<HourlyMargin> losing = new ArrayList<>();
        for (HourPrice hour : hourlyPrices()) {
            double hours = Duration.between(hour.start(), hour.end()).toNanos() / 3.6e12;
            double revenue = revenuePerDay / HOURS_PER_DAY * hours;
            double cost = powerWatts / WATTS_PER_KW * hours * hour.pricePerKwh();
            if (revenue < cost) {
                losing.add(new HourlyMargin(hour.start(), hour.end(), revenue, cost, hour.source()));
            }
        }
        return losing;
    }

    /** What a load with the given power profile costs over {@code [from, to)}, integrated exactly. */
    public EnergyCost energyCost(PowerProfile profile, Instant from, Instant to) {
        return period(from, to).costOf(profile);
    }

    /**
     * The month's demand charges from the site's power readings (readings outside the month are ignored).
     *
     * @throws IllegalArgumentException when the tariff has demand charges but no reading falls in the month
     */
    public DemandChargeBill demandCharges(YearMonth month, List<PowerReading> readings) {
        return DemandMeter.bill(tariff, month, readings);
    }

    private PriceWindow window(int hours, boolean cheapest) {
        List<HourPrice> day = hourlyPrices();
        if (hours < 1 || hours > day.size()) {
            throw new IllegalArgumentException("A window must be 1–" + day.size() + " hours long, got " + hours);
        }
        PriceWindow best = null;
        for (int first = 0; first + hours <= day.size(); first++) {
            double sum = 0;
            PriceSource source = PriceSource.TARIFF;
            for (int i = first; i < first + hours; i++) {
                sum += day.get(i).pricePerKwh();
                source = source.weaker(day.get(i).source());
            }
            double average = sum / hours;
            if (best == null || (cheapest ? average < best.averagePricePerKwh() : average > best.averagePricePerKwh())) {
                best = new PriceWindow(day.get(first).start(), day.get(first + hours - 1).end(), average, source);
            }
        }
        return best;
    }
}
