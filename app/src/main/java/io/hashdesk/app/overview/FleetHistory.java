package io.hashdesk.app.overview;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.SensorPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fleet's totals over the chart's window, ready to draw at each 5-minute bucket's start (epoch seconds): hashrate
 * per algorithm, each in its own unit (SHA-256 and Scrypt hashes are different work and never added), the power
 * every miner reports in kW, and beside it the power the room meters measured (empty without meters).
 */
record FleetHistory(Instant from, Instant to, List<HashrateLine> hashrate, List<Point> powerKilowatts,
                    List<Point> meteredKilowatts) {

    private static final double WATTS_PER_KILOWATT = 1000;

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
        meteredKilowatts = List.copyOf(meteredKilowatts);
    }

    /**
     * @param all         every miner's totals, for the power line
     * @param byAlgorithm the totals per algorithm, for the hashrate lines (in the enum's order, SHA-256 first)
     * @param metered     measured power per room (watts per bucket), for the metered line
     */
    static FleetHistory of(Instant from, Instant to, List<FleetPoint> all, Map<Algorithm, List<FleetPoint>> byAlgorithm,
                           Map<String, List<SensorPoint>> metered) {
        List<HashrateLine> hashrate = byAlgorithm.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> line(e.getKey(), e.getValue()))
                .toList();
        return new FleetHistory(from, to, hashrate,
                all.stream().map(p -> new Point(p.start().getEpochSecond(), p.powerWatts() / WATTS_PER_KILOWATT))
                        .toList(),
                meteredTotal(metered));
    }

    /**
     * The metered rooms' power added up per bucket, only where every metered room reported: a bucket missing a room
     * would draw a dip the farm never had.
     */
    private static List<Point> meteredTotal(Map<String, List<SensorPoint>> metered) {
        Map<Instant, double[]> byBucket = new TreeMap<>();
        for (List<SensorPoint> room : metered.values()) {
            for (SensorPoint p : room) {
                double[] sumAndRooms = byBucket.computeIfAbsent(p.start(), at -> new double[2]);
                sumAndRooms[0] += p.value().mean();
                sumAndRooms[1]++;
            }
        }
        int rooms = (int) metered.values().stream().filter(points -> !points.isEmpty()).count();
        return byBucket.entrySet().stream().filter(e -> e.getValue()[1] == rooms)
                .map(e -> new Point(e.getKey().getEpochSecond(), e.getValue()[0] / WATTS_PER_KILOWATT)).toList();
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
