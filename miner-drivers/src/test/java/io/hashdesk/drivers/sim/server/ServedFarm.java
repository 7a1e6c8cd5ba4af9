package io.hashdesk.drivers.sim.server;

import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.SimulationClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A manual-clock fleet served on ephemeral loopback ports, for wire tests. */
record ServedFarm(SimulationClock clock, SimulatedFleet fleet, SimulatorServer server) implements AutoCloseable {

    static ServedFarm of(ServerOptions options, MinerBlueprint... blueprints) {
        SimulationClock clock = SimulationClock.manual(Instant.parse("2026-11-23T12:00:00Z"));
        SimulatedFleet fleet = SimulatedFleet.create(clock, List.of(blueprints), 23);
        try {
            return new ServedFarm(clock, fleet, SimulatorServer.start(fleet, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServedFarm of(MinerBlueprint... blueprints) {
        return of(ServerOptions.defaults(), blueprints);
    }

    ApiClient api(String minerId) {
        return new ApiClient(server.endpoint(minerId));
    }

    SimulatedMiner miner(String minerId) {
        return fleet.miner(minerId).orElseThrow();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        server.close();
        fleet.close();
    }
}
