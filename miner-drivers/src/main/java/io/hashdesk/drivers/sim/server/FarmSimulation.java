package io.hashdesk.drivers.sim.server;

import io.hashdesk.drivers.sim.FleetDefinition;
import io.hashdesk.drivers.sim.FleetDefinitionReader;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulationClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A whole running simulation: a fleet file's farm on a clock at some speed, served on loopback. The one call the
 * app, the benchmark and the command line need: {@code FarmSimulation.start(path, 1, ServerOptions.defaults())},
 * then {@link #endpoints()}.
 */
public record FarmSimulation(FleetDefinition definition, SimulationClock clock, SimulatedFleet fleet,
                             SimulatorServer server) implements AutoCloseable {

    /**
     * Reads the fleet file, builds the farm, opens its ports and starts the clock at {@code speed} × real time.
     *
     * @throws io.hashdesk.drivers.sim.FleetDefinitionException when the file is unusable, naming the field
     * @throws IOException                                     when ports cannot be opened
     */
    public static FarmSimulation start(Path fleetFile, double speed, ServerOptions options) throws IOException {
        return start(FleetDefinitionReader.read(fleetFile), "fleet file " + fleetFile.toAbsolutePath(), speed,
                options);
    }

    public static FarmSimulation start(FleetDefinition definition, String source, double speed,
                                       ServerOptions options) throws IOException {
        Instant start = definition.startOr(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        SimulationClock clock = SimulationClock.atSpeed(start, speed);
        SimulatedFleet fleet = SimulatedFleet.fromDefinition(definition, clock, source);
        SimulatorServer server;
        try {
            server = SimulatorServer.start(fleet, options);
        } catch (IOException e) {
            fleet.close();
            throw e;
        }
        clock.start();
        return new FarmSimulation(definition, clock, fleet, server);
    }

    public List<MinerEndpoint> endpoints() {
        return server.endpoints();
    }

    @Override
    public void close() {
        clock.close();
        server.close();
        fleet.close();
    }
}
