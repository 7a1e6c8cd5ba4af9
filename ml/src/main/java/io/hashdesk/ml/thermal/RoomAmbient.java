package io.hashdesk.ml.thermal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The air temperature around a miner over time, which the thermal model needs and the telemetry store does not
 * hold yet: miners do not report it, and room sensors arrive with a later issue. Callers pass either readings from
 * a room sensor (joined by straight lines, held flat before the first and after the last) or one constant room
 * temperature, which ignores day/night swings and so widens the fitted model's errors.
 */
public record RoomAmbient(List<Reading> readings) {

    /** One room temperature reading. */
    public record Reading(Instant at, double tempC) {
        public Reading {
            Objects.requireNonNull(at, "at");
            if (!Double.isFinite(tempC) || tempC < -40 || tempC > 60) {
                throw new IllegalArgumentException("room temperature at " + at + " must be in [-40, 60] °C, got "
                        + tempC);
            }
        }
    }

    public RoomAmbient {
        if (readings == null || readings.isEmpty()) {
            throw new IllegalArgumentException("room ambient needs at least one reading");
        }
        readings = readings.stream().sorted(Comparator.comparing(Reading::at)).toList();
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i).at().equals(readings.get(i - 1).at())) {
                throw new IllegalArgumentException("two room temperature readings at " + readings.get(i).at());
            }
        }
    }

    /** A room held at one temperature, for sites without a room sensor. */
    public static RoomAmbient constant(double tempC) {
        return new RoomAmbient(List.of(new Reading(Instant.EPOCH, tempC)));
    }

    public boolean isConstant() {
        return readings.size() == 1;
    }

    /** Room temperature at {@code at}, interpolated between the readings around it. */
    public double tempAt(Instant at) {
        if (!at.isAfter(readings.getFirst().at())) {
            return readings.getFirst().tempC();
        }
        if (!at.isBefore(readings.getLast().at())) {
            return readings.getLast().tempC();
        }
        int low = 0;
        int high = readings.size() - 1;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (readings.get(mid).at().isAfter(at)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        Reading before = readings.get(low);
        Reading after = readings.get(high);
        double span = after.at().toEpochMilli() - before.at().toEpochMilli();
        double into = at.toEpochMilli() - before.at().toEpochMilli();
        return before.tempC() + (after.tempC() - before.tempC()) * into / span;
    }
}
