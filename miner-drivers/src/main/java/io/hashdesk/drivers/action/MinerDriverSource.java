package io.hashdesk.drivers.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.api.MinerDriver;

/**
 * The web driver for a registered miner, opened with its credentials. The source owns the drivers it hands out (it
 * keeps one per miner so the web session is reused, and closes them); callers never close them.
 */
@FunctionalInterface
public interface MinerDriverSource {

    /**
     * @throws MinerAccessException when the miner cannot be reached with a driver at all: not registered
     *                              ({@code UNREACHABLE}) or its stored credentials are unusable ({@code AUTH_FAILED})
     */
    MinerDriver driverFor(MinerId miner) throws MinerAccessException;
}
