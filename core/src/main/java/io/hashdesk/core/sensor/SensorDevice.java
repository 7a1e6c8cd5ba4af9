package io.hashdesk.core.sensor;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import java.util.Objects;

/**
 * A room sensor or power meter the operator configured: how to reach it on the bus, which device profile (register
 * map) it speaks, and where it is.
 *
 * @param unitId  its Modbus address on the bus, 1–247
 * @param profile the id of its device profile, e.g. {@code xy-md02}
 */
public record SensorDevice(SensorId id, String name, SerialLine line, int unitId, String profile,
                           SensorPlacement placement) {

    public static final int MIN_UNIT_ID = 1;
    /** 248–255 are reserved by the Modbus specification; 0 is broadcast, which never answers. */
    public static final int MAX_UNIT_ID = 247;

    public SensorDevice {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name.strip();
        Objects.requireNonNull(line, "line");
        if (unitId < MIN_UNIT_ID || unitId > MAX_UNIT_ID) {
            throw new IllegalArgumentException("unitId must be " + MIN_UNIT_ID + "–" + MAX_UNIT_ID + ", got " + unitId);
        }
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile must name a device profile, e.g. xy-md02");
        }
        profile = profile.strip();
        Objects.requireNonNull(placement, "placement");
    }
}
