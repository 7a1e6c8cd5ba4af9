package io.hashdesk.core.energy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** Tariffs the energy tests share: a two-season time-of-use tariff for a site in Berlin. */
final class Tariffs {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final double SUMMER_OFF_PEAK = 0.10;
    static final double SUMMER_PEAK = 0.30;
    static final double SUMMER_LATE = 0.15;
    static final double SUMMER_WEEKEND = 0.12;
    static final double WINTER_NIGHT = 0.08;
    static final double WINTER_DAY = 0.20;
    static final double WINTER_WEEKEND = 0.10;
    static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    private Tariffs() {
    }

    static HourBand band(String name, String from, String to, double price) {
        return new HourBand(name, LocalTime.parse(from), LocalTime.parse(to), price);
    }

    static MonthDay md(int month, int day) {
        return MonthDay.of(month, day);
    }

    /** Summer Jun–Sep with three weekday bands, winter Oct–May with a night band across midnight; Christmas a holiday. */
    static TimeOfUse twoSeasons() {
        Season summer = new Season("summer", md(6, 1), md(9, 30),
                List.of(band("off-peak", "00:00", "07:00", SUMMER_OFF_PEAK), band("peak", "07:00", "23:00", SUMMER_PEAK),
                        band("late", "23:00", "00:00", SUMMER_LATE)),
                List.of(band("weekend", "00:00", "00:00", SUMMER_WEEKEND)));
        Season winter = new Season("winter", md(10, 1), md(5, 31),
                List.of(band("night", "22:00", "06:00", WINTER_NIGHT), band("day", "06:00", "22:00", WINTER_DAY)),
                List.of(band("weekend", "00:00", "00:00", WINTER_WEEKEND)));
        return new TimeOfUse(List.of(summer, winter), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of(CHRISTMAS));
    }

    static Tariff berlinTimeOfUse() {
        return new Tariff("Berlin TOU", "EUR", BERLIN, twoSeasons(), List.of());
    }

    /** The same three bands every day of the year, so DST Sundays are priced by bands rather than a weekend rate. */
    static Tariff threeBandsEveryDay(ZoneId zone) {
        Season all = Season.everyDay("all year", md(1, 1), md(12, 31),
                List.of(band("off-peak", "00:00", "07:00", SUMMER_OFF_PEAK), band("peak", "07:00", "23:00", SUMMER_PEAK),
                        band("late", "23:00", "00:00", SUMMER_LATE)));
        return new Tariff("three bands", "EUR", zone, TimeOfUse.of(List.of(all)), List.of());
    }
}
