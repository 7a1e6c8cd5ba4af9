package io.hashdesk.core.sensor;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How often and how patiently room sensors are read. Defaults live in {@code sensor-defaults.json} beside this class;
 * an operator's file overrides any subset of them.
 *
 * @param interval        each sensor is read this often
 * @param responseTimeout a device that has not answered one request within this long has timed out (a Modbus
 *                        device answers in tens of milliseconds at 9600 baud)
 * @param readDeadline    the poller abandons a whole read (several requests, plus waiting for the bus) after this
 *                        long and records a timeout, whatever the driver does
 */
public record SensorSettings(Duration interval, Duration responseTimeout, Duration readDeadline) {

    private static final String DEFAULTS = "sensor-defaults.json";

    public SensorSettings {
        requirePositive(interval, "interval");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(readDeadline, "readDeadline");
        if (readDeadline.compareTo(responseTimeout) < 0) {
            throw new IllegalArgumentException("readDeadline (" + readDeadline + ") must not be shorter than"
                    + " responseTimeout (" + responseTimeout + ")");
        }
    }

    public static SensorSettings defaults() {
        return JsonSettings.defaults(SensorSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in an operator's JSON file replacing them; a missing file means none. */
    public static SensorSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(SensorSettings.class, DEFAULTS, overridesFile);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
