package io.hashdesk.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomSensorHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant END = T0.plus(Duration.ofHours(6));

    @TempDir
    Path dir;

    private static Miner miner(String room, String rack) {
        return new Miner(MinerId.of("m-" + room + "-" + rack), "s", new RackPosition(room, rack, 1, 1),
                new MinerAddress("127.0.0.1", 10_000, 4028), "antminer-s19j-pro", "Vnish 1.2.6", Optional.empty());
    }

    @Test
    void aMinerBreathesItsRacksAirElseItsRoomsAndCircuitsAreMeteredByRackOrWholeRoom() {
        try (SqliteFarmStore store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(),
                Clock.fixed(END, ZoneOffset.UTC))) {
            List<SensorReading> reads = new ArrayList<>();
            for (Instant at = T0; at.isBefore(END); at = at.plus(Duration.ofMinutes(1))) {
                reads.add(intake("hall-a-room", new SensorPlacement("hall-a", null, SensorPosition.INTAKE), at, 22.0));
                reads.add(intake("hall-a-r2", new SensorPlacement("hall-a", "R2", SensorPosition.INTAKE), at, 27.0));
                // exhaust air is not what the miners breathe
                reads.add(intake("hall-a-out", new SensorPlacement("hall-a", null, SensorPosition.EXHAUST), at, 45.0));
                reads.add(watts("hall-a-r2-pdu", new SensorPlacement("hall-a", "R2", SensorPosition.CIRCUIT), at,
                        31_500));
                reads.add(watts("hall-a-feed", new SensorPlacement("hall-a", null, SensorPosition.CIRCUIT), at,
                        90_000));
            }
            store.sensors().ingest(reads);

            RoomSensorHistory air = RoomSensorHistory.read(store, T0, END);

            assertThat(air.around(miner("hall-a", "R2")).orElseThrow().tempAt(T0.plus(Duration.ofHours(3))))
                    .isCloseTo(27.0, org.assertj.core.data.Offset.offset(1e-9));
            // the room's mean combines its intake sensors, the rack's included
            double room = air.around(miner("hall-a", "R7")).orElseThrow().tempAt(T0.plus(Duration.ofHours(3)));
            assertThat(room).isBetween(22.0, 27.0);
            assertThat(air.around(miner("hall-b", "R1"))).isEmpty();
            assertThat(air.meanAmbientC("hall-a", T0, END)).isEqualTo(room, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(air.meanAmbientC("hall-a", END, END.plusSeconds(3600))).isNaN();
            assertThat(air.meanAmbientC("hall-b", T0, END)).isNaN();
            assertThat(air.sensedRooms()).containsExactly("hall-a");
            assertThat(air.meanMeteredKw("hall-a", "R2", T0, END)).isCloseTo(31.5, Offset.offset(1e-6));
            assertThat(air.meanMeteredKw("hall-a", null, T0, END)).isCloseTo(90.0, Offset.offset(1e-6));
            assertThat(air.meanMeteredKw("hall-a", "R7", T0, END)).isNaN();
            assertThat(air.meanMeteredKw("hall-b", null, T0, END)).isNaN();
        }
    }

    private static SensorReading watts(String id, SensorPlacement placement, Instant at, double watts) {
        return SensorReading.ok(SensorId.of(id), placement, at, Map.of(SensorQuantity.POWER_WATTS, watts));
    }

    private static SensorReading intake(String id, SensorPlacement placement, Instant at, double tempC) {
        return SensorReading.ok(SensorId.of(id), placement, at, Map.of(SensorQuantity.TEMPERATURE_C, tempC));
    }
}
