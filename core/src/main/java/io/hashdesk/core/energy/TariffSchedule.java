package io.hashdesk.core.energy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a span of time into the segments a tariff prices differently, exactly at band, day and market-interval
 * boundaries, so that costs are integrated rather than sampled. Band times are local: a day with a DST change has
 * 23 or 25 hours and its bands stretch or shrink accordingly.
 */
final class TariffSchedule {

    private static final String FLAT_LABEL = "flat";
    private static final String MARKET_LABEL = "market";

    private final ZoneId zone;
    private final EnergyCharge energy;
    private final PriceSeries market;
    private final Map<String, DayPlan> plans = new HashMap<>();

    /**
     * @param market the series a {@link MarketPrice} charge reads; ignored (may be null) for other charges
     */
    TariffSchedule(Tariff tariff, PriceSeries market) {
        this.zone = tariff.zone();
        this.energy = tariff.energy();
        this.market = market;
        EnergyCharge fixed = energy instanceof MarketPrice m ? m.fallback() : energy;
        if (fixed instanceof TimeOfUse tou) {
            for (Season season : tou.seasons()) {
                plans.put(key(season, false), DayPlan.of(season.weekday(), "season '" + season.name() + "' weekday bands",
                        season.name() + " weekday: "));
                plans.put(key(season, true), DayPlan.of(season.weekend(), "season '" + season.name() + "' weekend bands",
                        season.name() + " weekend: "));
            }
        }
    }

    /** The segments covering {@code [from, to)} in time order, adjacent ones with the same price and label merged. */
    List<PriceSegment> segments(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The span must end after it starts, got " + from + " to " + to);
        }
        List<PriceSegment> out = new ArrayList<>();
        switch (energy) {
            case MarketPrice m -> market(m, from, to, out);
            default -> fixed(energy, PriceSource.TARIFF, from, to, out);
        }
        return out;
    }

    private void market(MarketPrice charge, Instant from, Instant to, List<PriceSegment> out) {
        List<PricePoint> points = market.points();
        int index = market.firstEndingAfter(from);
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            PricePoint point = index < points.size() ? points.get(index) : null;
            if (point != null && !point.start().isAfter(cursor)) {
                Instant end = min(market.end(point), to);
                add(out, new PriceSegment(cursor, end, point.pricePerKwh() + charge.adderPerKwh(), PriceSource.MARKET,
                        MARKET_LABEL));
                cursor = end;
                index++;
            } else {
                Instant end = point == null ? to : min(point.start(), to);
                fixed(charge.fallback(), PriceSource.FALLBACK, cursor, end, out);
                cursor = end;
            }
        }
    }

    private void fixed(EnergyCharge charge, PriceSource source, Instant from, Instant to, List<PriceSegment> out) {
        switch (charge) {
            case FlatPrice flat -> add(out, new PriceSegment(from, to, flat.pricePerKwh(), source, FLAT_LABEL));
            case TimeOfUse tou -> timeOfUse(tou, source, from, to, out);
            case MarketPrice m -> throw new IllegalStateException("a market price cannot be a fallback");
        }
    }

    private void timeOfUse(TimeOfUse tou, PriceSource source, Instant from, Instant to, List<PriceSegment> out) {
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            DayPlan plan = plans.get(key(tou.seasonOf(date), tou.isWeekendOrHoliday(date)));
            for (DayPlan.Piece piece : plan.pieces()) {
                Instant start = max(at(date, piece.startMinute()), from);
                Instant end = min(at(date, piece.endMinute()), to);
                // a piece can be empty: outside the span, or inside the hour a spring-forward skips
                if (start.isBefore(end)) {
                    add(out, new PriceSegment(start, end, piece.band().pricePerKwh(), source, piece.label()));
                }
            }
        }
    }

    /** The instant of a local minute of a date; a minute inside a DST gap maps to the instant the gap ends. */
    private Instant at(LocalDate date, int minuteOfDay) {
        if (minuteOfDay == HourBand.MINUTES_PER_DAY) {
            return at(date.plusDays(1), 0);
        }
        return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minuteOfDay * 60L), zone).toInstant();
    }

    private static void add(List<PriceSegment> out, PriceSegment next) {
        if (!out.isEmpty()) {
            PriceSegment last = out.getLast();
            if (last.end().equals(next.start()) && last.pricePerKwh() == next.pricePerKwh()
                    && last.source() == next.source() && last.label().equals(next.label())) {
                out.set(out.size() - 1, new PriceSegment(last.start(), next.end(), last.pricePerKwh(), last.source(),
                        last.label()));
                return;
            }
        }
        out.add(next);
    }

    private static String key(Season season, boolean weekend) {
        return season.name() + (weekend ? "\u0000weekend" : "\u0000weekday");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
