package io.hashdesk.drivers.sim;

import java.util.Arrays;

/**
 * Metric samples at a fixed period, one per slot ({@code epochSecond / period}), the newest {@code capacity}
 * slots kept. A slot the unit did not record (it was rebooting) is kept as a gap. Stored as small primitives — 11
 * bytes a slot — in arrays that grow on demand. Not thread-safe; the owner synchronizes.
 */
final class SampleRing {

    private static final int FIRST_GROWTH = 16;
    private static final float GAP = Float.NaN;
    // Zero-length arrays cannot change, so every ring starts on the same ones: ten thousand units, no garbage.
    private static final float[] NO_FLOATS = {};
    private static final char[] NO_CHARS = {};
    private static final short[] NO_SHORTS = {};
    private static final byte[] NO_BYTES = {};

    private final int periodSeconds;
    private final int capacity;
    private float[] hashrate = NO_FLOATS;
    private char[] powerWatts = NO_CHARS;
    private short[] chipTempC = NO_SHORTS;
    private short[] pcbTempC = NO_SHORTS;
    private byte[] fanDutyPercent = NO_BYTES;
    private int start;
    private int size;
    private long newestSlot = Long.MIN_VALUE;

    /** What a sample visitor is told: the slot's start and its averages. */
    interface Visitor {
        void sample(long startEpochSecond, double hashrate, int powerWatts, int chipTempC, int pcbTempC,
                    int fanDutyPercent);
    }

    SampleRing(int periodSeconds, int capacity) {
        this.periodSeconds = periodSeconds;
        this.capacity = capacity;
    }

    int periodSeconds() {
        return periodSeconds;
    }

    /** Start of the oldest slot held (gap or not), or {@link Long#MAX_VALUE} when empty. */
    long oldestStart() {
        return size == 0 ? Long.MAX_VALUE : (newestSlot - size + 1) * periodSeconds;
    }

    /** Stores slot {@code slot}; slots skipped since the last one become gaps. Older slots are ignored. */
    void put(long slot, double hr, double watts, double chipC, double pcbC, double dutyPercent) {
        if (size > 0 && slot <= newestSlot) {
            return;
        }
        if (size > 0 && slot - newestSlot > capacity) {
            start = 0;
            size = 0;
        }
        for (long gap = size == 0 ? slot : newestSlot + 1; gap < slot; gap++) {
            append(GAP, 0, 0, 0, 0);
        }
        append((float) hr, (int) Math.round(watts), (int) Math.round(chipC), (int) Math.round(pcbC),
                (int) Math.round(dutyPercent));
        newestSlot = slot;
    }

    private void append(float hr, int watts, int chip, int pcb, int duty) {
        int at;
        if (size < capacity) {
            if (size == hashrate.length) {
                grow(Math.min(capacity, Math.max(FIRST_GROWTH, hashrate.length * 2)));
            }
            at = size++;
        } else {
            at = start;
            start = (start + 1) % capacity;
        }
        hashrate[at] = hr;
        powerWatts[at] = (char) Math.clamp(watts, 0, Character.MAX_VALUE);
        chipTempC[at] = (short) chip;
        pcbTempC[at] = (short) pcb;
        fanDutyPercent[at] = (byte) Math.clamp(duty, 0, Byte.MAX_VALUE);
    }

    private void grow(int length) {
        hashrate = Arrays.copyOf(hashrate, length);
        powerWatts = Arrays.copyOf(powerWatts, length);
        chipTempC = Arrays.copyOf(chipTempC, length);
        pcbTempC = Arrays.copyOf(pcbTempC, length);
        fanDutyPercent = Arrays.copyOf(fanDutyPercent, length);
    }

    /** Visits every recorded slot (gaps skipped), oldest first. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < size; i++) {
            int at = (start + i) % hashrate.length;
            if (Float.isNaN(hashrate[at])) {
                continue;
            }
            long slot = newestSlot - size + 1 + i;
            visitor.sample(slot * periodSeconds, hashrate[at], powerWatts[at], chipTempC[at], pcbTempC[at],
                    fanDutyPercent[at]);
        }
    }
}
