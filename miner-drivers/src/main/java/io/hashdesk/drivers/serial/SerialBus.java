package io.hashdesk.drivers.serial;

import io.hashdesk.core.sensor.SerialLine;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One RS-485 bus: its port, opened on first use and reopened after a failure, and the lock that keeps its devices'
 * requests one at a time (a half-duplex bus carries one conversation).
 */
final class SerialBus {

    final ReentrantLock lock = new ReentrantLock(true);
    private final TransportOpener opener;
    private SerialTransport transport;
    private SerialLine openedWith;

    SerialBus(TransportOpener opener) {
        this.opener = opener;
    }

    /** The open port, (re)opened with {@code line}'s settings when needed. Call with the lock held. */
    SerialTransport transport(SerialLine line) throws IOException {
        if (transport != null && !openedWith.sameSettings(line)) {
            close();
        }
        if (transport == null) {
            transport = opener.open(line);
            openedWith = line;
        }
        return transport;
    }

    /** Closes the port, e.g. after it failed; the next read opens it again. Call with the lock held. */
    void close() {
        if (transport != null) {
            transport.close();
            transport = null;
            openedWith = null;
        }
    }
}
