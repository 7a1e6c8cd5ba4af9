package io.hashdesk.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.polling.PollScheduler;
import io.hashdesk.core.polling.PollSettings;
import io.hashdesk.core.polling.SensorPolling;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SensorSettings;
import io.hashdesk.core.sensor.SerialLine;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.serial.sim.SimulatedModbusSlave;
import io.hashdesk.drivers.serial.sim.SimulatedSensorDevice;
import io.hashdesk.drivers.serial.sim.VirtualSerialPair;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sensors polled by the miners' scheduler into the store, over a socat pseudo-terminal pair: a silent device and an
 * adapter unplugged in the middle of polling become statuses, and no tick ever waits for the bus.
 */
class SensorPollingOverVirtualPortTest {

    static final SensorSettings SETTINGS = new SensorSettings(Duration.ofMillis(200), Duration.ofMillis(300),
            Duration.ofSeconds(1));
    /** A tick that only launches reads and hands results on takes well under this, whatever the bus does. */
    static final long TICK_LIMIT_MS = 150;

    @TempDir
    Path dir;
    long slowestTickMs;

    @Test
    void aSilentDeviceAndAnUnpluggedAdapterAreStatusesWhileTicksStayQuick() throws Exception {
        assumeTrue(VirtualSerialPair.available(), "socat is not installed");
        DeviceProfiles profiles = DeviceProfiles.bundled();
        Clock clock = Clock.systemUTC();
        try (SqliteFarmStore farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
             VirtualSerialPair pair = VirtualSerialPair.start()) {
            SimulatedModbusSlave slave = SimulatedModbusSlave.start(
                    JSerialCommTransport.open(SerialLine.of(pair.devicesEnd())),
                    List.of(new SimulatedSensorDevice(1, profiles.profile("xy-md02").orElseThrow(),
                            () -> Map.of(SensorQuantity.TEMPERATURE_C, 24.5, SensorQuantity.HUMIDITY_PERCENT, 35.0))));
            List<SensorDevice> devices = List.of(device("intake", pair.hostEnd(), 1), device("nobody", pair.hostEnd(), 9));
            try (SerialSensorReader reader = new SerialSensorReader(profiles, TransportOpener.jSerialComm(),
                    SETTINGS.responseTimeout(), clock);
                 SensorPolling sensors = new SensorPolling(reader, () -> devices, farm.sensors(), SETTINGS, clock);
                 PollScheduler scheduler = new PollScheduler(miner -> {
                     throw new MinerAccessException(MinerAccessException.Failure.UNREACHABLE, "no miners here");
                 }, List::of, farm.telemetry(), PollSettings.defaults(), clock)) {
                scheduler.pollSensors(sensors);

                tickUntil(scheduler, farm, latest -> is(latest, "intake", SensorStatus.OK)
                        && is(latest, "nobody", SensorStatus.TIMEOUT));
                slave.close();
                pair.close();
                tickUntil(scheduler, farm, latest -> is(latest, "intake", SensorStatus.NO_SUCH_PORT));
            }
            assertEquals(24.5, farm.sensors().series(SensorId.of("intake"), SensorQuantity.TEMPERATURE_C,
                    clock.instant().minusSeconds(60), clock.instant(), io.hashdesk.core.store.Resolution.RAW)
                    .getFirst().value().mean(), 1e-9);
        }
        assertTrue(slowestTickMs < TICK_LIMIT_MS, "slowest tick " + slowestTickMs + " ms");
    }

    private static SensorDevice device(String id, String port, int unit) {
        return new SensorDevice(SensorId.of(id), id, SerialLine.of(port), unit, "xy-md02",
                new SensorPlacement("hall-a", null, SensorPosition.INTAKE));
    }

    private static boolean is(Map<SensorId, SensorReading> latest, String id, SensorStatus status) {
        SensorReading reading = latest.get(SensorId.of(id));
        return reading != null && reading.status() == status;
    }

    private void tickUntil(PollScheduler scheduler, SqliteFarmStore farm,
                           Predicate<Map<SensorId, SensorReading>> done) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.test(farm.sensors().latest())) {
            assertTrue(System.nanoTime() < giveUp, "statuses never became as expected: " + farm.sensors().latest());
            long start = System.nanoTime();
            scheduler.pollDue();
            slowestTickMs = Math.max(slowestTickMs, Duration.ofNanos(System.nanoTime() - start).toMillis());
            Thread.sleep(50);
        }
    }
}
