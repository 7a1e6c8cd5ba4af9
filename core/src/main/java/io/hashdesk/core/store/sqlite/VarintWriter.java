package io.hashdesk.core.store.sqlite;

import java.util.Arrays;

/** Growable byte buffer writing LEB128 varints. */
final class VarintWriter {
    private byte[] buf;
    private int size;

    VarintWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    void unsigned(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buf[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[size++] = (byte) value;
    }

    void signed(long value) {
        unsigned((value << 1) ^ (value >> 63));
    }

    void bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
