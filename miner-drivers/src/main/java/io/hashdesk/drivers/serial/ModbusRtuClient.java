package io.hashdesk.drivers.serial;

import io.hashdesk.core.domain.SensorStatus;
import java.io.IOException;
import java.time.Duration;

/**
 * The Modbus RTU master side of one request: frames a read of holding or input registers, sends it, and takes the
 * answer apart, telling a silent device, a garbled answer (CRC), an exception reply and a malformed frame apart.
 * The end of an answer is found from its length field rather than from line silence, which a USB adapter's
 * buffering makes unreliable.
 */
final class ModbusRtuClient {

    /** Unit, function, byte count or exception code. */
    private static final int HEADER_BYTES = 3;
    private static final int CRC_BYTES = ModbusFrames.CRC_BYTES;
    private static final int EXCEPTION_FLAG = ModbusFrames.EXCEPTION_FLAG;

    private final SerialTransport transport;
    private final Duration responseTimeout;
    private final String portName;

    ModbusRtuClient(SerialTransport transport, Duration responseTimeout, String portName) {
        this.transport = transport;
        this.responseTimeout = responseTimeout;
        this.portName = portName;
    }

    /**
     * Reads registers; each is returned as an unsigned 16-bit value.
     *
     * @throws ModbusFailure with the status the failure means
     * @throws IOException   when the port failed (gone, unplugged)
     */
    int[] readRegisters(int unit, RegisterTable table, int start, int count)
            throws ModbusFailure, IOException, InterruptedException {
        transport.discardInput();
        transport.write(ModbusFrames.readRequest(unit, table, start, count));
        long deadline = System.nanoTime() + responseTimeout.toNanos();
        byte[] reply = new byte[HEADER_BYTES + 2 * count + CRC_BYTES];
        int got = readUpTo(reply, 0, HEADER_BYTES, deadline);
        if (got == 0) {
            throw new ModbusFailure(SensorStatus.TIMEOUT, "unit " + unit + " on " + portName + " did not answer within "
                    + responseTimeout.toMillis() + " ms");
        }
        int expected = expectedLength(reply, got, count);
        got += readUpTo(reply, got, expected - got, deadline);
        if (got < expected) {
            throw new ModbusFailure(SensorStatus.TIMEOUT, "unit " + unit + " on " + portName
                    + " answered only " + got + " of " + expected + " bytes within " + responseTimeout.toMillis() + " ms");
        }
        return parse(reply, expected, unit, table, count);
    }

    /** The whole answer's length as its first bytes announce it (an exception reply is short). */
    private static int expectedLength(byte[] reply, int got, int count) {
        if (got >= 2 && (reply[1] & EXCEPTION_FLAG) != 0) {
            return HEADER_BYTES + CRC_BYTES;
        }
        if (got >= HEADER_BYTES) {
            return Math.min(reply.length, HEADER_BYTES + (reply[2] & 0xFF) + CRC_BYTES);
        }
        return reply.length;
    }

    static int[] parse(byte[] reply, int length, int unit, RegisterTable table, int count) throws ModbusFailure {
        if (!Crc16.matches(reply, length)) {
            throw new ModbusFailure(SensorStatus.CRC_ERROR, "the answer of unit " + unit
                    + " failed its CRC check (noise on the line, wrong baud rate or parity, or two devices with one"
                    + " unit id)");
        }
        int from = reply[0] & 0xFF;
        int function = reply[1] & 0xFF;
        if (from != unit) {
            throw new ModbusFailure(SensorStatus.MALFORMED_REPLY, "an answer came from unit " + from
                    + " instead of unit " + unit);
        }
        if (function == (table.functionCode() | EXCEPTION_FLAG)) {
            int code = reply[2] & 0xFF;
            throw new ModbusFailure(SensorStatus.DEVICE_EXCEPTION, "Modbus exception code " + code + " ("
                    + ModbusFailure.exceptionName(code) + ") from unit " + unit);
        }
        if (function != table.functionCode()) {
            throw new ModbusFailure(SensorStatus.MALFORMED_REPLY, "unit " + unit + " answered function " + function
                    + " to a request with function " + table.functionCode());
        }
        int bytes = reply[2] & 0xFF;
        if (bytes != 2 * count) {
            throw new ModbusFailure(SensorStatus.MALFORMED_REPLY, "unit " + unit + " sent " + bytes
                    + " data bytes for " + count + " registers");
        }
        int[] registers = new int[count];
        for (int i = 0; i < count; i++) {
            registers[i] = (reply[HEADER_BYTES + 2 * i] & 0xFF) << 8 | reply[HEADER_BYTES + 2 * i + 1] & 0xFF;
        }
        return registers;
    }

    private int readUpTo(byte[] into, int offset, int length, long deadlineNanos)
            throws IOException, InterruptedException {
        int got = 0;
        while (got < length) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            got += transport.read(into, offset + got, length - got, Duration.ofNanos(left));
            if (Thread.interrupted()) {
                throw new InterruptedException("the read of " + portName + " was abandoned");
            }
        }
        return got;
    }
}
