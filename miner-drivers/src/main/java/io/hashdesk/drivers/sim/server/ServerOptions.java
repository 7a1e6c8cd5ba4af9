package io.hashdesk.drivers.sim.server;

import java.time.Duration;

/**
 * How a {@link SimulatorServer} listens.
 *
 * @param httpBasePort        0 for ephemeral ports (tests); otherwise miner i listens on {@code httpBasePort + i}
 * @param rpcBasePort         likewise for the RPC port; ignored when {@code rpcEnabled} is false
 * @param rpcEnabled          whether each miner also listens for CGMiner RPC (two sockets per miner instead of one)
 * @param idleTimeout         an idle keep-alive connection is closed after this (real time)
 * @param rpcReadTimeout      how long an RPC client may take to send its command
 * @param maxBadUnlocks       wrong passwords in a row before unlocking is refused with 429
 * @param unlockLockout       how long that refusal lasts (simulated time)
 * @param emptyControlReplies answer successful mining/* and similar routes with no body, as the firmware does;
 *                            false answers {@code {}} for clients that insist on JSON
 * @param backlog             listen backlog per socket
 */
public record ServerOptions(int httpBasePort, int rpcBasePort, boolean rpcEnabled, Duration idleTimeout,
                            Duration rpcReadTimeout, int maxBadUnlocks, Duration unlockLockout,
                            boolean emptyControlReplies, int backlog) {

    private static final int MAX_PORT = 65_535;

    public ServerOptions {
        if (httpBasePort < 0 || httpBasePort > MAX_PORT || rpcBasePort < 0 || rpcBasePort > MAX_PORT) {
            throw new IllegalArgumentException("base ports must be within 0..65535");
        }
        if (maxBadUnlocks < 1 || backlog < 1) {
            throw new IllegalArgumentException("maxBadUnlocks and backlog must be positive");
        }
    }

    /** Ephemeral ports, RPC on, firmware-faithful replies: what tests want. */
    public static ServerOptions defaults() {
        return new ServerOptions(0, 0, true, Duration.ofSeconds(30), Duration.ofSeconds(5), 5,
                Duration.ofSeconds(60), true, 50);
    }

    /** Miner i on {@code httpBase + i} and {@code rpcBase + i}; pick bases below the OS's ephemeral range. */
    public ServerOptions withFixedPorts(int httpBase, int rpcBase) {
        return new ServerOptions(httpBase, rpcBase, rpcEnabled, idleTimeout, rpcReadTimeout, maxBadUnlocks,
                unlockLockout, emptyControlReplies, backlog);
    }

    public ServerOptions withRpc(boolean enabled) {
        return new ServerOptions(httpBasePort, rpcBasePort, enabled, idleTimeout, rpcReadTimeout, maxBadUnlocks,
                unlockLockout, emptyControlReplies, backlog);
    }

    public ServerOptions withEmptyControlReplies(boolean empty) {
        return new ServerOptions(httpBasePort, rpcBasePort, rpcEnabled, idleTimeout, rpcReadTimeout, maxBadUnlocks,
                unlockLockout, empty, backlog);
    }

    public ServerOptions withIdleTimeout(Duration timeout) {
        return new ServerOptions(httpBasePort, rpcBasePort, rpcEnabled, timeout, rpcReadTimeout, maxBadUnlocks,
                unlockLockout, emptyControlReplies, backlog);
    }
}
