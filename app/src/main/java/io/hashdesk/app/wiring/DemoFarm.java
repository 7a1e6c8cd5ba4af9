package io.hashdesk.app.wiring;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.drivers.serial.DeviceProfiles;
import io.hashdesk.drivers.serial.sim.DemoRoomSensors;
import io.hashdesk.drivers.serial.sim.DemoSensorSettings;
import io.hashdesk.drivers.sim.FleetDefinition;
import io.hashdesk.drivers.sim.FleetDefinitionReader;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.server.FarmSimulation;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import io.hashdesk.drivers.sim.server.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled demo farm: the simulator serving {@code assets/demo-farm/demo-farm.json} on loopback in real time,
 * its miners registered under their own site so the poller, the store and the screens run on live data from the
 * first minute, and each room's simulated intake and exhaust sensors and feed meter on a serial bus. Turned off by {@code --real-miners} or {@code "demoFarm": false}, which also retires its miners.
 */
final class DemoFarm implements AutoCloseable {

    static final String SITE_ID = "demo-farm";
    private static final Logger LOG = LoggerFactory.getLogger(DemoFarm.class);
    private static final String DEFINITION = "/assets/demo-farm/demo-farm.json";
    private static final double REAL_TIME = 1.0;
    /** How the demo's miners are laid out on racks: slots per shelf and shelves per rack. */
    private static final int SLOTS_PER_SHELF = 5;
    private static final int SHELVES_PER_RACK = 4;

    private final FarmSimulation simulation;
    private final ZoneId siteZone;
    /** {@code null} when they could not start; the miners run on without them. */
    private final DemoRoomSensors roomSensors;

    private DemoFarm(FarmSimulation simulation, ZoneId siteZone, DemoRoomSensors roomSensors) {
        this.simulation = simulation;
        this.siteZone = siteZone;
        this.roomSensors = roomSensors;
    }

    /** The rooms' simulated air sensors and meters, on a virtual serial port or in-process. */
    Optional<DemoRoomSensors> roomSensors() {
        return Optional.ofNullable(roomSensors);
    }

    /** The demo site's time zone: this PC's. */
    ZoneId siteZone() {
        return siteZone;
    }

    /** Starts the simulated farm and registers (or re-addresses) its miners. */
    static DemoFarm start(MinerRegistry registry) throws IOException {
        FleetDefinition definition;
        try (InputStream in = DemoFarm.class.getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IOException(DEFINITION + " is missing from the app; the build is broken");
            }
            definition = FleetDefinitionReader.read(in, "bundled demo farm");
        }
        FarmSimulation simulation = FarmSimulation.start(definition, "bundled demo farm", REAL_TIME, ServerOptions.defaults());
        try {
            register(registry, definition, simulation);
        } catch (RuntimeException e) {
            simulation.close();
            throw e;
        }
        LOG.info("Demo farm running: {} simulated miners on 127.0.0.1", simulation.endpoints().size());
        return new DemoFarm(simulation, ZoneId.systemDefault(), startRoomSensors(simulation));
    }

    private static DemoRoomSensors startRoomSensors(FarmSimulation simulation) {
        try {
            return DemoRoomSensors.start(simulation, DeviceProfiles.bundled(), DemoSensorSettings.bundled());
        } catch (RuntimeException e) {
            LOG.error("The demo farm's room sensors could not start; its miners run on without them", e);
            return null;
        }
    }

    private static void register(MinerRegistry registry, FleetDefinition definition, FarmSimulation simulation) {
        registry.saveSite(new Site(SITE_ID, definition.name(), ZoneId.systemDefault()));
        definition.rooms().forEach(room -> registry.saveRoom(new Room(room.id(), SITE_ID, room.name())));
        Map<String, Integer> placedPerRoom = new HashMap<>();
        for (MinerEndpoint endpoint : simulation.endpoints()) {
            SimulatedMiner miner = simulation.fleet().miner(endpoint.minerId()).orElseThrow();
            String room = miner.identity().room();
            int place = placedPerRoom.merge(room, 1, Integer::sum) - 1;
            int perRack = SLOTS_PER_SHELF * SHELVES_PER_RACK;
            RackPosition position = new RackPosition(room, "R" + (place / perRack + 1),
                    place % perRack / SLOTS_PER_SHELF + 1, place % SLOTS_PER_SHELF + 1);
            registry.saveMiner(new Miner(MinerId.of(endpoint.minerId()), SITE_ID, position,
                    new MinerAddress(endpoint.host(), endpoint.httpPort(), rpcPortOf(endpoint)),
                    miner.model().catalog().id(), "Vnish " + miner.firmware(),
                    // keep a vault entry the operator assigned to a demo miner
                    registry.miner(MinerId.of(endpoint.minerId())).flatMap(Miner::credentials)));
        }
    }

    /** A miner served without RPC still needs a port number in its address; nothing will answer there. */
    private static int rpcPortOf(MinerEndpoint endpoint) {
        return endpoint.rpcPort() > 0 ? endpoint.rpcPort() : MinerAddress.DEFAULT_RPC_PORT;
    }

    /** Takes the demo's miners out of the inventory (their history stays) when the demo is turned off. */
    static void retire(MinerRegistry registry) {
        registry.miners().stream().filter(m -> m.siteId().equals(SITE_ID)).forEach(m -> registry.removeMiner(m.id()));
    }

    @Override
    public void close() {
        if (roomSensors != null) {
            roomSensors.close();
        }
        simulation.close();
    }
}
