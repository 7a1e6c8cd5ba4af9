package io.hashdesk.drivers.sim;

/**
 * A ring of timestamped items that keeps at most {@code capacity} and then drops the oldest. Its arrays start
 * empty and grow on demand, so a unit that never logs anything costs two empty arrays. Not thread-safe; the owner
 * synchronizes.
 */
final class TimedRing<T> {

    private static final int FIRST_GROWTH = 8;
    // Zero-length arrays cannot change, so every empty ring shares them.
    private static final long[] NO_TIMES = {};
    private static final Object[] NO_ITEMS = {};

    private final int capacity;
    private long[] times = NO_TIMES;
    private Object[] items = NO_ITEMS;
    /** Index of the oldest item; stays 0 until the ring is full. */
    private int start;
    private int size;

    TimedRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    void add(long epochSecond, T item) {
        if (size < capacity) {
            if (size == items.length) {
                int length = Math.min(capacity, Math.max(FIRST_GROWTH, items.length * 2));
                times = java.util.Arrays.copyOf(times, length);
                items = java.util.Arrays.copyOf(items, length);
            }
            times[size] = epochSecond;
            items[size] = item;
            size++;
            return;
        }
        times[start] = epochSecond;
        items[start] = item;
        start = (start + 1) % capacity;
    }

    int size() {
        return size;
    }

    /** Epoch second of the {@code i}-th item, oldest first. */
    long time(int i) {
        return times[(start + i) % items.length];
    }

    /** The {@code i}-th item, oldest first. */
    @SuppressWarnings("unchecked")
    T item(int i) {
        return (T) items[(start + i) % items.length];
    }

    void clear() {
        times = NO_TIMES;
        items = NO_ITEMS;
        start = 0;
        size = 0;
    }
}
