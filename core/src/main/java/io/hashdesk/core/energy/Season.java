package io.hashdesk.core.energy;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;

/**
 * Part of the year with its own hour bands, from {@code from} to {@code to} inclusive; it may run over New Year
 * ({@code 10-01} to {@code 05-31}). Holidays listed on the tariff are priced with the season's weekend bands.
 * In JSON the dates are written {@code "06-01"}.
 */
public record Season(String name,
                     @JsonFormat(pattern = "MM-dd") MonthDay from,
                     @JsonFormat(pattern = "MM-dd") MonthDay to,
                     List<HourBand> weekday,
                     List<HourBand> weekend) {

    public Season {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A season needs a name (e.g. \"summer\"), got '" + name + "'");
        }
        Objects.requireNonNull(from, "from of season '" + name + "'");
        Objects.requireNonNull(to, "to of season '" + name + "'");
        weekday = List.copyOf(Objects.requireNonNull(weekday, "weekday bands of season '" + name + "'"));
        weekend = List.copyOf(Objects.requireNonNull(weekend, "weekend bands of season '" + name + "'"));
        DayPlan.of(weekday, "season '" + name + "' weekday bands");
        DayPlan.of(weekend, "season '" + name + "' weekend bands");
    }

    /** A season whose weekend is priced like its weekdays. */
    public static Season everyDay(String name, MonthDay from, MonthDay to, List<HourBand> bands) {
        return new Season(name, from, to, bands, bands);
    }

    boolean contains(MonthDay day) {
        return from.compareTo(to) <= 0
                ? !day.isBefore(from) && !day.isAfter(to)
                : !day.isBefore(from) || !day.isAfter(to);
    }
}
