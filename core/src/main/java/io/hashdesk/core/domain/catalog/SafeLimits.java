package io.hashdesk.core.domain.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope Hashdesk keeps a miner model inside: settings it may push (frequency, chain voltage, power, fan) and
 * temperatures it treats as too hot. The action executor checks every proposed setting with {@link #violationsOf}
 * and refuses anything outside; the optimiser uses the temperatures as hard constraints.
 *
 * @param frequencyMinMhz lowest chip clock Hashdesk will set, MHz
 * @param frequencyMaxMhz highest chip clock Hashdesk will set, MHz
 * @param voltageMinVolts lowest hash-board (chain) voltage Hashdesk will set, volts
 * @param voltageMaxVolts highest hash-board (chain) voltage Hashdesk will set, volts
 * @param powerMaxWatts   highest wall-power target (e.g. a Vnish preset) Hashdesk will choose, watts
 * @param fanMinPercent   lowest fixed fan duty Hashdesk will set, percent
 * @param fanMaxPercent   highest fixed fan duty, percent
 * @param chipTempMaxC    hottest chip temperature considered safe in operation, °C
 * @param boardTempMaxC   hottest hash-board (PCB) temperature considered safe in operation, °C
 */
public record SafeLimits(double frequencyMinMhz, double frequencyMaxMhz, double voltageMinVolts,
                         double voltageMaxVolts, double powerMaxWatts, int fanMinPercent, int fanMaxPercent,
                         double chipTempMaxC, double boardTempMaxC) {

    private static final int PERCENT_MAX = 100;

    public SafeLimits {
        requireRange("frequency", frequencyMinMhz, frequencyMaxMhz, "frequencyMinMhz", "frequencyMaxMhz");
        requireRange("voltage", voltageMinVolts, voltageMaxVolts, "voltageMinVolts", "voltageMaxVolts");
        requirePositive("powerMaxWatts", powerMaxWatts);
        requirePositive("chipTempMaxC", chipTempMaxC);
        requirePositive("boardTempMaxC", boardTempMaxC);
        if (fanMinPercent < 0 || fanMaxPercent > PERCENT_MAX || fanMinPercent > fanMaxPercent) {
            throw new IllegalArgumentException("fan limits must satisfy 0 ≤ fanMinPercent ≤ fanMaxPercent ≤ "
                    + PERCENT_MAX + ", got fanMinPercent " + fanMinPercent + " and fanMaxPercent " + fanMaxPercent);
        }
    }

    /**
     * What is wrong with a proposed setting, one operator-readable sentence per broken limit; empty when it is safe.
     * A {@code null} argument means "not being changed" and is not checked.
     */
    public List<String> violationsOf(Double frequencyMhz, Double voltageVolts, Double powerWatts,
                                     Integer fanPercent) {
        List<String> problems = new ArrayList<>();
        checkRange(problems, "frequency", "MHz", frequencyMhz, frequencyMinMhz, "frequencyMinMhz",
                frequencyMaxMhz, "frequencyMaxMhz");
        checkRange(problems, "voltage", "V", voltageVolts, voltageMinVolts, "voltageMinVolts",
                voltageMaxVolts, "voltageMaxVolts");
        if (powerWatts != null && Double.isFinite(powerWatts) && powerWatts <= 0) {
            problems.add("power " + plain(powerWatts) + " W is not a positive power target");
        } else {
            checkMax(problems, "power", "W", powerWatts, powerMaxWatts, "powerMaxWatts");
        }
        checkRange(problems, "fan", "%", fanPercent == null ? null : fanPercent.doubleValue(),
                fanMinPercent, "fanMinPercent", fanMaxPercent, "fanMaxPercent");
        return List.copyOf(problems);
    }

    /** True when {@link #violationsOf} finds nothing. */
    public boolean permits(Double frequencyMhz, Double voltageVolts, Double powerWatts, Integer fanPercent) {
        return violationsOf(frequencyMhz, voltageVolts, powerWatts, fanPercent).isEmpty();
    }

    /** Which measured temperatures are above this model's safe maximum; {@code null} means "not measured". */
    public List<String> thermalViolationsOf(Double chipTempC, Double boardTempC) {
        List<String> problems = new ArrayList<>();
        checkMax(problems, "chip temperature", "°C", chipTempC, chipTempMaxC, "chipTempMaxC");
        checkMax(problems, "board temperature", "°C", boardTempC, boardTempMaxC, "boardTempMaxC");
        return List.copyOf(problems);
    }

    private static void checkRange(List<String> problems, String what, String unit, Double value, double min,
                                   String minName, double max, String maxName) {
        if (value != null && Double.isFinite(value) && value < min) {
            problems.add(what + " " + plain(value) + " " + unit + " is below the model's minimum of " + plain(min)
                    + " " + unit + " (" + minName + ")");
            return;
        }
        checkMax(problems, what, unit, value, max, maxName);
    }

    private static void checkMax(List<String> problems, String what, String unit, Double value, double max,
                                 String maxName) {
        if (value == null) {
            return;
        }
        if (!Double.isFinite(value)) {
            problems.add(what + " " + value + " " + unit + " is not a finite number");
        } else if (value > max) {
            problems.add(what + " " + plain(value) + " " + unit + " is above the model's maximum of " + plain(max)
                    + " " + unit + " (" + maxName + ")");
        }
    }

    private static void requireRange(String what, double min, double max, String minName, String maxName) {
        requirePositive(minName, min);
        requirePositive(maxName, max);
        if (min > max) {
            throw new IllegalArgumentException(what + " range is empty: " + minName + " (" + plain(min)
                    + ") is above " + maxName + " (" + plain(max) + ")");
        }
    }

    private static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    /** 15.0 → "15", 13.85 → "13.85": figures as an operator would write them. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
