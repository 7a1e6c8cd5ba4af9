package io.hashdesk.ml.optimiser;

/**
 * The clocks a unit's firmware accepts: ranges and the steps it sets them in. The optimiser proposes only settings
 * inside both this and the model's safe limits, on this lattice. For Vnish these come from {@code /model}'s
 * {@code overclock} block (frequency in 1 MHz steps, voltage in 10 mV steps up to {@code max_voltage_stock_psu}).
 */
public record FirmwareEnvelope(double minFreqMhz, double maxFreqMhz, double freqStepMhz, double minVolts,
                               double maxVolts, double voltsStep) {

    private static final double VNISH_FREQ_STEP_MHZ = 1;
    private static final double VNISH_VOLTS_PER_STEP = 0.01;

    public FirmwareEnvelope {
        if (!(minFreqMhz > 0 && minFreqMhz <= maxFreqMhz && freqStepMhz > 0 && Double.isFinite(maxFreqMhz))) {
            throw new IllegalArgumentException("firmware envelope needs 0 < minFreqMhz ≤ maxFreqMhz and"
                    + " freqStepMhz > 0, got " + minFreqMhz + ".." + maxFreqMhz + " step " + freqStepMhz);
        }
        if (!(minVolts > 0 && minVolts <= maxVolts && voltsStep > 0 && Double.isFinite(maxVolts))) {
            throw new IllegalArgumentException("firmware envelope needs 0 < minVolts ≤ maxVolts and voltsStep > 0,"
                    + " got " + minVolts + ".." + maxVolts + " step " + voltsStep);
        }
    }

    /** A Vnish unit's envelope from {@code /model}: voltages in the firmware's 10 mV units (1380 = 13.80 V). */
    public static FirmwareEnvelope vnish(int minFreqMhz, int maxFreqMhz, int minVoltage10mV, int maxVoltage10mV) {
        return new FirmwareEnvelope(minFreqMhz, maxFreqMhz, VNISH_FREQ_STEP_MHZ, minVoltage10mV * VNISH_VOLTS_PER_STEP,
                maxVoltage10mV * VNISH_VOLTS_PER_STEP, VNISH_VOLTS_PER_STEP);
    }
}
