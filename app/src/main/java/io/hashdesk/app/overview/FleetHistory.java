package io.hashdesk.app.overview;

import io.hashdesk.core.store.FleetPoint;
import java.time.Instant;
import java.util.List;

/**
 * The fleet's totals over the chart's window, ready to draw: hashrate in TH/s and power in kW at each 5-minute bucket's
 * start (epoch seconds).
 */
record FleetHistory(Instant from, Instant to, List<Point> hashrateThs, List<Point> powerKilowatts) {

    record Point(long epochSecond, double value) {
    }

    FleetHistory {
        hashrateThs = List.copyOf(hashrateThs);
        powerKilowatts = List.copyOf(powerKilowatts);
    }

    static FleetHistory of(Instant from, Instant to, List<FleetPoint> points) {
        return new FleetHistory(from, to,
                points.stream().map(p -> new Point(p.start().getEpochSecond(), p.hashrateThs())).toList(),
                points.stream().map(p -> new Point(p.start().getEpochSecond(), p.powerWatts() / 1000.0)).toList());
    }

    boolean isEmpty() {
        return hashrateThs.isEmpty();
    }
}
