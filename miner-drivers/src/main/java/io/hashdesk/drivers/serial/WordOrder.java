package io.hashdesk.drivers.serial;

/**
 * How a 32-bit value is split over two 16-bit registers. Eastron meters and most others send the high word first
 * (ABCD); some PLC-style devices send the low word first (CDAB). Within a register, Modbus is always big-endian.
 */
public enum WordOrder {
    HIGH_FIRST,
    LOW_FIRST
}
