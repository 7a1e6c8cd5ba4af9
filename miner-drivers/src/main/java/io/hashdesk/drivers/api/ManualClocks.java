package io.hashdesk.drivers.api;

/**
 * Manual clocks instead of a preset: a chip frequency and/or a chain voltage for every board. A part left
 * {@code null} keeps the miner's current value.
 *
 * @param frequencyMhz chip clock, MHz
 * @param voltageVolts chain voltage, volts (Vnish takes it in 10 mV steps; the driver rounds to the nearest step)
 */
public record ManualClocks(Integer frequencyMhz, Double voltageVolts) {

    public ManualClocks {
        if (frequencyMhz == null && voltageVolts == null) {
            throw new IllegalArgumentException("manual clocks need a frequency, a voltage or both");
        }
        if (frequencyMhz != null && frequencyMhz <= 0) {
            throw new IllegalArgumentException("frequency must be positive, got " + frequencyMhz + " MHz");
        }
        if (voltageVolts != null && (!Double.isFinite(voltageVolts) || voltageVolts <= 0)) {
            throw new IllegalArgumentException("voltage must be a positive number, got " + voltageVolts + " V");
        }
    }
}
