package io.hashdesk.drivers.integration;

import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.SimulationClock;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import io.hashdesk.drivers.sim.server.ServerOptions;
import io.hashdesk.drivers.sim.server.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Simulated miners on a manual clock, served on ephemeral 127.0.0.1 ports: the bench every end-to-end test here
 * drives real drivers against. Simulated time moves only when a test calls {@link #advance}.
 */
record SimulatedSite(SimulationClock clock, SimulatedFleet fleet, SimulatorServer server) implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    static final double AMBIENT_C = 24;

    /** Driver bounds short enough that a test waiting for a timeout finishes quickly. */
    static DriverOptions fastOptions() {
        return DriverOptions.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(4));
    }

    static SimulatedSite of(List<MinerBlueprint> blueprints) {
        return of(ServerOptions.defaults(), blueprints);
    }

    static SimulatedSite of(MinerBlueprint... blueprints) {
        return of(List.of(blueprints));
    }

    static SimulatedSite of(ServerOptions options, List<MinerBlueprint> blueprints) {
        SimulationClock clock = SimulationClock.manual(START);
        SimulatedFleet fleet = SimulatedFleet.create(clock, blueprints, AMBIENT_C);
        try {
            return new SimulatedSite(clock, fleet, SimulatorServer.start(fleet, options));
        } catch (IOException e) {
            fleet.close();
            throw new UncheckedIOException(e);
        }
    }

    SimulatedMiner miner(String id) {
        return fleet.miner(id).orElseThrow();
    }

    MinerEndpoint endpoint(String id) {
        return server.endpoint(id);
    }

    /** The address a driver is given: loopback, the miner's own web and RPC ports. */
    MinerAddress address(String id) {
        MinerEndpoint endpoint = server.endpoint(id);
        return new MinerAddress(endpoint.host(), endpoint.httpPort(), endpoint.rpcPort());
    }

    void inject(String id, Fault fault) {
        server.inject(id, fault);
    }

    void clear(String id, Class<? extends Fault> type) {
        server.clear(id, type);
    }

    /** Moves simulated time on; ports follow the miners' reachability before this returns. */
    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        server.close();
        fleet.close();
    }
}
