package io.hashdesk.core.polling;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.TelemetrySnapshot;

/**
 * Reads one miner's telemetry: the port through which the poller reaches the drivers, which core cannot see.
 * The app wires it to the driver matching each miner's firmware.
 *
 * <p>Implementations are called from many virtual threads at once, enforce their own per-request timeouts and
 * give up promptly when interrupted; the poller interrupts a read that overruns its deadline and records it as
 * timed out either way.
 */
@FunctionalInterface
public interface MinerReader {

    /**
     * What the miner reports now.
     *
     * @return a snapshot of {@code miner}, stamped with the time it was taken
     * @throws MinerAccessException when the miner cannot be read, with the {@link MinerAccessException.Failure}
     *                              that decides its status and whether the poller retries soon
     * @throws InterruptedException when the poller gave up on the read or is shutting down
     */
    TelemetrySnapshot read(Miner miner) throws MinerAccessException, InterruptedException;
}
