package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAddress;

/**
 * Makes drivers for miners of one kind. A factory owns what its drivers share (an HTTP connection pool, a dispatcher
 * with bounded concurrency) and releases it on {@link #close()}; drivers it made stop working after that.
 */
public interface MinerDriverFactory extends AutoCloseable {

    /** A driver for the miner at {@code address}; opening makes no connection yet. */
    MinerDriver open(MinerAddress address, MinerCredentials credentials);

    @Override
    void close();
}
