package io.hashdesk.app.overview;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One room's air and power as its sensors measure them now, beside what its miners report: the overview's room strip.
 * Values are {@code null} when no sensor of that kind gave a fresh reading.
 *
 * @param intakeC         mean of the room's fresh intake readings (room-wide and per rack)
 * @param exhaustC        mean of its fresh exhaust readings
 * @param measuredWatts   sum of its circuits' fresh power readings
 * @param reportedWatts   sum of the power its miners' firmware reports, {@code null} when none reports any
 * @param sensors         sensors placed in the room
 * @param sensorsFailing  of those, how many whose last read failed or is stale
 */
record RoomClimate(String roomId, String roomName, Double intakeC, Double exhaustC, Double measuredWatts,
                   Double reportedWatts, int sensors, int sensorsFailing) {

    /** The rooms that have at least one sensor, in the registry's order. */
    static List<RoomClimate> of(Collection<Room> rooms, Collection<Miner> miners,
                                Map<MinerId, TelemetrySnapshot> latest, Map<SensorId, SensorReading> sensors,
                                Instant now, Duration staleAfter) {
        List<RoomClimate> out = new ArrayList<>();
        for (Room room : rooms) {
            List<SensorReading> here = sensors.values().stream()
                    .filter(r -> r.placement().roomId().equals(room.id())).toList();
            if (here.isEmpty()) {
                continue;
            }
            List<SensorReading> fresh = here.stream().filter(r -> r.status() == SensorStatus.OK
                    && !r.takenAt().isBefore(now.minus(staleAfter))).toList();
            out.add(new RoomClimate(room.id(), room.name(),
                    mean(fresh, SensorPosition.INTAKE, SensorQuantity.TEMPERATURE_C),
                    mean(fresh, SensorPosition.EXHAUST, SensorQuantity.TEMPERATURE_C),
                    sum(fresh, SensorPosition.CIRCUIT, SensorQuantity.POWER_WATTS),
                    reported(room.id(), miners, latest), here.size(), here.size() - fresh.size()));
        }
        return out;
    }

    /** Measured minus reported, as a share of reported; {@code null} unless both are known. */
    Double gapFraction() {
        return measuredWatts == null || reportedWatts == null || reportedWatts <= 0 ? null
                : (measuredWatts - reportedWatts) / reportedWatts;
    }

    private static Double mean(List<SensorReading> reads, SensorPosition position, SensorQuantity quantity) {
        var values = reads.stream().filter(r -> r.placement().position() == position)
                .map(r -> r.value(quantity)).filter(v -> v != null).mapToDouble(Double::doubleValue).summaryStatistics();
        return values.getCount() == 0 ? null : values.getAverage();
    }

    private static Double sum(List<SensorReading> reads, SensorPosition position, SensorQuantity quantity) {
        var values = reads.stream().filter(r -> r.placement().position() == position)
                .map(r -> r.value(quantity)).filter(v -> v != null).mapToDouble(Double::doubleValue).summaryStatistics();
        return values.getCount() == 0 ? null : values.getSum();
    }

    private static Double reported(String roomId, Collection<Miner> miners, Map<MinerId, TelemetrySnapshot> latest) {
        double watts = 0;
        boolean any = false;
        for (Miner miner : miners) {
            TelemetrySnapshot snapshot = latest.get(miner.id());
            if (miner.position().roomId().equals(roomId) && snapshot != null && snapshot.powerWatts() != null) {
                watts += snapshot.powerWatts();
                any = true;
            }
        }
        return any ? watts : null;
    }
}
