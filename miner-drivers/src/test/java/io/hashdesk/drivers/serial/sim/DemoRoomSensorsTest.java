package io.hashdesk.drivers.serial.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.drivers.serial.DeviceProfiles;
import io.hashdesk.drivers.serial.SerialSensorReader;
import io.hashdesk.drivers.serial.TransportOpener;
import io.hashdesk.drivers.sim.FleetDefinitionReader;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.server.FarmSimulation;
import io.hashdesk.drivers.sim.server.ServerOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DemoRoomSensorsTest {

    static final String FLEET = """
            {"seed": 7, "rooms": [{"id": "hall-a", "name": "Hall A", "ambient": [{"hour": 0, "tempC": 25}],
              "groups": [{"idPrefix": "A-", "count": 3, "model": "antminer-s19", "firmware": "1.2.7"}]}]}""";
    static final DeviceProfiles PROFILES = DeviceProfiles.bundled();
    static final DemoSensorSettings SETTINGS = DemoSensorSettings.bundled();

    static FarmSimulation farm() throws IOException {
        return FarmSimulation.start(FleetDefinitionReader.read(
                new ByteArrayInputStream(FLEET.getBytes(StandardCharsets.UTF_8)), "test"), "test", 1,
                ServerOptions.defaults());
    }

    void roomsHaveAirAndPowerFollowingTheSimulator(FarmSimulation farm, DemoRoomSensors sensors)
            throws InterruptedException {
        assertEquals(List.of("demo-hall-a-intake", "demo-hall-a-exhaust", "demo-hall-a-meter"),
                sensors.devices().stream().map(d -> d.id().value()).toList());
        try (SerialSensorReader reader = new SerialSensorReader(PROFILES, sensors.opener(TransportOpener.jSerialComm()),
                Duration.ofMillis(500), Clock.systemUTC())) {
            Function<SensorPosition, SensorReading> read = position -> {
                SensorDevice device = sensors.devices().stream().filter(d -> d.placement().position() == position)
                        .findFirst().orElseThrow();
                try {
                    return reader.read(device);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            SensorReading intake = read.apply(SensorPosition.INTAKE);
            SensorReading exhaust = read.apply(SensorPosition.EXHAUST);
            double trueWatts = farm.fleet().miners().stream().mapToDouble(SimulatedMiner::wallWatts).sum();
            SensorReading meter = read.apply(SensorPosition.CIRCUIT);
            assertEquals(SensorStatus.OK, intake.status(), intake.detail());
            assertEquals(25, intake.value(SensorQuantity.TEMPERATURE_C), SETTINGS.noiseC() + 0.05);
            assertTrue(exhaust.value(SensorQuantity.TEMPERATURE_C) > intake.value(SensorQuantity.TEMPERATURE_C) + 0.5,
                    "exhaust " + exhaust.value(SensorQuantity.TEMPERATURE_C));
            assertEquals(SensorStatus.OK, meter.status(), meter.detail());
            assertTrue(trueWatts > 1000, "miners draw power: " + trueWatts);
            assertEquals(trueWatts * (1 + SETTINGS.overheadFraction()), meter.value(SensorQuantity.POWER_WATTS),
                    trueWatts * 0.05);
            assertTrue(meter.value(SensorQuantity.ENERGY_KWH) >= SETTINGS.startEnergyKwh());
        }
    }

    @Test
    void inProcessTheRoomSensorsReportTheSimulatorsAirAndTheMinersTrueWallPower() throws Exception {
        try (FarmSimulation farm = farm(); DemoRoomSensors sensors = DemoRoomSensors.inProcess(farm, PROFILES, SETTINGS)) {
            assertEquals(DemoRoomSensors.IN_PROCESS_PORT, sensors.devices().getFirst().line().port());
            roomsHaveAirAndPowerFollowingTheSimulator(farm, sensors);
        }
    }

    @Test
    void onAVirtualPortWhenSocatIsThereOtherwiseInProcess() throws Exception {
        try (FarmSimulation farm = farm(); DemoRoomSensors sensors = DemoRoomSensors.start(farm, PROFILES, SETTINGS)) {
            assertEquals(VirtualSerialPair.available(), sensors.onVirtualPort());
            roomsHaveAirAndPowerFollowingTheSimulator(farm, sensors);
        }
    }
}
