package io.hashdesk.drivers.serial;

/** The CRC-16 that ends every Modbus RTU frame (polynomial 0xA001 reflected, start 0xFFFF, low byte sent first). */
final class Crc16 {

    private static final int POLYNOMIAL = 0xA001;
    private static final int START = 0xFFFF;

    private Crc16() {
    }

    static int of(byte[] bytes, int offset, int length) {
        int crc = START;
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
            }
        }
        return crc;
    }

    /** Writes the CRC of {@code bytes[0..length)} into the two bytes after them. */
    static void append(byte[] frame, int length) {
        int crc = of(frame, 0, length);
        frame[length] = (byte) crc;
        frame[length + 1] = (byte) (crc >>> 8);
    }

    /** Whether the last two bytes of {@code frame[0..length)} are the CRC of the bytes before them. */
    static boolean matches(byte[] frame, int length) {
        int crc = of(frame, 0, length - 2);
        return (frame[length - 2] & 0xFF) == (crc & 0xFF) && (frame[length - 1] & 0xFF) == (crc >>> 8);
    }
}
