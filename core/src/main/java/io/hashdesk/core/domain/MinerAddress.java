package io.hashdesk.core.domain;

/**
 * How to reach a miner on the LAN: host (IP or name) and the ports of its web API and CGMiner-style RPC.
 * Ports are explicit because the simulator serves many miners on one loopback address.
 */
public record MinerAddress(String host, int httpPort, int rpcPort) {

    /** Vnish's web API listens on 80 and the CGMiner-compatible RPC on 4028. */
    public static final int DEFAULT_HTTP_PORT = 80;
    public static final int DEFAULT_RPC_PORT = 4028;

    public MinerAddress {
        host = Names.requireText(host, "miner host");
        requirePort(httpPort, "HTTP port");
        requirePort(rpcPort, "RPC port");
    }

    public static MinerAddress ofHost(String host) {
        return new MinerAddress(host, DEFAULT_HTTP_PORT, DEFAULT_RPC_PORT);
    }

    private static void requirePort(int port, String what) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be 1–65535, got " + port);
        }
    }
}
