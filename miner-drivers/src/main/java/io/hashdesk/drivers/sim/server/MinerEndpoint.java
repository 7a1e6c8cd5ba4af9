package io.hashdesk.drivers.sim.server;

/**
 * Where one simulated miner listens. Always loopback; {@code rpcPort} is -1 when the server runs without RPC.
 */
public record MinerEndpoint(String minerId, String host, int httpPort, int rpcPort) {

    /** {@code http://127.0.0.1:<port>}, the root a driver appends {@code /api/v1/...} to. */
    public String httpBaseUrl() {
        return "http://" + host + ":" + httpPort;
    }

    /** {@code host:httpPort:rpcPort}. */
    @Override
    public String toString() {
        return host + ":" + httpPort + ":" + rpcPort;
    }
}
