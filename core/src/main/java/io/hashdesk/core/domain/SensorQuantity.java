package io.hashdesk.core.domain;

/** What a room sensor or power meter can report, each in one fixed unit. */
public enum SensorQuantity {
    TEMPERATURE_C("temperatureC", "°C"),
    HUMIDITY_PERCENT("humidityPercent", "%RH"),
    VOLTAGE_VOLTS("voltageVolts", "V"),
    CURRENT_AMPS("currentAmps", "A"),
    POWER_WATTS("powerWatts", "W"),
    ENERGY_KWH("energyKwh", "kWh");

    private final String fieldName;
    private final String unit;

    SensorQuantity(String fieldName, String unit) {
        this.fieldName = fieldName;
        this.unit = unit;
    }

    /** The name device profiles and settings files use, with its unit in it ({@code temperatureC}). */
    public String fieldName() {
        return fieldName;
    }

    public String unit() {
        return unit;
    }

    /** The quantity a profile or file names, or an error listing the names there are. */
    public static SensorQuantity ofFieldName(String name) {
        for (SensorQuantity q : values()) {
            if (q.fieldName.equals(name)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quantity '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(SensorQuantity::fieldName).toList());
    }
}
