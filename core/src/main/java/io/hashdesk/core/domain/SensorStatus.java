package io.hashdesk.core.domain;

/**
 * How the last read of a sensor went. Failures are normal on a serial bus and each has its own status, so the
 * operator can tell a missing adapter from a wrong unit id or a noisy line.
 */
public enum SensorStatus {
    OK("ok"),
    NO_SUCH_PORT("no such port"),
    TIMEOUT("timeout"),
    CRC_ERROR("CRC error"),
    DEVICE_EXCEPTION("Modbus exception"),
    OUT_OF_RANGE("value out of range"),
    MALFORMED_REPLY("malformed reply");

    private final String label;

    SensorStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
