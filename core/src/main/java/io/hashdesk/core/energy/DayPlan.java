package io.hashdesk.core.energy;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A day's hour bands checked to cover the 24 hours exactly once and cut at midnight into pieces in clock order, so
 * pricing a day is a walk over the pieces.
 */
final class DayPlan {

    /** Part of a band within one calendar day: minutes {@code [startMinute, endMinute)}, endMinute up to 1440. */
    record Piece(int startMinute, int endMinute, HourBand band, String label) {
    }

    private final List<Piece> pieces;

    private DayPlan(List<Piece> pieces) {
        this.pieces = pieces;
    }

    List<Piece> pieces() {
        return pieces;
    }

    /**
     * Checks that the bands cover each minute of the day exactly once.
     *
     * @param where how the bands are named in an error, e.g. {@code season 'summer' weekday bands}
     * @throws IllegalArgumentException naming the overlapping bands or the uncovered hours
     */
    static DayPlan of(List<HourBand> bands, String where) {
        return of(bands, where, "");
    }

    /** As {@link #of(List, String)}, with {@code labelPrefix} before each band's name in the pieces' labels. */
    static DayPlan of(List<HourBand> bands, String where, String labelPrefix) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException(where + " are empty; the bands of a day must cover all 24 hours");
        }
        HourBand[] owner = new HourBand[HourBand.MINUTES_PER_DAY];
        for (HourBand band : bands) {
            for (int i = 0; i < band.lengthMinutes(); i++) {
                int minute = (band.startMinute() + i) % HourBand.MINUTES_PER_DAY;
                if (owner[minute] != null) {
                    throw new IllegalArgumentException(where + ": band " + band.describe() + " overlaps band "
                            + owner[minute].describe() + " from " + clock(minute));
                }
                owner[minute] = band;
            }
        }
        requireCovered(owner, where);
        List<Piece> pieces = new ArrayList<>();
        for (HourBand band : bands) {
            int start = band.startMinute();
            int end = start + band.lengthMinutes();
            String label = labelPrefix + band.name();
            if (end <= HourBand.MINUTES_PER_DAY) {
                pieces.add(new Piece(start, end, band, label));
            } else {
                pieces.add(new Piece(start, HourBand.MINUTES_PER_DAY, band, label));
                pieces.add(new Piece(0, end - HourBand.MINUTES_PER_DAY, band, label));
            }
        }
        pieces.sort(Comparator.comparingInt(Piece::startMinute));
        return new DayPlan(List.copyOf(pieces));
    }

    private static void requireCovered(HourBand[] owner, String where) {
        int minute = 0;
        while (minute < HourBand.MINUTES_PER_DAY && owner[minute] != null) {
            minute++;
        }
        if (minute == HourBand.MINUTES_PER_DAY) {
            return;
        }
        int end = minute;
        while (end < HourBand.MINUTES_PER_DAY && owner[end] == null) {
            end++;
        }
        throw new IllegalArgumentException(where + ": no band covers " + clock(minute) + "–" + clock(end)
                + "; the bands of a day must cover all 24 hours");
    }

    private static String clock(int minute) {
        return minute == HourBand.MINUTES_PER_DAY ? "24:00" : LocalTime.ofSecondOfDay(minute * 60L).toString();
    }
}
