package io.hashdesk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomClimateViewModelTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration STALE = Duration.ofMinutes(5);
    static final List<Room> ROOMS = List.of(new Room("hall-a", "north", "Hall A"), new Room("hall-b", "north", "Hall B"),
            new Room("hall-c", "north", "Hall C"));

    static Miner miner(String id, String room) {
        return new Miner(MinerId.of(id), "north", new RackPosition(room, "R1", 1, 1),
                new MinerAddress("10.0.0.1", 80, 4028), "antminer-s19", "Vnish 1.2.7", Optional.empty());
    }

    static TelemetrySnapshot reporting(String id, double watts) {
        return new TelemetrySnapshot(MinerId.of(id), NOW, MinerStatus.MINING, 95.0, 95.0, List.of(), 70.0, 60.0,
                List.of(), null, watts, null, null, null, null, null, null, null, null);
    }

    static SensorReading read(String id, String room, SensorPosition position, Instant at,
                              Map<SensorQuantity, Double> values) {
        return SensorReading.ok(SensorId.of(id), new SensorPlacement(room, null, position), at, values);
    }

    List<RoomClimate> climate(Map<SensorId, SensorReading> sensors) {
        return RoomClimate.of(ROOMS, List.of(miner("a1", "hall-a"), miner("a2", "hall-a"), miner("b1", "hall-b")),
                Map.of(MinerId.of("a1"), reporting("a1", 3200), MinerId.of("a2"), reporting("a2", 3300),
                        MinerId.of("b1"), reporting("b1", 3400)), sensors, NOW, STALE);
    }

    @Test
    void aRoomShowsItsAirAndMeasuredPowerBesideWhatItsMinersReport() {
        RoomClimateViewModel model = new RoomClimateViewModel();
        model.update(climate(Map.of(
                SensorId.of("in"), read("in", "hall-a", SensorPosition.INTAKE, NOW, Map.of(SensorQuantity.TEMPERATURE_C, 23.44)),
                SensorId.of("out"), read("out", "hall-a", SensorPosition.EXHAUST, NOW, Map.of(SensorQuantity.TEMPERATURE_C, 35.0)),
                SensorId.of("meter"), read("meter", "hall-a", SensorPosition.CIRCUIT, NOW,
                        Map.of(SensorQuantity.POWER_WATTS, 6825.0)))));
        assertThat(model.visibleProperty().get()).isTrue();
        assertThat(model.cards()).singleElement().isEqualTo(new RoomClimateViewModel.Card("hall-a", "Hall A",
                "Intake 23.4 °C   Exhaust 35.0 °C   (Δ 11.6 °C)",
                "Measured 6.8 kW   Miners report 6.5 kW   (+5.0 %)", ""));
    }

    @Test
    void aFailedOrStaleSensorLeavesAGapAndSaysSo() {
        RoomClimateViewModel model = new RoomClimateViewModel();
        model.update(climate(Map.of(
                SensorId.of("in"), read("in", "hall-b", SensorPosition.INTAKE, NOW.minus(Duration.ofMinutes(6)),
                        Map.of(SensorQuantity.TEMPERATURE_C, 23.0)),
                SensorId.of("meter"), SensorReading.failed(SensorId.of("meter"),
                        new SensorPlacement("hall-b", null, SensorPosition.CIRCUIT), NOW, SensorStatus.TIMEOUT, "silent"))));
        assertThat(model.cards()).singleElement().satisfies(card -> {
            assertThat(card.air()).isEqualTo("Intake —   Exhaust —");
            assertThat(card.power()).isEqualTo("Measured —   Miners report 3.4 kW");
            assertThat(card.warning()).isEqualTo("2 of 2 sensors without a fresh reading — see Settings › Sensors");
        });
    }

    @Test
    void withoutSensorsTheStripIsHidden() {
        RoomClimateViewModel model = new RoomClimateViewModel();
        model.update(climate(Map.of()));
        assertThat(model.visibleProperty().get()).isFalse();
        assertThat(model.cards()).isEmpty();
    }
}
