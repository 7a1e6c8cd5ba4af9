package io.hashdesk.drivers.serial.sim;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SerialLine;
import io.hashdesk.drivers.serial.DeviceProfile;
import io.hashdesk.drivers.serial.DeviceProfiles;
import io.hashdesk.drivers.serial.JSerialCommTransport;
import io.hashdesk.drivers.serial.PipeTransport;
import io.hashdesk.drivers.serial.SerialTransport;
import io.hashdesk.drivers.serial.TransportOpener;
import io.hashdesk.drivers.sim.AmbientCurve;
import io.hashdesk.drivers.sim.FleetDefinition;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.server.FarmSimulation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo farm's room sensors: per room an intake and an exhaust temperature/humidity transmitter and a three-phase
 * meter, on one simulated Modbus bus. The air follows the simulator's ambient curve (exhaust warmer by the room's
 * load); the meter measures the room's miners' true wall power plus overhead and counts energy. The bus is a socat
 * pseudo-terminal pair when socat is installed, read through jSerialComm like a real adapter; otherwise an
 * in-process pipe behind the port name {@value #IN_PROCESS_PORT}.
 */
public final class DemoRoomSensors implements AutoCloseable {

    public static final String IN_PROCESS_PORT = "sim:demo-room-sensors";
    static final String THERMOMETER_PROFILE = "xy-md02";
    static final String METER_PROFILE = "sdm630";
    private static final Logger LOG = LoggerFactory.getLogger(DemoRoomSensors.class);
    private static final int DEVICES_PER_ROOM = 3;

    private final List<SimulatedSensorDevice> simulated;
    private final List<SensorDevice> devices;
    private final VirtualSerialPair pair;
    private SimulatedModbusSlave slave;

    private DemoRoomSensors(List<SimulatedSensorDevice> simulated, List<SensorDevice> devices, VirtualSerialPair pair,
                            SimulatedModbusSlave slave) {
        this.simulated = simulated;
        this.devices = devices;
        this.pair = pair;
        this.slave = slave;
    }

    /** Builds the rooms' devices and puts them on a bus: a socat pair when possible, else in-process. */
    public static DemoRoomSensors start(FarmSimulation simulation, DeviceProfiles profiles,
                                        DemoSensorSettings settings) {
        if (VirtualSerialPair.available()) {
            try {
                return onVirtualPort(simulation, profiles, settings);
            } catch (IOException e) {
                LOG.warn("The virtual serial port did not start ({}); the demo's room sensors answer in-process",
                        e.getMessage());
            }
        }
        return inProcess(simulation, profiles, settings);
    }

    /** The devices behind an in-process pipe only, named {@value #IN_PROCESS_PORT}. */
    public static DemoRoomSensors inProcess(FarmSimulation simulation, DeviceProfiles profiles,
                                           DemoSensorSettings settings) {
        Bus bus = build(simulation, profiles, settings, SerialLine.of(IN_PROCESS_PORT));
        return new DemoRoomSensors(bus.simulated(), bus.devices(), null, null);
    }

    private static DemoRoomSensors onVirtualPort(FarmSimulation simulation, DeviceProfiles profiles,
                                                 DemoSensorSettings settings) throws IOException {
        VirtualSerialPair pair = VirtualSerialPair.start();
        try {
            Bus bus = build(simulation, profiles, settings, SerialLine.of(pair.hostEnd()));
            SimulatedModbusSlave slave = SimulatedModbusSlave.start(
                    JSerialCommTransport.open(SerialLine.of(pair.devicesEnd())), bus.simulated());
            LOG.info("Demo room sensors answer on {} (socat pseudo-terminal)", pair.hostEnd());
            return new DemoRoomSensors(bus.simulated(), bus.devices(), pair, slave);
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    /** The simulated devices and the configuration that reads them. */
    private record Bus(List<SimulatedSensorDevice> simulated, List<SensorDevice> devices) {
    }

    private static Bus build(FarmSimulation simulation, DeviceProfiles profiles, DemoSensorSettings settings,
                             SerialLine line) {
        DeviceProfile thermometer = profiles.profile(THERMOMETER_PROFILE).orElseThrow();
        DeviceProfile meter = profiles.profile(METER_PROFILE).orElseThrow();
        SplittableRandom noise = new SplittableRandom(simulation.definition().seed());
        List<SimulatedSensorDevice> simulated = new ArrayList<>();
        List<SensorDevice> devices = new ArrayList<>();
        List<FleetDefinition.Room> rooms = simulation.definition().rooms();
        for (int r = 0; r < rooms.size(); r++) {
            FleetDefinition.Room room = rooms.get(r);
            RoomAir air = new RoomAir(simulation, room, settings, noise.split());
            int unit = r * DEVICES_PER_ROOM + 1;
            simulated.add(new SimulatedSensorDevice(unit, thermometer, air::intake));
            simulated.add(new SimulatedSensorDevice(unit + 1, thermometer, air::exhaust));
            simulated.add(new SimulatedSensorDevice(unit + 2, meter, air::meter));
            devices.add(device(room, "intake", room.name() + " intake air", line, unit, THERMOMETER_PROFILE,
                    SensorPosition.INTAKE));
            devices.add(device(room, "exhaust", room.name() + " exhaust air", line, unit + 1, THERMOMETER_PROFILE,
                    SensorPosition.EXHAUST));
            devices.add(device(room, "meter", room.name() + " feed meter", line, unit + 2, METER_PROFILE,
                    SensorPosition.CIRCUIT));
        }
        return new Bus(List.copyOf(simulated), List.copyOf(devices));
    }

    private static SensorDevice device(FleetDefinition.Room room, String what, String name, SerialLine line, int unit,
                                       String profile, SensorPosition position) {
        return new SensorDevice(SensorId.of("demo-" + room.id() + "-" + what), name, line, unit, profile,
                new SensorPlacement(room.id(), null, position));
    }

    /** The demo's devices as the poller reads them. */
    public List<SensorDevice> devices() {
        return List.copyOf(devices);
    }

    /** Whether the bus is a socat pseudo-terminal pair rather than an in-process pipe. */
    public boolean onVirtualPort() {
        return pair != null;
    }

    /** Opens {@value #IN_PROCESS_PORT} as a fresh pipe to the devices, every other port through {@code ports}. */
    public TransportOpener opener(TransportOpener ports) {
        return line -> line.port().equals(IN_PROCESS_PORT) ? connectPipe() : ports.open(line);
    }

    private synchronized SerialTransport connectPipe() {
        if (slave != null) {
            slave.close();
        }
        PipeTransport[] ends = PipeTransport.pair();
        slave = SimulatedModbusSlave.start(ends[0], simulated);
        return ends[1];
    }

    @Override
    public synchronized void close() {
        if (slave != null) {
            slave.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    /** One room's air and feed as the simulator has them now. */
    private static final class RoomAir {

        private final FarmSimulation simulation;
        private final AmbientCurve ambient;
        private final String roomId;
        private final DemoSensorSettings settings;
        private final SplittableRandom noise;
        private double energyKwh;
        private Instant countedTo;

        RoomAir(FarmSimulation simulation, FleetDefinition.Room room, DemoSensorSettings settings,
                SplittableRandom noise) {
            this.simulation = simulation;
            this.ambient = room.ambient();
            this.roomId = room.id();
            this.settings = settings;
            this.noise = noise;
            this.energyKwh = settings.startEnergyKwh();
        }

        synchronized Map<SensorQuantity, Double> intake() {
            return air(ambient.tempAt(simulation.clock().instant()));
        }

        synchronized Map<SensorQuantity, Double> exhaust() {
            double rise = Math.min(settings.maxExhaustRiseC(), roomWatts() / 1000 * settings.exhaustRiseCPerKw());
            return air(ambient.tempAt(simulation.clock().instant()) + rise);
        }

        synchronized Map<SensorQuantity, Double> meter() {
            Instant now = simulation.clock().instant();
            double watts = roomWatts() * (1 + settings.overheadFraction());
            if (countedTo != null && now.isAfter(countedTo)) {
                energyKwh += watts / 1000 * Duration.between(countedTo, now).toMillis() / 3_600_000.0;
            }
            countedTo = now;
            return Map.of(SensorQuantity.VOLTAGE_VOLTS, settings.voltageVolts(),
                    SensorQuantity.CURRENT_AMPS, watts / 3 / settings.voltageVolts(),
                    SensorQuantity.POWER_WATTS, watts,
                    SensorQuantity.ENERGY_KWH, energyKwh);
        }

        private Map<SensorQuantity, Double> air(double tempC) {
            return Map.of(SensorQuantity.TEMPERATURE_C, tempC + noise.nextDouble(-1, 1) * settings.noiseC(),
                    SensorQuantity.HUMIDITY_PERCENT, settings.humidityPercent() + noise.nextDouble(-1, 1));
        }

        private double roomWatts() {
            double watts = 0;
            for (SimulatedMiner miner : simulation.fleet().miners()) {
                if (miner.identity().room().equals(roomId)) {
                    watts += miner.wallWatts();
                }
            }
            return watts;
        }
    }
}
