package io.hashdesk.drivers.serial;

/**
 * Modbus RTU frames for the register reads Hashdesk uses, both sides: the master's request and the device's answers
 * (the simulated devices build theirs here). Every frame ends with its {@link Crc16}, low byte first.
 */
public final class ModbusFrames {

    public static final int READ_REQUEST_BYTES = 8;
    public static final int ILLEGAL_FUNCTION = 1;
    public static final int ILLEGAL_DATA_ADDRESS = 2;
    public static final int DEVICE_BUSY = 6;
    static final int EXCEPTION_FLAG = 0x80;
    static final int CRC_BYTES = 2;

    private ModbusFrames() {
    }

    /**
     * A read request as a device sees it.
     *
     * @param table {@code null} when the function code is not a register read
     */
    public record ReadRequest(int unit, int function, RegisterTable table, int start, int count) {
    }

    /** The frame that asks {@code unit} for {@code count} registers of {@code table} from {@code start}. */
    public static byte[] readRequest(int unit, RegisterTable table, int start, int count) {
        byte[] frame = new byte[READ_REQUEST_BYTES];
        frame[0] = (byte) unit;
        frame[1] = (byte) table.functionCode();
        frame[2] = (byte) (start >>> 8);
        frame[3] = (byte) start;
        frame[4] = (byte) (count >>> 8);
        frame[5] = (byte) count;
        Crc16.append(frame, READ_REQUEST_BYTES - CRC_BYTES);
        return frame;
    }

    /** The request in an 8-byte frame, or {@code null} when its CRC is wrong (noise: a device stays silent). */
    public static ReadRequest parseReadRequest(byte[] frame) {
        if (frame.length != READ_REQUEST_BYTES || !Crc16.matches(frame, READ_REQUEST_BYTES)) {
            return null;
        }
        int function = frame[1] & 0xFF;
        return new ReadRequest(frame[0] & 0xFF, function, RegisterTable.ofFunctionCode(function),
                (frame[2] & 0xFF) << 8 | frame[3] & 0xFF, (frame[4] & 0xFF) << 8 | frame[5] & 0xFF);
    }

    /** A device's answer carrying {@code registers} (unsigned 16-bit values). */
    public static byte[] registersReply(int unit, int function, int[] registers) {
        byte[] frame = new byte[3 + 2 * registers.length + CRC_BYTES];
        frame[0] = (byte) unit;
        frame[1] = (byte) function;
        frame[2] = (byte) (2 * registers.length);
        for (int i = 0; i < registers.length; i++) {
            frame[3 + 2 * i] = (byte) (registers[i] >>> 8);
            frame[4 + 2 * i] = (byte) registers[i];
        }
        Crc16.append(frame, frame.length - CRC_BYTES);
        return frame;
    }

    /** A device's exception answer. */
    public static byte[] exceptionReply(int unit, int function, int code) {
        byte[] frame = new byte[3 + CRC_BYTES];
        frame[0] = (byte) unit;
        frame[1] = (byte) (function | EXCEPTION_FLAG);
        frame[2] = (byte) code;
        Crc16.append(frame, 3);
        return frame;
    }
}
