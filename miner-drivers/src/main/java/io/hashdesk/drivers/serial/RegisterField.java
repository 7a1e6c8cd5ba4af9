package io.hashdesk.drivers.serial;

import io.hashdesk.core.domain.SensorQuantity;
import java.util.Objects;

/**
 * One measurement in a device's register map: where it is, how it is encoded, how to scale it to its unit, and the
 * range a working device can report (a value outside it means a broken probe or a wrong profile, not a reading).
 *
 * @param address   0-based register address, as in the device's manual "register 30001" is address 0
 * @param scale     the register's number times this is the value in the quantity's unit (0.1 for °C×10)
 * @param wordOrder for two-register types; ignored for one-register types
 */
public record RegisterField(SensorQuantity quantity, RegisterTable table, int address, DataType type,
                            WordOrder wordOrder, double scale, double min, double max) {

    static final int MAX_ADDRESS = 0xFFFF;

    public RegisterField {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(table, "table (input or holding)");
        Objects.requireNonNull(type, "type");
        wordOrder = wordOrder == null ? WordOrder.HIGH_FIRST : wordOrder;
        if (address < 0 || address + type.registers() - 1 > MAX_ADDRESS) {
            throw new IllegalArgumentException("address must be 0–" + (MAX_ADDRESS - type.registers() + 1) + ", got "
                    + address);
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a non-zero number, got " + scale);
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("min must be below max, got " + min + " and " + max);
        }
    }

    /** The value in the quantity's unit, from a block of registers starting at {@code blockStart}. */
    public double decode(int[] block, int blockStart) {
        return type.decode(block, address - blockStart, wordOrder) * scale;
    }

    /** The registers a device holds for {@code value}: what a simulated device serves. */
    public int[] encode(double value) {
        return type.encode(value / scale, wordOrder);
    }

    public boolean inRange(double value) {
        return value >= min && value <= max;
    }

    int lastAddress() {
        return address + type.registers() - 1;
    }
}
