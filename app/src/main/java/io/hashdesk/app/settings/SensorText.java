package io.hashdesk.app.settings;

import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the Sensors tab words a sensor's last read: its status, its values with units, and its age. */
final class SensorText {

    private static final double WATTS_PER_KW = 1000;
    /** Air first, then what a technician looks for on a meter: its power, its counter, then the electrical detail. */
    private static final List<SensorQuantity> ORDER = List.of(SensorQuantity.TEMPERATURE_C,
            SensorQuantity.HUMIDITY_PERCENT, SensorQuantity.POWER_WATTS, SensorQuantity.ENERGY_KWH,
            SensorQuantity.CURRENT_AMPS, SensorQuantity.VOLTAGE_VOLTS);

    private SensorText() {
    }

    /** {@code ok}, {@code timeout}, {@code Modbus exception code 2}…; {@code not read yet} before the first read. */
    static String status(SensorReading reading) {
        if (reading == null) {
            return "not read yet";
        }
        if (reading.status() == SensorStatus.DEVICE_EXCEPTION) {
            int cut = reading.detail().indexOf(" (");
            return cut > 0 ? reading.detail().substring(0, cut) : reading.status().label();
        }
        return reading.status().label();
    }

    /** The read's values, e.g. {@code 23.4 °C · 38 %RH} or {@code 98.20 kW · 182345 kWh · 142.3 A · 231 V}. */
    static String values(Map<SensorQuantity, Double> values) {
        List<String> parts = new ArrayList<>();
        for (SensorQuantity quantity : ORDER) {
            Double value = values.get(quantity);
            if (value != null) {
                parts.add(value(quantity, value));
            }
        }
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    static String value(SensorQuantity quantity, double value) {
        return switch (quantity) {
            case TEMPERATURE_C -> String.format(Locale.ROOT, "%.1f °C", value);
            case HUMIDITY_PERCENT -> String.format(Locale.ROOT, "%.0f %%RH", value);
            case VOLTAGE_VOLTS -> String.format(Locale.ROOT, "%.0f V", value);
            case CURRENT_AMPS -> String.format(Locale.ROOT, "%.1f A", value);
            case POWER_WATTS -> Math.abs(value) >= WATTS_PER_KW
                    ? String.format(Locale.ROOT, "%.2f kW", value / WATTS_PER_KW)
                    : String.format(Locale.ROOT, "%.0f W", value);
            case ENERGY_KWH -> String.format(Locale.ROOT, "%.0f kWh", value);
        };
    }

    /** {@code 4 s ago}, {@code 3 min ago}, {@code 2 h ago}; {@code —} when never read. */
    static String age(Instant takenAt, Instant now) {
        if (takenAt == null) {
            return "—";
        }
        Duration age = Duration.between(takenAt, now);
        if (age.isNegative() || age.toSeconds() < 60) {
            return Math.max(0, age.toSeconds()) + " s ago";
        }
        return age.toMinutes() < 60 ? age.toMinutes() + " min ago" : age.toHours() + " h ago";
    }
}
