package io.hashdesk.drivers.serial.sim;

import io.hashdesk.core.settings.JsonSettings;

/**
 * How the demo farm's room sensors behave, from {@code demo-room-sensors.json} beside this class.
 *
 * @param overheadFraction  what a room's meter measures beyond its miners' wall power (lights, fans, PSU losses
 *                          upstream), as a share of it
 * @param exhaustRiseCPerKw exhaust air is this much warmer than intake per kW the room draws
 * @param maxExhaustRiseC   the rise never exceeds this (the room's fans speed up)
 * @param noiseC            spread of a temperature sensor's reading around the true air temperature
 * @param humidityPercent   the rooms' relative humidity
 * @param voltageVolts      phase voltage at the meters
 * @param startEnergyKwh    what the meters' import counters show when the demo starts
 */
public record DemoSensorSettings(double overheadFraction, double exhaustRiseCPerKw, double maxExhaustRiseC,
                                 double noiseC, double humidityPercent, double voltageVolts, double startEnergyKwh) {

    public static DemoSensorSettings bundled() {
        return JsonSettings.defaults(DemoSensorSettings.class, "demo-room-sensors.json");
    }
}
