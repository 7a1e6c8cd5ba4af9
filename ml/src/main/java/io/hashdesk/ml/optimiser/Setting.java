package io.hashdesk.ml.optimiser;

/**
 * A manual clock setting: chip frequency and chain (hash-board) voltage, the two inputs of the efficiency curve. A
 * unit running a preset is recorded by the clocks the preset runs (the firmware reports them per board), so preset
 * and manual probes share one map.
 *
 * @param freqMhz chip frequency, MHz
 * @param volts   chain voltage, volts (the Vnish firmware takes it in 10 mV steps)
 */
public record Setting(double freqMhz, double volts) {

    public Setting {
        if (!(freqMhz > 0) || Double.isInfinite(freqMhz)) {
            throw new IllegalArgumentException("setting freqMhz must be a positive number, got " + freqMhz);
        }
        if (!(volts > 0) || Double.isInfinite(volts)) {
            throw new IllegalArgumentException("setting volts must be a positive number, got " + volts);
        }
    }
}
