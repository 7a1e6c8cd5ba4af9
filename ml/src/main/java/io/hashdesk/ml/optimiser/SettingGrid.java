package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.SafeLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings the optimiser may propose: the intersection of the model's safe limits and the firmware's envelope,
 * on the firmware's lattice (frequency every {@code candidateFreqStepMhz}, voltage at every firmware step). Also the
 * box the Gaussian processes normalise their inputs to.
 */
final class SettingGrid {

    /** Tolerance for lattice rounding, far below any firmware step. */
    private static final double LATTICE_EPSILON = 1e-9;
    /** Lattice values are rounded to millionths so that 0.01 V steps read 12.34, not 12.340000000000002. */
    private static final double MILLIONTHS = 1e6;

    private final InputBox box;
    private final List<Setting> candidates;

    private SettingGrid(InputBox box, List<Setting> candidates) {
        this.box = box;
        this.candidates = List.copyOf(candidates);
    }

    static SettingGrid of(SafeLimits limits, FirmwareEnvelope firmware, OptimiserOptions options) {
        double freqLow = Math.max(limits.frequencyMinMhz(), firmware.minFreqMhz());
        double freqHigh = Math.min(limits.frequencyMaxMhz(), firmware.maxFreqMhz());
        double voltsLow = Math.max(limits.voltageMinVolts(), firmware.minVolts());
        double voltsHigh = Math.min(limits.voltageMaxVolts(), firmware.maxVolts());
        List<Double> freqs = lattice(freqLow, freqHigh, options.candidateFreqStepMhz(), firmware.freqStepMhz());
        List<Double> volts = lattice(voltsLow, voltsHigh, options.candidateVoltsStep(), firmware.voltsStep());
        if (freqs.isEmpty() || volts.isEmpty()) {
            throw new IllegalArgumentException("no setting is both within the safe limits (" + limits.frequencyMinMhz()
                    + ".." + limits.frequencyMaxMhz() + " MHz, " + limits.voltageMinVolts() + ".."
                    + limits.voltageMaxVolts() + " V) and accepted by the firmware (" + firmware.minFreqMhz() + ".."
                    + firmware.maxFreqMhz() + " MHz, " + firmware.minVolts() + ".." + firmware.maxVolts() + " V)");
        }
        List<Setting> candidates = new ArrayList<>(freqs.size() * volts.size());
        for (double f : freqs) {
            for (double v : volts) {
                candidates.add(new Setting(f, v));
            }
        }
        return new SettingGrid(new InputBox(freqs.getFirst(), freqs.getLast(), volts.getFirst(), volts.getLast()),
                candidates);
    }

    /**
     * Multiples of {@code unit} every {@code step} (rounded up to whole units) from the first one at or above
     * {@code low} up to {@code high}; the top of the range is always included so the envelope's edge is a candidate.
     */
    private static List<Double> lattice(double low, double high, double step, double unit) {
        List<Double> values = new ArrayList<>();
        long first = (long) Math.ceil(low / unit - LATTICE_EPSILON);
        long stride = Math.max(1, (long) Math.ceil(step / unit - LATTICE_EPSILON));
        long last = (long) Math.floor(high / unit + LATTICE_EPSILON);
        for (long k = first; k <= last; k += stride) {
            values.add(Math.round(k * unit * MILLIONTHS) / MILLIONTHS);
        }
        if (last >= first && (last - first) % stride != 0) {
            values.add(Math.round(last * unit * MILLIONTHS) / MILLIONTHS);
        }
        return values;
    }

    InputBox box() {
        return box;
    }

    List<Setting> candidates() {
        return candidates;
    }
}
