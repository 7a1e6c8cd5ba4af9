package io.hashdesk.ml.optimiser;

/**
 * The frequency × voltage box inputs are normalised to, so that length scales mean the same for every model. A box
 * with no width along an axis (a single candidate frequency) maps that axis to 0 instead of dividing by zero.
 */
public record InputBox(double freqLowMhz, double freqHighMhz, double voltsLow, double voltsHigh) {

    public InputBox {
        if (!(freqLowMhz <= freqHighMhz && voltsLow <= voltsHigh)) {
            throw new IllegalArgumentException("input box is empty: " + freqLowMhz + ".." + freqHighMhz + " MHz, "
                    + voltsLow + ".." + voltsHigh + " V");
        }
    }

    double[] normalise(Setting setting) {
        return new double[] {unit(setting.freqMhz(), freqLowMhz, freqHighMhz),
            unit(setting.volts(), voltsLow, voltsHigh)};
    }

    private static double unit(double value, double low, double high) {
        double span = high - low;
        return span > 0 ? (value - low) / span : 0;
    }
}
