package io.hashdesk.app.settings;

import io.hashdesk.core.domain.SensorId;

/**
 * One sensor as the Sensors tab lists it: the operator's configured devices, and any other sensor the store has
 * reads from (the demo farm's), which cannot be edited here.
 *
 * @param configured whether it is in the operator's {@code sensors.json}
 * @param failing    whether its last read failed (the status shows in the danger colour)
 */
record SensorRow(SensorId id, String name, String place, String connection, String profile, String status,
                 String detail, String value, String lastRead, boolean configured, boolean failing) {
}
