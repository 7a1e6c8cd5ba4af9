/**
 * The simulator's wire side: every simulated miner's Vnish web API ({@code /api/v1/...}, as in
 * {@code ../shared/vnish-api.md} and the firmware's OpenAPI documents) and CGMiner-style RPC, on 127.0.0.1 only.
 *
 * <p>Start with {@link io.hashdesk.drivers.sim.server.FarmSimulation#start} (a fleet file, a speed, options) or
 * {@link io.hashdesk.drivers.sim.server.SimulatorServer#start} (a fleet you built); read addresses from
 * {@code endpoints()}. {@link io.hashdesk.drivers.sim.server.SimulatorMain} runs a farm as its own process.
 *
 * <p>Design for many miners: one HTTP port and one RPC port per miner (drivers address a miner by host and port,
 * as on a real LAN, and a rebooting miner's ports really close), each served by a small HTTP/1.1 listener on
 * virtual threads — one parked virtual thread per listening socket and per open connection, no platform thread per
 * miner. The JDK's {@code com.sun.net.httpserver.HttpServer} was measured and rejected for this: it starts two
 * platform threads (dispatcher and idle timer) and a selector per server, i.e. 20,000 threads and about 50,000
 * file descriptors for 10,000 miners. The limit that remains is file descriptors: two per miner plus open
 * connections, so 10,000 miners with RPC need {@code ulimit -n} above 20,000 (or RPC off, or two processes).
 * Ephemeral ports get slow to bind in the thousands; large fleets should use fixed base ports below the OS's
 * ephemeral range ({@link io.hashdesk.drivers.sim.server.ServerOptions#withFixedPorts}).
 */
package io.hashdesk.drivers.sim.server;
