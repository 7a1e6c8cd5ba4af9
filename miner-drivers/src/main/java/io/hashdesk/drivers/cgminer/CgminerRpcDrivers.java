package io.hashdesk.drivers.cgminer;

import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriverFactory;
import java.time.Clock;
import java.util.Objects;

/** Makes {@link CgminerRpcDriver}s. The RPC has no credentials and no shared connections: nothing to pool. */
public final class CgminerRpcDrivers implements MinerDriverFactory {

    private final DriverOptions options;
    private final Clock clock;

    public CgminerRpcDrivers(DriverOptions options) {
        this(options, Clock.systemUTC());
    }

    public CgminerRpcDrivers(DriverOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A driver for the RPC port of {@code address}; {@code credentials} are not used (the RPC has none). */
    @Override
    public CgminerRpcDriver open(MinerAddress address, MinerCredentials credentials) {
        Objects.requireNonNull(address, "address");
        return new CgminerRpcDriver(new RpcClient(address, options), address, options, clock);
    }

    /** Nothing is shared between RPC drivers, so there is nothing to release. */
    @Override
    public void close() {
        // Each RPC command opens and closes its own socket.
    }
}
