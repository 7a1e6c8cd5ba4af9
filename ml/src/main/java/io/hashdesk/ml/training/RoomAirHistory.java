package io.hashdesk.ml.training;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.store.AmbientScope;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.ml.features.AmbientSource;
import io.hashdesk.ml.thermal.RoomAmbient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The intake air the room sensors measured over a training window, read from the store once (5-minute buckets, per
 * room and per rack) and handed to the models that need room temperature: the thermal fit follows the air around
 * each miner, its rack's sensors first, else its room's; the anomaly features take a room's mean. Rooms without an
 * intake sensor get nothing here, and the trainers fall back to the assumed room temperature (thermal) or leave the
 * ambient features missing (anomaly).
 */
final class RoomAirHistory implements AmbientSource {

    /** The readings {@link RoomAmbient} accepts; a sensor reading outside them is a fault, not air. */
    private static final double MIN_AIR_C = -40;
    private static final double MAX_AIR_C = 60;

    private final Map<AmbientScope, List<SensorPoint>> intake;

    private RoomAirHistory(Map<AmbientScope, List<SensorPoint>> intake) {
        this.intake = intake;
    }

    static RoomAirHistory read(FarmStore store, Instant from, Instant to) {
        return new RoomAirHistory(store.sensors().ambientIntake(from, to, Resolution.FIVE_MINUTES));
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
            if (scope.rack() == null && points.stream().anyMatch(RoomAirHistory::plausible)) {
                rooms.add(scope.roomId());
            }
        });
        return rooms;
    }

    @Override
    public double meanAmbientC(String roomId, Instant from, Instant to) {
        double sum = 0;
        int samples = 0;
        for (SensorPoint p : intake.getOrDefault(AmbientScope.room(roomId), List.of())) {
            if (!p.start().isBefore(from) && p.start().isBefore(to) && plausible(p)) {
                sum += p.value().mean() * p.samples();
                samples += p.samples();
            }
        }
        return samples == 0 ? Double.NaN : sum / samples;
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
