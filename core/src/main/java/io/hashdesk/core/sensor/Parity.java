package io.hashdesk.core.sensor;

/** Serial parity, as printed on a device's label (most Modbus RTU devices ship with NONE or EVEN). */
public enum Parity {
    NONE,
    EVEN,
    ODD
}
