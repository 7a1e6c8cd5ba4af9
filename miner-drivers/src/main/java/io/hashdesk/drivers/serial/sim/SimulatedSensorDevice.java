package io.hashdesk.drivers.serial.sim;

import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.drivers.serial.DeviceProfile;
import io.hashdesk.drivers.serial.RegisterField;
import io.hashdesk.drivers.serial.RegisterTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A sensor or meter on a simulated bus: answers as unit {@code unitId} with the registers its profile maps, filled
 * from {@code values} at each request. A fault can be switched on to make it misbehave as real devices do.
 */
public final class SimulatedSensorDevice {

    /** How the device misbehaves. */
    public enum Fault {
        NONE,
        /** Never answers, like a device with no power or the wrong unit id. */
        SILENT,
        /** Answers with one bit flipped, like a noisy line. */
        CORRUPT_CRC,
        /** Answers every read with exception 6, device busy. */
        BUSY
    }

    private final int unitId;
    private final DeviceProfile profile;
    private final Supplier<Map<SensorQuantity, Double>> values;
    private volatile Fault fault = Fault.NONE;

    public SimulatedSensorDevice(int unitId, DeviceProfile profile, Supplier<Map<SensorQuantity, Double>> values) {
        this.unitId = unitId;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.values = Objects.requireNonNull(values, "values");
    }

    public int unitId() {
        return unitId;
    }

    public DeviceProfile profile() {
        return profile;
    }

    public Fault fault() {
        return fault;
    }

    public void setFault(Fault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    /** The registers of {@code table} the profile maps, by address, holding the current values. */
    Map<Integer, Integer> registers(RegisterTable table) {
        Map<SensorQuantity, Double> now = values.get();
        Map<Integer, Integer> out = new HashMap<>();
        for (RegisterField field : profile.fields()) {
            if (field.table() == table) {
                int[] encoded = field.encode(now.getOrDefault(field.quantity(), 0.0));
                for (int i = 0; i < encoded.length; i++) {
                    out.put(field.address() + i, encoded[i]);
                }
            }
        }
        return out;
    }
}
