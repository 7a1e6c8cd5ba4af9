package io.hashdesk.drivers.api;

/** The parts of a {@link SettingsChange}, as reported back in {@link AppliedSettings}. */
public enum SettingsPart {
    PRESET,
    MANUAL_CLOCKS,
    FAN,
    OVER_TEMP_RESTART,
    POOLS,
    THROTTLE
}
