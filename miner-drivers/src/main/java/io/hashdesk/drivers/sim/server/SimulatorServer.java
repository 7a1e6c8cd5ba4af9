package io.hashdesk.drivers.sim.server;

import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.SimulationClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link SimulatedFleet} on loopback: each miner gets its own HTTP port (the Vnish web API) and RPC port
 * (CGMiner-style), on 127.0.0.1 only. Ports follow the miners: closed while one reboots or is made unreachable,
 * reopened on the same numbers. One port per miner, rather than one listener with virtual hosts, because drivers
 * address a miner by host and port and real miners differ only by address; the cost is two sockets per miner
 * (10,000 miners need a file limit above 20,000, or RPC switched off, or fixed ports below the ephemeral range).
 */
public final class SimulatorServer implements SimulationClock.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final SimulatedFleet fleet;
    private final Map<String, MinerPorts> ports;

    private SimulatorServer(SimulatedFleet fleet, Map<String, MinerPorts> ports) {
        this.fleet = fleet;
        this.ports = ports;
    }

    /** Opens every miner's ports with {@link ServerOptions#defaults()}. */
    public static SimulatorServer start(SimulatedFleet fleet) throws IOException {
        return start(fleet, ServerOptions.defaults());
    }

    /**
     * Opens every reachable miner's ports and follows the fleet's clock from then on.
     *
     * @throws IOException when a port cannot be opened; ports opened so far are closed again
     */
    public static SimulatorServer start(SimulatedFleet fleet, ServerOptions options) throws IOException {
        Map<String, MinerPorts> ports = new LinkedHashMap<>();
        List<SimulatedMiner> miners = fleet.miners();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < miners.size(); i++) {
                SimulatedMiner miner = miners.get(i);
                int http = options.httpBasePort() == 0 ? 0 : options.httpBasePort() + i;
                int rpc = options.rpcBasePort() == 0 ? 0 : options.rpcBasePort() + i;
                MinerPorts minerPorts = new MinerPorts(miner, options, http, rpc);
                ports.put(miner.id(), minerPorts);
                minerPorts.start();
            }
        } catch (IOException e) {
            ports.values().forEach(MinerPorts::close);
            throw e;
        }
        SimulatorServer server = new SimulatorServer(fleet, ports);
        fleet.clock().addListener(server);
        LOG.info("Simulated {} miner(s) listening on {} in {} ms", miners.size(), LOOPBACK,
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    public List<MinerEndpoint> endpoints() {
        List<MinerEndpoint> endpoints = new ArrayList<>();
        ports.values().forEach(p -> endpoints.add(p.endpoint()));
        return endpoints;
    }

    public MinerEndpoint endpoint(String minerId) {
        MinerPorts minerPorts = ports.get(minerId);
        if (minerPorts == null) {
            throw new NoSuchElementException("no simulated miner '" + minerId + "'");
        }
        return minerPorts.endpoint();
    }

    public SimulatedFleet fleet() {
        return fleet;
    }

    /** Injects a fault and applies it to the ports at once (otherwise they follow at the next clock tick). */
    public void inject(String minerId, Fault fault) {
        miner(minerId).inject(fault);
        sync(minerId);
    }

    public void clear(String minerId, Class<? extends Fault> type) {
        miner(minerId).clear(type);
        sync(minerId);
    }

    private SimulatedMiner miner(String minerId) {
        return fleet.miner(minerId).orElseThrow(() -> new NoSuchElementException("no simulated miner '" + minerId
                + "'"));
    }

    /** Opens and closes ports to match each miner's reachability now. */
    public void sync() {
        ports.keySet().forEach(this::sync);
    }

    private void sync(String minerId) {
        try {
            ports.get(minerId).sync();
        } catch (IOException e) {
            // A port that cannot be reopened now (taken by someone else) is retried at the next tick.
            LOG.warn("Could not reopen the ports of simulated miner {}: {}", minerId, e.getMessage());
        }
    }

    @Override
    public void advanced(Instant from, Instant to) {
        sync();
    }

    @Override
    public void close() {
        fleet.clock().removeListener(this);
        ports.values().forEach(MinerPorts::close);
    }

    /** Waits in real time, as a slow miner does; an interrupt ends the wait early and is kept. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
