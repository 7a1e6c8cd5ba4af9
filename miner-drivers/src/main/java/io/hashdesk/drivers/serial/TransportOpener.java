package io.hashdesk.drivers.serial;

import io.hashdesk.core.sensor.SerialLine;
import java.io.IOException;

/** Opens the byte stream for a configured port: jSerialComm for real ports, something else for simulated ones. */
@FunctionalInterface
public interface TransportOpener {

    /** @throws IOException naming the port when it cannot be opened */
    SerialTransport open(SerialLine line) throws IOException;

    /** Real ports only. */
    static TransportOpener jSerialComm() {
        return JSerialCommTransport::open;
    }
}
