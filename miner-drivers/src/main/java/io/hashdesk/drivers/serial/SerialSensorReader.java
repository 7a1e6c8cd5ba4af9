package io.hashdesk.drivers.serial;

import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SensorReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads room sensors and meters over Modbus RTU: looks up each device's profile, reads its register blocks on the
 * device's bus (one bus per port, devices on it taking turns), decodes and range-checks the values. Every failure
 * becomes the reading's status: a port that cannot be opened or fails mid-read (closed so the next read reopens it),
 * a silent device, a CRC error, an exception reply, a malformed frame, a value out of range.
 */
public final class SerialSensorReader implements SensorReader, AutoCloseable {

    private final DeviceProfiles profiles;
    private final TransportOpener opener;
    private final Duration responseTimeout;
    private final Clock clock;
    private final Map<String, SerialBus> buses = new ConcurrentHashMap<>();

    /**
     * @param opener          how ports are opened ({@link TransportOpener#jSerialComm()} for real ones)
     * @param responseTimeout how long each request waits for the device's answer
     */
    public SerialSensorReader(DeviceProfiles profiles, TransportOpener opener, Duration responseTimeout, Clock clock) {
        this.profiles = profiles;
        this.opener = opener;
        this.responseTimeout = responseTimeout;
        this.clock = clock;
    }

    @Override
    public SensorReading read(SensorDevice device) throws InterruptedException {
        Optional<DeviceProfile> profile = profiles.profile(device.profile());
        if (profile.isEmpty()) {
            return failed(device, SensorStatus.MALFORMED_REPLY, "there is no device profile '" + device.profile()
                    + "'; known: " + profiles.all().stream().map(DeviceProfile::id).toList());
        }
        SerialBus bus = buses.computeIfAbsent(device.line().port(), port -> new SerialBus(opener));
        bus.lock.lockInterruptibly();
        try {
            return readOnBus(device, profile.get(), bus);
        } finally {
            bus.lock.unlock();
        }
    }

    private SensorReading readOnBus(SensorDevice device, DeviceProfile profile, SerialBus bus)
            throws InterruptedException {
        String port = device.line().port();
        SerialTransport transport;
        try {
            transport = bus.transport(device.line());
        } catch (IOException e) {
            return failed(device, SensorStatus.NO_SUCH_PORT, e.getMessage());
        }
        ModbusRtuClient client = new ModbusRtuClient(transport, responseTimeout, port);
        Map<SensorQuantity, Double> values = new EnumMap<>(SensorQuantity.class);
        List<String> outOfRange = new ArrayList<>();
        try {
            for (DeviceProfile.ReadBlock block : profile.blocks()) {
                int[] registers = client.readRegisters(device.unitId(), block.table(), block.start(), block.count());
                for (RegisterField field : block.fields()) {
                    double value = field.decode(registers, block.start());
                    if (field.inRange(value)) {
                        values.put(field.quantity(), value);
                    } else {
                        outOfRange.add(field.quantity().fieldName() + " " + value + " is outside " + field.min() + "–"
                                + field.max() + " " + field.quantity().unit());
                    }
                }
            }
        } catch (ModbusFailure f) {
            return failed(device, f.status(), f.getMessage());
        } catch (IOException e) {
            // the adapter was unplugged or the port vanished: reopen it next time
            bus.close();
            return failed(device, SensorStatus.NO_SUCH_PORT, port + " failed during the read (unplugged?): "
                    + e.getMessage());
        }
        if (!outOfRange.isEmpty()) {
            return new SensorReading(device.id(), device.placement(), clock.instant(), SensorStatus.OUT_OF_RANGE,
                    String.join("; ", outOfRange), values);
        }
        return SensorReading.ok(device.id(), device.placement(), clock.instant(), values);
    }

    private SensorReading failed(SensorDevice device, SensorStatus status, String detail) {
        return SensorReading.failed(device.id(), device.placement(), clock.instant(), status, detail);
    }

    /** Closes every open port. */
    @Override
    public void close() {
        buses.values().forEach(bus -> {
            bus.lock.lock();
            try {
                bus.close();
            } finally {
                bus.lock.unlock();
            }
        });
        buses.clear();
    }
}
