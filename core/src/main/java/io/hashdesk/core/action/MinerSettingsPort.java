package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;

/**
 * How the action executor reaches miners. Core never sees a driver: miner-drivers implements this over its
 * {@code MinerDriver}s (with the miner's credentials from the vault). Every call finishes within the driver's
 * operation timeout and fails only with a {@link MinerAccessException} saying how.
 */
public interface MinerSettingsPort {

    /** The settings the miner runs now, every part the firmware reports filled in. */
    SettingValues read(MinerId miner) throws MinerAccessException;

    /**
     * Writes the parts {@code change} sets, then reads them back.
     *
     * @return the read-back of the parts {@code change} set (others {@code null}): what the miner now runs, which the
     *         executor compares with what it asked for
     */
    SettingValues write(MinerId miner, SettingValues change) throws MinerAccessException;

    /** The firmware's settings backup; taken before the first write of an action. */
    FirmwareBackup backup(MinerId miner) throws MinerAccessException;

    /** Restores a backup taken by {@link #backup}; the firmware reboots to load it. */
    void restore(MinerId miner, FirmwareBackup backup) throws MinerAccessException;

    /** A fresh telemetry read, for verifying and watching a miner after a change. */
    TelemetrySnapshot observe(MinerId miner) throws MinerAccessException;
}
