package io.hashdesk.core.energy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Market prices at a fixed resolution (hourly for a classic day-ahead market, 15 minutes since some moved to it),
 * each point covering {@code [start, start + interval)}. Points are in time order and never overlap; missing
 * intervals are {@link #gaps() gaps}, not zeros.
 *
 * @param name     the series' name, which a {@link MarketPrice} tariff refers to
 * @param currency ISO 4217 code of the prices
 * @param interval how long each point lasts: a whole number of minutes that divides an hour
 * @param points   the prices, sorted by start
 */
public record PriceSeries(String name, String currency, Duration interval, List<PricePoint> points) {

    public PriceSeries {
        if (name == null || name.isBlank() || !name.strip().equals(name)) {
            throw new IllegalArgumentException("A price series name must be non-blank without leading or trailing"
                    + " spaces, got '" + name + "'");
        }
        currency = Tariff.requireCurrency(currency, "price series '" + name + "'");
        requireInterval(interval, "price series '" + name + "'");
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        for (int i = 1; i < points.size(); i++) {
            Instant previousEnd = points.get(i - 1).start().plus(interval);
            if (points.get(i).start().isBefore(previousEnd)) {
                throw new IllegalArgumentException("Price series '" + name + "': the point at " + points.get(i).start()
                        + " starts before the one at " + points.get(i - 1).start() + " ends; points must be in time"
                        + " order without overlap");
            }
        }
    }

    /** A series holding {@code points} in any order; they are sorted by start. */
    public static PriceSeries sorted(String name, String currency, Duration interval, List<PricePoint> points) {
        List<PricePoint> copy = new ArrayList<>(points);
        copy.sort(Comparator.comparing(PricePoint::start));
        return new PriceSeries(name, currency, interval, copy);
    }

    /** The intervals between the first and the last point that no point covers. */
    public List<PriceGap> gaps() {
        List<PriceGap> gaps = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            Instant previousEnd = end(points.get(i - 1));
            if (points.get(i).start().isAfter(previousEnd)) {
                gaps.add(new PriceGap(previousEnd, points.get(i).start()));
            }
        }
        return gaps;
    }

    Instant end(PricePoint point) {
        return point.start().plus(interval);
    }

    /** Index of the first point that ends after {@code t}; {@code points.size()} when there is none. */
    int firstEndingAfter(Instant t) {
        int index = Collections.binarySearch(points, new PricePoint(t.minus(interval), 0),
                Comparator.comparing(PricePoint::start));
        // a point ending exactly at t starts at t - interval; the one after it is the first ending after t
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** @param owner whose interval it is, e.g. {@code price series 'epex-de'} */
    static void requireInterval(Duration interval, String owner) {
        Objects.requireNonNull(interval, "interval of " + owner);
        long minutes = interval.toMinutes();
        if (!interval.equals(Duration.ofMinutes(minutes)) || minutes < 1 || 60 % minutes != 0) {
            throw new IllegalArgumentException("The interval of " + owner
                    + " must be a whole number of minutes dividing an hour (PT15M, PT30M, PT1H), got " + interval);
        }
    }
}
