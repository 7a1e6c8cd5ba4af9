package io.hashdesk.ml.optimiser;

import java.util.ArrayList;
import java.util.List;

/**
 * A miner in closed form for fast tests: power ∝ V²·f plus fixed load, errors growing exponentially as voltage
 * falls short of what the frequency needs (shifted by a silicon offset), chips heating with power. Not the
 * simulator: the simulator judges the optimiser; this only exercises the curve's mechanics.
 */
final class SyntheticUnit {

    private SyntheticUnit() {
    }

    static double errorFraction(Setting s, double offsetVolts) {
        double needed = 13.45 + 0.0042 * (s.freqMhz() - 675) + offsetVolts;
        return Math.min(1, 1e-5 + 0.002 * Math.exp((needed - s.volts()) / 0.07));
    }

    static Probe probe(Setting s, double offsetVolts) {
        double error = errorFraction(s, offsetVolts);
        double power = 0.0265 * s.volts() * s.volts() * s.freqMhz() + 150;
        return new Probe(s, 0.1407 * s.freqMhz() * (1 - error), power, 25 + power * 0.015, error);
    }

    /** {@code count} probes on a fixed spread of settings across the envelope. */
    static List<Probe> probes(double offsetVolts, int count) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double f = 340 + (i * 0.618034 % 1) * 510;
            double v = 12.0 + (i * 0.414214 % 1) * 3.0;
            probes.add(probe(new Setting(Math.rint(f), Math.rint(v * 100) / 100), offsetVolts));
        }
        return probes;
    }
}
