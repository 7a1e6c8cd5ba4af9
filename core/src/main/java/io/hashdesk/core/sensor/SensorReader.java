package io.hashdesk.core.sensor;

import io.hashdesk.core.domain.SensorReading;

/**
 * Reads one room sensor or meter: the port through which the poller reaches the serial drivers, which core cannot
 * see. Failures are statuses of the reading (a missing port, a timeout, a CRC error, an exception reply), never
 * exceptions: on a serial bus they are normal.
 *
 * <p>Implementations may be called from several virtual threads at once and serialise devices sharing a bus
 * themselves; they bound each request with their own timeout.
 */
@FunctionalInterface
public interface SensorReader {

    /** @throws InterruptedException when the poller gave up on the read or is shutting down */
    SensorReading read(SensorDevice device) throws InterruptedException;
}
