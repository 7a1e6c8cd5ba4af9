package io.hashdesk.core.sensor;

import java.util.Objects;
import java.util.Set;

/**
 * A serial port and how to talk on it. Every device on one RS-485 bus shares these settings.
 *
 * @param port the OS's name for the port: {@code /dev/ttyUSB0}, {@code COM3}
 */
public record SerialLine(String port, int baudRate, int dataBits, Parity parity, int stopBits) {

    /** The rates RS-485 sensors and meters offer; anything else is a typo. */
    public static final Set<Integer> BAUD_RATES = Set.of(1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200);

    public SerialLine {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("port must name a serial port, e.g. /dev/ttyUSB0 or COM3");
        }
        port = port.strip();
        if (!BAUD_RATES.contains(baudRate)) {
            throw new IllegalArgumentException("baudRate must be one of " + BAUD_RATES.stream().sorted().toList()
                    + ", got " + baudRate);
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("dataBits must be 7 or 8, got " + dataBits);
        }
        Objects.requireNonNull(parity, "parity (NONE, EVEN or ODD)");
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stopBits must be 1 or 2, got " + stopBits);
        }
    }

    /** The usual factory setting of the sensors and meters we support: 9600 8N1. */
    public static SerialLine of(String port) {
        return new SerialLine(port, 9600, 8, Parity.NONE, 1);
    }

    /** Whether two lines configure the port the same way (devices on one bus must). */
    public boolean sameSettings(SerialLine other) {
        return baudRate == other.baudRate && dataBits == other.dataBits && parity == other.parity
                && stopBits == other.stopBits;
    }

    /** {@code 9600 8N1}, as on device labels. */
    public String settingsLabel() {
        return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
