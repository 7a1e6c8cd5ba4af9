package io.hashdesk.drivers.api;

/**
 * The clock and chain-voltage bounds the firmware itself enforces (Vnish {@code /model} → {@code overclock}). These
 * are the firmware's limits, wider than Hashdesk's own safe limits in the model catalog.
 *
 * @param voltageMaxStockPsuVolts highest voltage without the modded-PSU flag; {@code null} when not reported
 * @param frequencyWarnMhz        above this the firmware's UI warns; {@code null} when not reported
 */
public record ClockLimits(int frequencyMinMhz, int frequencyMaxMhz, Integer frequencyDefaultMhz,
                          Integer frequencyWarnMhz, double voltageMinVolts, double voltageMaxVolts,
                          Double voltageDefaultVolts, Double voltageMaxStockPsuVolts) {

    public ClockLimits {
        if (frequencyMinMhz > frequencyMaxMhz) {
            throw new IllegalArgumentException("frequency range is empty: " + frequencyMinMhz + "–"
                    + frequencyMaxMhz);
        }
        if (voltageMinVolts > voltageMaxVolts) {
            throw new IllegalArgumentException("voltage range is empty: " + voltageMinVolts + "–" + voltageMaxVolts);
        }
    }
}
