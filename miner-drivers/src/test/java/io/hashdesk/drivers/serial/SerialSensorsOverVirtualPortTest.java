package io.hashdesk.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SerialLine;
import io.hashdesk.drivers.serial.sim.SimulatedModbusSlave;
import io.hashdesk.drivers.serial.sim.SimulatedSensorDevice;
import io.hashdesk.drivers.serial.sim.VirtualSerialPair;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real driver (jSerialComm, Modbus RTU framing) against simulated devices on the far end of a socat
 * pseudo-terminal pair: the path a USB–RS-485 adapter takes. Skipped only where socat is not installed; CI installs it.
 */
class SerialSensorsOverVirtualPortTest {

    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(300);
    static final DeviceProfiles PROFILES = DeviceProfiles.bundled();

    VirtualSerialPair pair;
    SimulatedModbusSlave slave;
    SerialSensorReader reader;
    final AtomicReference<Map<SensorQuantity, Double>> air = new AtomicReference<>(
            Map.of(SensorQuantity.TEMPERATURE_C, -3.5, SensorQuantity.HUMIDITY_PERCENT, 41.2));
    SimulatedSensorDevice thermometer;
    SimulatedSensorDevice meter;

    @BeforeEach
    void plugIn() throws IOException {
        assumeTrue(VirtualSerialPair.available(), "socat is not installed");
        pair = VirtualSerialPair.start();
        thermometer = new SimulatedSensorDevice(1, PROFILES.profile("xy-md02").orElseThrow(), air::get);
        meter = new SimulatedSensorDevice(2, PROFILES.profile("sdm120").orElseThrow(), () -> Map.of(
                SensorQuantity.VOLTAGE_VOLTS, 231.4, SensorQuantity.CURRENT_AMPS, 14.25,
                SensorQuantity.POWER_WATTS, 3268.5, SensorQuantity.ENERGY_KWH, 18234.75));
        slave = SimulatedModbusSlave.start(JSerialCommTransport.open(SerialLine.of(pair.devicesEnd())),
                List.of(thermometer, meter));
        reader = new SerialSensorReader(PROFILES, TransportOpener.jSerialComm(), RESPONSE_TIMEOUT, Clock.systemUTC());
    }

    @AfterEach
    void unplug() {
        if (reader != null) {
            reader.close();
        }
        if (slave != null) {
            slave.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    SensorDevice device(String port, int unit, String profile) {
        return new SensorDevice(SensorId.of("s" + unit), "sensor " + unit, SerialLine.of(port), unit, profile,
                new SensorPlacement("hall-a", "R1", SensorPosition.INTAKE));
    }

    SensorReading read(int unit, String profile) throws InterruptedException {
        return reader.read(device(pair.hostEnd(), unit, profile));
    }

    @Test
    void readsASignedTemperatureAndTheHumidityFromATransmitter() throws InterruptedException {
        SensorReading reading = read(1, "xy-md02");
        assertEquals(SensorStatus.OK, reading.status(), reading.detail());
        assertEquals(-3.5, reading.value(SensorQuantity.TEMPERATURE_C), 1e-9);
        assertEquals(41.2, reading.value(SensorQuantity.HUMIDITY_PERCENT), 1e-9);
    }

    @Test
    void readsTheFloatRegistersOfAnEnergyMeter() throws InterruptedException {
        SensorReading reading = read(2, "sdm120");
        assertEquals(SensorStatus.OK, reading.status(), reading.detail());
        assertEquals(231.4, reading.value(SensorQuantity.VOLTAGE_VOLTS), 1e-4);
        assertEquals(14.25, reading.value(SensorQuantity.CURRENT_AMPS), 1e-4);
        assertEquals(3268.5, reading.value(SensorQuantity.POWER_WATTS), 1e-3);
        assertEquals(18234.75, reading.value(SensorQuantity.ENERGY_KWH), 1e-2);
    }

    @Test
    void aGarbledAnswerIsACrcError() throws InterruptedException {
        thermometer.setFault(SimulatedSensorDevice.Fault.CORRUPT_CRC);
        SensorReading reading = read(1, "xy-md02");
        assertEquals(SensorStatus.CRC_ERROR, reading.status());
        assertTrue(reading.values().isEmpty());
    }

    @Test
    void aSilentDeviceTimesOutWithinTheResponseTimeout() throws InterruptedException {
        thermometer.setFault(SimulatedSensorDevice.Fault.SILENT);
        long start = System.nanoTime();
        SensorReading reading = read(1, "xy-md02");
        long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(SensorStatus.TIMEOUT, reading.status());
        assertEquals("unit 1 on " + pair.hostEnd() + " did not answer within 300 ms", reading.detail());
        assertTrue(tookMs < 1500, "took " + tookMs + " ms");
    }

    @Test
    void aProfileAskingForRegistersTheDeviceLacksGetsItsExceptionCode() throws InterruptedException {
        SensorReading reading = read(1, "sdm120");
        assertEquals(SensorStatus.DEVICE_EXCEPTION, reading.status());
        assertEquals("Modbus exception code 2 (illegal data address) from unit 1", reading.detail());
    }

    @Test
    void aBusyDeviceReportsExceptionCodeSix() throws InterruptedException {
        meter.setFault(SimulatedSensorDevice.Fault.BUSY);
        SensorReading reading = read(2, "sdm120");
        assertEquals(SensorStatus.DEVICE_EXCEPTION, reading.status());
        assertTrue(reading.detail().startsWith("Modbus exception code 6 (device busy)"), reading.detail());
    }

    @Test
    void aPortThatDoesNotExistIsNoSuchPort() throws InterruptedException {
        SensorReading reading = reader.read(device("/dev/ttyUSB-hashdesk-missing", 1, "xy-md02"));
        assertEquals(SensorStatus.NO_SUCH_PORT, reading.status());
        assertTrue(reading.detail().contains("/dev/ttyUSB-hashdesk-missing"), reading.detail());
    }

    @Test
    void aValueOutsideItsRangeIsFlaggedAndTheOthersKept() throws InterruptedException {
        air.set(Map.of(SensorQuantity.TEMPERATURE_C, 95.0, SensorQuantity.HUMIDITY_PERCENT, 40.0));
        SensorReading reading = read(1, "xy-md02");
        assertEquals(SensorStatus.OUT_OF_RANGE, reading.status());
        assertEquals(Map.of(SensorQuantity.HUMIDITY_PERCENT, 40.0), reading.values());
        assertTrue(reading.detail().startsWith("temperatureC 95.0 is outside -40.0–80.0 °C"), reading.detail());
    }

    @Test
    void twoDevicesOnOneBusAreReadOneAfterTheOther() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        List<SensorReading> readings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 6; i++) {
            int unit = i % 2 + 1;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    readings.add(read(unit, unit == 1 ? "xy-md02" : "sdm120"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(6, readings.size());
        assertTrue(readings.stream().allMatch(r -> r.status() == SensorStatus.OK), readings.toString());
    }

    @Test
    void anAdapterUnpluggedBetweenReadsIsNoSuchPortAndComesBackWhenPluggedIn() throws Exception {
        assertEquals(SensorStatus.OK, read(1, "xy-md02").status());
        String port = pair.hostEnd();
        slave.close();
        pair.close();
        SensorReading gone = reader.read(device(port, 1, "xy-md02"));
        assertEquals(SensorStatus.NO_SUCH_PORT, gone.status(), gone.detail());
        SensorReading stillGone = reader.read(device(port, 1, "xy-md02"));
        assertEquals(SensorStatus.NO_SUCH_PORT, stillGone.status(), stillGone.detail());
        plugIn();
        assertEquals(SensorStatus.OK, read(1, "xy-md02").status());
    }
}
