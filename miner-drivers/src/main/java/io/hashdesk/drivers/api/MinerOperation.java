package io.hashdesk.drivers.api;

/** Things a driver may be able to do with a miner; {@link MinerCapabilities} says which this one can. */
public enum MinerOperation {
    READ_TELEMETRY,
    IDENTIFY,
    READ_PRESETS,
    READ_SETTINGS,
    SELECT_PRESET,
    MANUAL_CLOCKS,
    FAN_CONTROL,
    OVER_TEMP_RESTART,
    POOLS,
    THROTTLE,
    RESTART_MINING,
    PAUSE_MINING,
    REBOOT,
    BLINK,
    BACKUP_RESTORE
}
