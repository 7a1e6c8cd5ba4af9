package io.hashdesk.app.detail;

import java.util.List;
import java.util.Objects;

/**
 * One line of a chart, free of JavaFX so the view-model tests can read it.
 *
 * @param name   the legend's words, e.g. {@code Board 2}
 * @param role   how the line is drawn
 * @param points oldest first
 */
public record ChartLine(String name, Role role, List<Point> points) {

    /** How a line is drawn: the main value, the buckets' maxima or minima (a band around it), or a part (a board). */
    public enum Role { MAIN, MAX, MIN, PART }

    /** A value at a time, in epoch seconds so it can go straight onto a number axis. */
    public record Point(long epochSecond, double value) {
    }

    public ChartLine {
        Objects.requireNonNull(name, "line name");
        Objects.requireNonNull(role, "role of " + name);
        points = List.copyOf(points);
    }
}
