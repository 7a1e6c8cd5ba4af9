package io.hashdesk.drivers.api;

/**
 * The fan and target-temperature bounds the firmware enforces (Vnish {@code /model} → {@code cooling}).
 *
 * @param fanMinPercent  lowest manual fan duty the firmware accepts
 * @param fanMinCountMin lowest "minimum working fans" setting; {@code null} when not reported (also the max/default)
 */
public record CoolingLimits(int fanMinPercent, int targetTempMinC, int targetTempMaxC, Integer fanMinCountMin,
                            Integer fanMinCountMax, Integer fanMinCountDefault) {
}
