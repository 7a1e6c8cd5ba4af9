package io.hashdesk.ml.training;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.store.AmbientScope;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.PowerCircuit;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.ml.features.RoomSensors;
import io.hashdesk.ml.thermal.RoomAmbient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the room sensors measured over a training window, read from the store once (5-minute buckets): intake air per
 * room and per rack, and power per metered circuit. The thermal fit follows the air around each miner, its rack's
 * sensors first, else its room's; the features take a room's mean air and a circuit's mean power. Rooms without an
 * intake sensor get nothing here, and the trainers fall back to the assumed room temperature (thermal) or leave the
 * ambient features missing (anomaly).
 */
public final class RoomSensorHistory implements RoomSensors {

    /** The readings {@link RoomAmbient} accepts; a sensor reading outside them is a fault, not air. */
    private static final double MIN_AIR_C = -40;
    private static final double MAX_AIR_C = 60;

    private static final double WATTS_PER_KILOWATT = 1000;

    private final Map<AmbientScope, List<SensorPoint>> intake;
    private final Map<PowerCircuit, List<SensorPoint>> circuits;

    private RoomSensorHistory(Map<AmbientScope, List<SensorPoint>> intake,
                              Map<PowerCircuit, List<SensorPoint>> circuits) {
        this.intake = intake;
        this.circuits = circuits;
    }

    public static RoomSensorHistory read(FarmStore store, Instant from, Instant to) {
        return new RoomSensorHistory(store.sensors().ambientIntake(from, to, Resolution.FIVE_MINUTES),
                store.sensors().powerByCircuit(from, to, Resolution.FIVE_MINUTES));
    }

    /** The air around a miner: its rack's intake if a sensor is fixed there, else its room's; empty if neither. */
    Optional<RoomAmbient> around(Miner miner) {
        String room = miner.position().roomId();
        Optional<RoomAmbient> rack = readings(AmbientScope.rack(room, miner.position().rack()));
        return rack.isPresent() ? rack : readings(AmbientScope.room(room));
    }

    /** Rooms with intake air in the window. */
    Set<String> sensedRooms() {
        Set<String> rooms = new TreeSet<>();
        intake.forEach((scope, points) -> {
            if (scope.rack() == null && points.stream().anyMatch(RoomSensorHistory::plausible)) {
                rooms.add(scope.roomId());
            }
        });
        return rooms;
    }

    @Override
    public double meanAmbientC(String roomId, Instant from, Instant to) {
        return mean(intake.getOrDefault(AmbientScope.room(roomId), List.of()), from, to, RoomSensorHistory::plausible);
    }

    /** Sample-weighted mean of the buckets starting in {@code [from, to)} that pass; NaN when none does. */
    private static double mean(List<SensorPoint> points, Instant from, Instant to, Predicate<SensorPoint> usable) {
        double sum = 0;
        int samples = 0;
        for (SensorPoint p : points) {
            if (!p.start().isBefore(from) && p.start().isBefore(to) && usable.test(p)) {
                sum += p.value().mean() * p.samples();
                samples += p.samples();
            }
        }
        return samples == 0 ? Double.NaN : sum / samples;
    }

    @Override
    public double meanMeteredKw(String roomId, String rack, Instant from, Instant to) {
        double kw = 0;
        boolean any = false;
        for (Map.Entry<PowerCircuit, List<SensorPoint>> circuit : circuits.entrySet()) {
            if (circuit.getKey().roomId().equals(roomId) && Objects.equals(circuit.getKey().rack(), rack)) {
                double mean = mean(circuit.getValue(), from, to, p -> true);
                if (Double.isFinite(mean)) {
                    kw += mean / WATTS_PER_KILOWATT;
                    any = true;
                }
            }
        }
        return any ? kw : Double.NaN;
    }

    private Optional<RoomAmbient> readings(AmbientScope scope) {
        List<RoomAmbient.Reading> readings = new ArrayList<>();
        for (SensorPoint p : intake.getOrDefault(scope, List.of())) {
            if (plausible(p)) {
                // a bucket's mean stands for its middle
                readings.add(new RoomAmbient.Reading(p.start().plus(p.width().dividedBy(2)), p.value().mean()));
            }
        }
        return readings.isEmpty() ? Optional.empty() : Optional.of(new RoomAmbient(readings));
    }

    private static boolean plausible(SensorPoint p) {
        double c = p.value().mean();
        return Double.isFinite(c) && c >= MIN_AIR_C && c <= MAX_AIR_C;
    }
}
