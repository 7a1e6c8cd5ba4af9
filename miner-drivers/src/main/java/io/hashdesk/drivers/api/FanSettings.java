package io.hashdesk.drivers.api;

import java.util.Objects;

/**
 * A fan configuration to apply.
 *
 * @param minDutyPercent lowest duty the firmware may drive the fans at in auto mode; {@code null} keeps the current one
 * @param minFanCount    fewest working fans before the firmware refuses to mine; {@code null} keeps the current one
 */
public record FanSettings(FanMode mode, Integer minDutyPercent, Integer minFanCount) {

    public FanSettings {
        Objects.requireNonNull(mode, "fan mode");
        if (minDutyPercent != null && (minDutyPercent < 0 || minDutyPercent > 100)) {
            throw new IllegalArgumentException("minimum fan duty must be 0–100 %, got " + minDutyPercent);
        }
        if (minFanCount != null && minFanCount < 0) {
            throw new IllegalArgumentException("minimum fan count must not be negative, got " + minFanCount);
        }
    }

    public static FanSettings of(FanMode mode) {
        return new FanSettings(mode, null, null);
    }
}
