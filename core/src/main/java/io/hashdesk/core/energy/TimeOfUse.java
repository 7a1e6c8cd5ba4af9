package io.hashdesk.core.energy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices by season, by weekday or weekend, and by hour band on the site's local clock. Checked on construction:
 * the seasons cover every day of the year exactly once (29 February included) and each season's bands cover every
 * day's 24 hours exactly once.
 *
 * @param seasons     the year's seasons, in any order
 * @param weekendDays the days priced with a season's weekend bands, usually Saturday and Sunday
 * @param holidays    dates priced with the weekend bands whatever the weekday
 */
public record TimeOfUse(List<Season> seasons, Set<DayOfWeek> weekendDays, List<LocalDate> holidays)
        implements EnergyCharge {

    /** A leap year, so that a season table is checked against 29 February too. */
    private static final int LEAP_YEAR = 2024;

    public TimeOfUse {
        seasons = List.copyOf(Objects.requireNonNull(seasons, "seasons"));
        // an EnumSet keeps the days in week order, so the JSON document reads Saturday before Sunday
        weekendDays = Collections.unmodifiableSet(weekendDays == null || weekendDays.isEmpty()
                ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekendDays));
        holidays = List.copyOf(new TreeSet<>(Objects.requireNonNull(holidays, "holidays (use [] for none)")));
        requireYearCovered(seasons);
        requireUniqueNames(seasons);
    }

    /** Saturday and Sunday as the weekend, no holidays. */
    public static TimeOfUse of(List<Season> seasons) {
        return new TimeOfUse(seasons, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());
    }

    Season seasonOf(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        for (Season season : seasons) {
            if (season.contains(day)) {
                return season;
            }
        }
        throw new IllegalStateException("no season covers " + day + "; the constructor should have refused this table");
    }

    boolean isWeekendOrHoliday(LocalDate date) {
        return weekendDays.contains(date.getDayOfWeek()) || holidays.contains(date);
    }

    private static void requireYearCovered(List<Season> seasons) {
        if (seasons.isEmpty()) {
            throw new IllegalArgumentException("A time-of-use tariff needs at least one season covering the whole year");
        }
        List<MonthDay> uncovered = new ArrayList<>();
        for (LocalDate d = LocalDate.of(LEAP_YEAR, Month.JANUARY, 1); d.getYear() == LEAP_YEAR; d = d.plusDays(1)) {
            MonthDay day = MonthDay.from(d);
            Season first = null;
            for (Season season : seasons) {
                if (!season.contains(day)) {
                    continue;
                }
                if (first != null) {
                    throw new IllegalArgumentException("Seasons '" + first.name() + "' and '" + season.name()
                            + "' both cover " + format(day) + "; each day of the year must be in exactly one season");
                }
                first = season;
            }
            if (first == null) {
                uncovered.add(day);
            }
        }
        if (!uncovered.isEmpty()) {
            throw new IllegalArgumentException("No season covers " + describeRuns(uncovered)
                    + "; the seasons must cover the whole year");
        }
    }

    private static void requireUniqueNames(List<Season> seasons) {
        Set<String> names = new HashSet<>();
        for (Season season : seasons) {
            if (!names.add(season.name())) {
                throw new IllegalArgumentException("Two seasons are named '" + season.name() + "'");
            }
        }
    }

    /** Consecutive days written as ranges: {@code 10-01…10-14, 12-25}. */
    private static String describeRuns(List<MonthDay> days) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && next(days.get(j)).equals(days.get(j + 1))) {
                j++;
            }
            out.append(out.isEmpty() ? "" : ", ").append(format(days.get(i)));
            if (j > i) {
                out.append('…').append(format(days.get(j)));
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static MonthDay next(MonthDay day) {
        return MonthDay.from(day.atYear(LEAP_YEAR).plusDays(1));
    }

    private static String format(MonthDay day) {
        return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }
}
