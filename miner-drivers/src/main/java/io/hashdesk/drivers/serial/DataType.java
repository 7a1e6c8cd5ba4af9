package io.hashdesk.drivers.serial;

/** How a measurement is encoded in registers. */
public enum DataType {
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    public int registers() {
        return registers;
    }

    /** The raw number in {@code registers[at..]} (each register an unsigned 16-bit value). */
    double decode(int[] registers, int at, WordOrder order) {
        if (this.registers == 1) {
            int word = registers[at];
            return this == INT16 ? (short) word : word;
        }
        int high = order == WordOrder.HIGH_FIRST ? registers[at] : registers[at + 1];
        int low = order == WordOrder.HIGH_FIRST ? registers[at + 1] : registers[at];
        int bits = high << 16 | low;
        return switch (this) {
            case INT32 -> bits;
            case UINT32 -> Integer.toUnsignedLong(bits);
            case FLOAT32 -> Float.intBitsToFloat(bits);
            default -> throw new IllegalStateException(this + " is one register");
        };
    }

    /** The registers that encode {@code raw}; the inverse of {@link #decode}, for the simulated devices. */
    int[] encode(double raw, WordOrder order) {
        if (this.registers == 1) {
            return new int[] {(int) Math.round(raw) & 0xFFFF};
        }
        int bits = this == FLOAT32 ? Float.floatToIntBits((float) raw) : (int) Math.round(raw);
        int high = bits >>> 16;
        int low = bits & 0xFFFF;
        return order == WordOrder.HIGH_FIRST ? new int[] {high, low} : new int[] {low, high};
    }
}
