package io.hashdesk.drivers.serial;

import java.io.IOException;
import java.time.Duration;

/**
 * A byte stream to a serial bus: a real port through jSerialComm, or an in-process pipe to a simulated device.
 * Used by one thread at a time (the bus's lock holder).
 */
public interface SerialTransport extends AutoCloseable {

    void write(byte[] bytes) throws IOException;

    /**
     * Reads up to {@code length} bytes, waiting at most {@code timeout} for the first of them.
     *
     * @return bytes read; 0 when none came in time
     * @throws IOException when the port has gone (unplugged adapter, closed pipe)
     */
    int read(byte[] into, int offset, int length, Duration timeout) throws IOException, InterruptedException;

    /** Drops whatever has arrived unasked, e.g. a late answer to a request that already timed out. */
    void discardInput() throws IOException;

    @Override
    void close();
}
