package io.hashdesk.core.energy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A span of time {@code [from, to)} cut into its price segments, computed once and then used for any number of
 * loads: the cost of a constant load is its kW times {@link #costPerKw()}, the cost of a varying load is integrated
 * over the segments and its own power steps exactly.
 */
public record PricedPeriod(Instant from, Instant to, String currency, List<PriceSegment> segments) {

    private static final double WATTS_PER_KW = 1000.0;
    private static final double NANOS_PER_HOUR = 3.6e12;

    public PricedPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        segments = List.copyOf(segments);
        if (segments.isEmpty() || !segments.getFirst().start().equals(from) || !segments.getLast().end().equals(to)) {
            throw new IllegalArgumentException("The segments must cover " + from + " to " + to + " exactly");
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }

    public double hours() {
        return hoursBetween(from, to);
    }

    /** Hours from {@code a} to {@code b}, without the Duration objects that costing 10,000 miners would churn out. */
    static double hoursBetween(Instant a, Instant b) {
        long nanos = (b.getEpochSecond() - a.getEpochSecond()) * 1_000_000_000L + (b.getNano() - a.getNano());
        return nanos / NANOS_PER_HOUR;
    }

    /** What 1 kW drawn for the whole period costs: the sum of each segment's price times its hours. */
    public double costPerKw() {
        double sum = 0;
        for (PriceSegment segment : segments) {
            sum += segment.pricePerKwh() * segment.hours();
        }
        return sum;
    }

    /** The time-weighted average price per kWh. */
    public double averagePricePerKwh() {
        return costPerKw() / hours();
    }

    /** The weakest source of any segment: {@link PriceSource#FALLBACK} if any part of the period used it. */
    public PriceSource source() {
        PriceSource weakest = PriceSource.TARIFF;
        for (PriceSegment segment : segments) {
            weakest = weakest.weaker(segment.source());
        }
        return weakest;
    }

    /** The cost of a load drawing {@code powerWatts} for the whole period. */
    public EnergyCost costOf(double powerWatts) {
        double kw = powerWatts / WATTS_PER_KW;
        return new EnergyCost(kw * hours(), kw * costPerKw(), currency);
    }

    /** The cost of a varying load, integrated over the period's segments and the profile's steps. */
    public EnergyCost costOf(PowerProfile profile) {
        List<PowerStep> steps = profile.steps();
        int next = 0;
        double watts = profile.initialPowerWatts();
        while (next < steps.size() && !steps.get(next).at().isAfter(from)) {
            watts = steps.get(next++).powerWatts();
        }
        double energyKwh = 0;
        double cost = 0;
        for (PriceSegment segment : segments) {
            Instant cursor = segment.start();
            while (cursor.isBefore(segment.end())) {
                Instant end = next < steps.size() && steps.get(next).at().isBefore(segment.end())
                        ? steps.get(next).at() : segment.end();
                double kwh = watts / WATTS_PER_KW * hoursBetween(cursor, end);
                energyKwh += kwh;
                cost += kwh * segment.pricePerKwh();
                cursor = end;
                if (next < steps.size() && steps.get(next).at().equals(end)) {
                    watts = steps.get(next++).powerWatts();
                }
            }
        }
        return new EnergyCost(energyKwh, cost, currency);
    }

    /** The period in hours from {@code from}; the last one is shorter when the period is not whole hours. */
    public List<HourPrice> hourly() {
        List<HourPrice> hours = new ArrayList<>();
        int index = 0;
        for (Instant start = from; start.isBefore(to); ) {
            Instant end = start.plus(Duration.ofHours(1)).isBefore(to) ? start.plus(Duration.ofHours(1)) : to;
            double costPerKw = 0;
            PriceSource source = PriceSource.TARIFF;
            while (index < segments.size() && segments.get(index).start().isBefore(end)) {
                PriceSegment segment = segments.get(index);
                Instant overlapStart = segment.start().isAfter(start) ? segment.start() : start;
                Instant overlapEnd = segment.end().isBefore(end) ? segment.end() : end;
                costPerKw += segment.pricePerKwh() * hoursBetween(overlapStart, overlapEnd);
                source = source.weaker(segment.source());
                if (segment.end().isAfter(end)) {
                    break;
                }
                index++;
            }
            double hoursLong = hoursBetween(start, end);
            hours.add(new HourPrice(start, end, costPerKw / hoursLong, source));
            start = end;
        }
        return hours;
    }
}
