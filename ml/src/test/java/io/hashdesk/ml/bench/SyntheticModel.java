package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.SafeLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic physics of one catalog miner model, scaled from the catalog's rated figures and safe limits: the
 * same shapes the Vnish simulator uses (hashrate ∝ frequency, board power ≈ dynamic V²·f plus leakage, an error
 * rate growing exponentially as voltage falls short of what the silicon needs), in closed form so that a thousand
 * units can be stepped for 90 days in seconds.
 *
 * @param stockFreqMhz       the factory clock; the catalog puts each model's frequency floor at about half of it
 * @param stableVoltsAtStock chain voltage an average unit needs to hash cleanly at the stock clock
 * @param stockVolts         the factory voltage, a margin above that
 * @param boardsDcAtStock    DC power of all boards at the stock setting, what rated wall power leaves after the
 *                           PSU's loss, the fans at stock duty and the control board
 * @param settings           the handful of clocks operators of this model run, inside its safe limits, the stock
 *                           setting first
 */
record SyntheticModel(MinerModel model, double stockFreqMhz, double stableVoltsAtStock, double stockVolts,
                      double boardsDcAtStock, List<Clocks> settings) {

    static final double PSU_EFFICIENCY = 0.93;
    static final double CONTROL_BOARD_WATTS = 25;
    static final double FAN_MAX_WATTS = 30;
    static final double STOCK_FAN_DUTY_PERCENT = 80;
    /** Share of stock board power that is leakage (∝ V) rather than switching (∝ V²·f). */
    private static final double LEAKAGE_SHARE = 0.12;
    /** Where between the voltage limits an average chip hashes cleanly at the stock clock (13.05 V on 12–15 V). */
    private static final double STABLE_VOLTS_POSITION = 0.35;
    /** Extra volts a chip needs per unit of frequency relative to stock (0.0045 V/MHz at 600 MHz). */
    private static final double STABLE_VOLTS_PER_RELATIVE_FREQ = 2.7;
    private static final double STOCK_MARGIN_VOLTS = 0.35;
    /**
     * Relative clock and voltage margin of each setting operators run: stock first, then a tighter stock, underclocks
     * and overclocks. Margins are those of the firmware's presets (0.25 V and more), so errors stay near their floor.
     */
    private static final double[][] SETTINGS = {{1.00, 0.35}, {1.00, 0.25}, {0.80, 0.25}, {0.90, 0.25}, {1.05, 0.30},
        {1.10, 0.30}};
    private static final double ERROR_BASE_FRACTION = 0.000002;
    private static final double ERROR_AT_STABLE_VOLTS = 0.002;
    private static final double ERROR_VOLTS_SCALE = 0.07;
    private static final double VOLT_STEP = 0.01;

    /** One setting of frequency and chain voltage. */
    record Clocks(double freqMhz, double volts) {
    }

    static SyntheticModel of(MinerModel model) {
        SafeLimits limits = model.safeLimits();
        double stock = 2 * limits.frequencyMinMhz();
        double stable = limits.voltageMinVolts()
                + STABLE_VOLTS_POSITION * (limits.voltageMaxVolts() - limits.voltageMinVolts());
        double boardsDc = model.ratedPowerWatts() * PSU_EFFICIENCY - CONTROL_BOARD_WATTS
                - fanWatts(STOCK_FAN_DUTY_PERCENT, model.fans());
        List<Clocks> settings = new ArrayList<>();
        for (double[] s : SETTINGS) {
            double freq = Math.min(Math.rint(stock * s[0]), limits.frequencyMaxMhz());
            double volts = Math.clamp(stableVolts(stable, stock, freq, 0) + s[1], limits.voltageMinVolts(),
                    limits.voltageMaxVolts());
            settings.add(new Clocks(freq, Math.rint(volts / VOLT_STEP) * VOLT_STEP));
        }
        return new SyntheticModel(model, stock, stable, stable + STOCK_MARGIN_VOLTS, boardsDc, List.copyOf(settings));
    }

    static double fanWatts(double dutyPercent, int runningFans) {
        double duty = dutyPercent / 100;
        return runningFans * FAN_MAX_WATTS * duty * duty * duty;
    }

    /** DC power of one board with this share of its chips working, at a unit's power factor. */
    double boardDcWatts(Clocks clocks, double workingShare, double powerFactor) {
        double v = clocks.volts() / stockVolts;
        double f = clocks.freqMhz() / stockFreqMhz;
        double perBoard = boardsDcAtStock / model.hashboards();
        return perBoard * powerFactor * workingShare * ((1 - LEAKAGE_SHARE) * v * v * f + LEAKAGE_SHARE * v);
    }

    /** Hashrate one board's working chips would make with no errors, at a unit's hashrate factor. */
    double boardIdealThs(Clocks clocks, double workingShare, double hashFactor) {
        return model.ratedHashrateThs() / model.hashboards() * clocks.freqMhz() / stockFreqMhz * workingShare
                * hashFactor;
    }

    /** Share of work lost to hardware errors for silicon that needs {@code offsetVolts} more than average. */
    double errorFraction(Clocks clocks, double offsetVolts) {
        double shortfall = stableVolts(stableVoltsAtStock, stockFreqMhz, clocks.freqMhz(), offsetVolts)
                - clocks.volts();
        return Math.min(1, ERROR_BASE_FRACTION + ERROR_AT_STABLE_VOLTS * Math.exp(shortfall / ERROR_VOLTS_SCALE));
    }

    private static double stableVolts(double atStock, double stock, double freqMhz, double offsetVolts) {
        return atStock + STABLE_VOLTS_PER_RELATIVE_FREQ * (freqMhz / stock - 1) + offsetVolts;
    }
}
