package io.hashdesk.core.energy;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One price for part of a day on the local clock, from {@code from} up to (not including) {@code to}. A band may
 * run past midnight ({@code 23:00}–{@code 07:00}); {@code to} = {@code 00:00} means the end of the day, and a band
 * with {@code from} = {@code to} covers the whole day. Past midnight the next calendar day's bands apply, so a
 * Friday-night band ends at midnight when Saturday is priced as a weekend. In JSON the times are written
 * {@code "07:00"}.
 */
public record HourBand(String name,
                       @JsonFormat(pattern = "HH:mm") LocalTime from,
                       @JsonFormat(pattern = "HH:mm") LocalTime to,
                       double pricePerKwh) {

    static final int MINUTES_PER_DAY = 24 * 60;

    public HourBand {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An hour band needs a name (e.g. \"peak\"), got '" + name + "'");
        }
        Objects.requireNonNull(from, "from of band '" + name + "'");
        Objects.requireNonNull(to, "to of band '" + name + "'");
        requireWholeMinute(from, name, "from");
        requireWholeMinute(to, name, "to");
        Prices.requireTariffPrice(pricePerKwh, "pricePerKwh of band '" + name + "'");
    }

    /** Minute of the day the band starts, 0–1439. */
    int startMinute() {
        return from.getHour() * 60 + from.getMinute();
    }

    /** Minutes the band lasts, 1–1440. */
    int lengthMinutes() {
        int end = to.getHour() * 60 + to.getMinute();
        int length = Math.floorMod(end - startMinute(), MINUTES_PER_DAY);
        return length == 0 ? MINUTES_PER_DAY : length;
    }

    /** How the band is written in messages: {@code 'peak' (07:00–23:00)}. */
    String describe() {
        return "'" + name + "' (" + from + "–" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString()) + ")";
    }

    private static void requireWholeMinute(LocalTime time, String band, String field) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException(field + " of band '" + band + "' must be a whole minute, got " + time);
        }
    }
}
