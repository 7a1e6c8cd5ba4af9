package io.hashdesk.drivers.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A room's air temperature over the day: points at hours of the day (UTC), joined by straight lines and wrapping
 * from the last point of one day to the first of the next. Written in a fleet file as
 * {@code [{"hour": 4, "tempC": 18}, {"hour": 15, "tempC": 27}]}.
 */
public record AmbientCurve(List<Point> points) {

    private static final double HOURS_PER_DAY = 24;
    private static final double SECONDS_PER_HOUR = 3600;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AmbientCurve {
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("an ambient curve needs at least one point");
        }
        points = points.stream().sorted(Comparator.comparingDouble(Point::hour)).toList();
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).hour() == points.get(i - 1).hour()) {
                throw new IllegalArgumentException("two ambient points at hour " + points.get(i).hour());
            }
        }
    }

    @JsonValue
    public List<Point> points() {
        return points;
    }

    public static AmbientCurve constant(double tempC) {
        return new AmbientCurve(List.of(new Point(0, tempC)));
    }

    /** Air temperature at this instant. */
    public double tempAt(Instant at) {
        double hour = Math.floorMod(at.getEpochSecond(), (long) (HOURS_PER_DAY * SECONDS_PER_HOUR)) / SECONDS_PER_HOUR;
        Point before = points.getLast();
        Point after = points.getFirst();
        for (Point point : points) {
            if (point.hour() <= hour) {
                before = point;
            } else {
                after = point;
                break;
            }
        }
        double span = Math.floorMod((long) ((after.hour() - before.hour()) * SECONDS_PER_HOUR),
                (long) (HOURS_PER_DAY * SECONDS_PER_HOUR)) / SECONDS_PER_HOUR;
        if (span == 0) {
            return before.tempC();
        }
        double into = (hour - before.hour() + HOURS_PER_DAY) % HOURS_PER_DAY;
        return before.tempC() + (after.tempC() - before.tempC()) * into / span;
    }

    /** Temperature {@code tempC} at {@code hour} of the day (0 ≤ hour < 24, UTC). */
    public record Point(double hour, double tempC) {
        public Point {
            if (hour < 0 || hour >= HOURS_PER_DAY) {
                throw new IllegalArgumentException("hour must be in [0, 24), got " + hour);
            }
            if (tempC < -40 || tempC > 60) {
                throw new IllegalArgumentException("tempC must be a room temperature in [-40, 60], got " + tempC);
            }
        }
    }
}
