package io.hashdesk.app.overview;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.store.FleetPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet's totals over the chart's window, ready to draw at each 5-minute bucket's start (epoch seconds): hashrate
 * per algorithm, each in its own unit (SHA-256 and Scrypt hashes are different work and never added), and the power
 * of every miner in kW.
 */
record FleetHistory(Instant from, Instant to, List<HashrateLine> hashrate, List<Point> powerKilowatts) {

    record Point(long epochSecond, double value) {
    }

    /** One algorithm's fleet hashrate, in the unit its operators read a whole fleet's total in. */
    record HashrateLine(Algorithm algorithm, HashrateUnit unit, List<Point> points) {

        HashrateLine {
            points = List.copyOf(points);
        }
    }

    FleetHistory {
        hashrate = List.copyOf(hashrate);
        powerKilowatts = List.copyOf(powerKilowatts);
    }

    /**
     * @param all         every miner's totals, for the power line
     * @param byAlgorithm the totals per algorithm, for the hashrate lines (in the enum's order, SHA-256 first)
     */
    static FleetHistory of(Instant from, Instant to, List<FleetPoint> all, Map<Algorithm, List<FleetPoint>> byAlgorithm) {
        List<HashrateLine> hashrate = byAlgorithm.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> line(e.getKey(), e.getValue()))
                .toList();
        return new FleetHistory(from, to, hashrate,
                all.stream().map(p -> new Point(p.start().getEpochSecond(), p.powerWatts() / 1000.0)).toList());
    }

    private static HashrateLine line(Algorithm algorithm, List<FleetPoint> points) {
        HashrateUnit unit = fleetUnit(algorithm);
        return new HashrateLine(algorithm, unit, points.stream()
                .map(p -> new Point(p.start().getEpochSecond(), unit.fromThs(p.hashrateThs()))).toList());
    }

    /**
     * TH/s for SHA-256 as on the tiles; a thousand times a single miner's unit otherwise, since a fleet of Scrypt
     * miners (MH/s each) adds up to GH/s.
     */
    static HashrateUnit fleetUnit(Algorithm algorithm) {
        return algorithm == Algorithm.SHA256 ? HashrateUnit.TH_S : algorithm.displayUnit().thousandfold();
    }

    Optional<HashrateLine> hashrate(Algorithm algorithm) {
        return hashrate.stream().filter(line -> line.algorithm() == algorithm).findFirst();
    }

    boolean isEmpty() {
        return hashrate.isEmpty() && powerKilowatts.isEmpty();
    }
}
