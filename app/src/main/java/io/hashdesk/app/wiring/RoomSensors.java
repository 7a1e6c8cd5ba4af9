package io.hashdesk.app.wiring;

import io.hashdesk.core.polling.SensorPolling;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SensorInventory;
import io.hashdesk.core.sensor.SensorSettings;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.drivers.serial.DeviceProfiles;
import io.hashdesk.drivers.serial.SerialSensorReader;
import io.hashdesk.drivers.serial.TransportOpener;
import io.hashdesk.drivers.serial.sim.DemoRoomSensors;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Room sensors and power meters as the app runs them: the operator's {@code sensors.json} (followed as the settings
 * screen saves it) plus the demo farm's simulated sensors, read by the serial driver on the miners' poll scheduler
 * into the store. Closed after the scheduler, before the demo farm.
 */
final class RoomSensors implements AutoCloseable {

    /** Operator overrides of how often and how patiently sensors are read, beside the database. */
    static final String SETTINGS_FILE = "sensor-settings.json";

    private final SerialSensorReader reader;
    private final SensorPolling polling;

    private RoomSensors(SerialSensorReader reader, SensorPolling polling) {
        this.reader = reader;
        this.polling = polling;
    }

    /**
     * @throws IllegalArgumentException naming the file and field when a settings, sensors or profiles file is invalid
     */
    static RoomSensors start(FarmStore store, Path dataFolder, Optional<DemoRoomSensors> demo, MinerPolling scheduler,
                             Clock clock) {
        SensorSettings settings = SensorSettings.withOverrides(dataFolder.resolve(SETTINGS_FILE));
        SensorInventory inventory = SensorInventory.load(dataFolder.resolve(SensorInventory.FILE));
        DeviceProfiles profiles = DeviceProfiles.withOperatorFile(dataFolder.resolve(DeviceProfiles.FILE));
        TransportOpener ports = TransportOpener.jSerialComm();
        SerialSensorReader reader = new SerialSensorReader(profiles,
                demo.map(d -> d.opener(ports)).orElse(ports), settings.responseTimeout(), clock);
        List<SensorDevice> demoDevices = demo.map(DemoRoomSensors::devices).orElse(List.of());
        SensorPolling polling = new SensorPolling(reader, () -> {
            List<SensorDevice> all = new ArrayList<>(inventory.devices());
            all.addAll(demoDevices);
            return all;
        }, store.sensors(), settings, clock);
        scheduler.pollSensors(polling);
        return new RoomSensors(reader, polling);
    }

    @Override
    public void close() {
        polling.close();
        reader.close();
    }
}
