package io.hashdesk.core.store.sqlite;

import java.util.Arrays;

/** Reader of what {@link VarintWriter} wrote; every overrun is reported as damage, never read past. */
final class VarintReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    VarintReader(byte[] buf) {
        this(buf, buf.length);
    }

    /** Reads only the first {@code length} bytes (the rest is a trailer such as a checksum). */
    VarintReader(byte[] buf, int length) {
        this.buf = buf;
        this.end = length;
    }

    long unsignedLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new IllegalArgumentException("data ends inside a number");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("number longer than 64 bits");
    }

    int unsigned() {
        long value = unsignedLong();
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + value + " is implausible");
        }
        return (int) value;
    }

    long signed() {
        long raw = unsignedLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    byte[] bytes(int n) {
        if (pos + n > end) {
            throw new IllegalArgumentException("data ends inside a byte run");
        }
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    boolean atEnd() {
        return pos == end;
    }
}
