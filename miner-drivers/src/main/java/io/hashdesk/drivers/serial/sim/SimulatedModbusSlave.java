package io.hashdesk.drivers.serial.sim;

import io.hashdesk.drivers.serial.ModbusFrames;
import io.hashdesk.drivers.serial.RegisterTable;
import io.hashdesk.drivers.serial.SerialTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of one simulated RS-485 bus, answering Modbus RTU read requests on a byte stream (one end of a socat
 * pseudo-terminal pair, or an in-process pipe) on a thread of its own. Requests for a unit that is not on the bus go
 * unanswered, as on a real bus; a read outside the registers a device maps gets exception 2 (illegal data address);
 * other function codes get exception 1.
 */
public final class SimulatedModbusSlave implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedModbusSlave.class);
    /** How often the serving thread looks up from a silent line to see whether it should stop. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final SerialTransport transport;
    private final Map<Integer, SimulatedSensorDevice> units;
    private final Thread thread;
    private volatile boolean closing;

    private SimulatedModbusSlave(SerialTransport transport, List<SimulatedSensorDevice> devices) {
        this.transport = transport;
        this.units = devices.stream().collect(Collectors.toUnmodifiableMap(SimulatedSensorDevice::unitId,
                Function.identity()));
        this.thread = Thread.ofPlatform().daemon().name("simulated-modbus-bus").unstarted(this::serve);
    }

    /** Starts answering on {@code transport}, which the slave then owns and closes. */
    public static SimulatedModbusSlave start(SerialTransport transport, List<SimulatedSensorDevice> devices) {
        SimulatedModbusSlave slave = new SimulatedModbusSlave(Objects.requireNonNull(transport, "transport"),
                List.copyOf(devices));
        slave.thread.start();
        return slave;
    }

    private void serve() {
        byte[] request = new byte[ModbusFrames.READ_REQUEST_BYTES];
        int got = 0;
        try {
            while (!closing) {
                int n = transport.read(request, got, request.length - got, POLL);
                if (n == 0) {
                    // silence ends a frame: a partial one is noise
                    got = 0;
                    continue;
                }
                got += n;
                if (got == request.length) {
                    got = 0;
                    answer(request);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.info("The simulated Modbus bus stopped: {}", e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(byte[] request) throws IOException {
        ModbusFrames.ReadRequest read = ModbusFrames.parseReadRequest(request);
        if (read == null) {
            transport.discardInput();
            return;
        }
        SimulatedSensorDevice device = units.get(read.unit());
        if (device == null || device.fault() == SimulatedSensorDevice.Fault.SILENT) {
            return;
        }
        byte[] reply = reply(device, read);
        if (device.fault() == SimulatedSensorDevice.Fault.CORRUPT_CRC) {
            reply[reply.length - 3] ^= 0x01;
        }
        transport.write(reply);
    }

    private static byte[] reply(SimulatedSensorDevice device, ModbusFrames.ReadRequest read) {
        RegisterTable table = read.table();
        if (table == null) {
            return ModbusFrames.exceptionReply(read.unit(), read.function(), ModbusFrames.ILLEGAL_FUNCTION);
        }
        if (device.fault() == SimulatedSensorDevice.Fault.BUSY) {
            return ModbusFrames.exceptionReply(read.unit(), read.function(), ModbusFrames.DEVICE_BUSY);
        }
        Map<Integer, Integer> registers = device.registers(table);
        int first = registers.keySet().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        int last = registers.keySet().stream().mapToInt(Integer::intValue).max().orElse(Integer.MIN_VALUE);
        if (read.start() < first || read.start() + read.count() - 1 > last) {
            return ModbusFrames.exceptionReply(read.unit(), read.function(), ModbusFrames.ILLEGAL_DATA_ADDRESS);
        }
        int[] values = new int[read.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = registers.getOrDefault(read.start() + i, 0);
        }
        return ModbusFrames.registersReply(read.unit(), read.function(), values);
    }

    /** Stops answering and closes the transport. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(POLL.multipliedBy(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }
}
