package io.hashdesk.drivers.action;

import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.MinerSettingsPort;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.SettingsBackup;
import io.hashdesk.drivers.api.SettingsChange;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action executor's way to miners, over the miner drivers. A write is checked against the firmware's bounds
 * before anything is sent, applied, paused or resumed, then read back from the miner. Driver failures pass through
 * unchanged, so the executor sees how a miner failed (timeout, unreachable, rejected…); a value out of range is
 * refused as {@link io.hashdesk.drivers.api.SettingOutOfRangeException} ({@code REJECTED}) and a part the firmware
 * lacks as {@link io.hashdesk.drivers.api.OperationNotSupportedException}, both before any write.
 */
public final class DriverSettingsPort implements MinerSettingsPort {

    private static final Logger LOG = LoggerFactory.getLogger(DriverSettingsPort.class);

    private final MinerDriverSource drivers;

    public DriverSettingsPort(MinerDriverSource drivers) {
        this.drivers = Objects.requireNonNull(drivers, "drivers");
    }

    @Override
    public SettingValues read(MinerId miner) throws MinerAccessException {
        return SettingsTranslation.toValues(drivers.driverFor(miner).readSettings());
    }

    @Override
    public SettingValues write(MinerId miner, SettingValues change) throws MinerAccessException {
        Objects.requireNonNull(change, "change");
        FirmwareBounds.checkFixedRanges(change);
        MinerDriver driver = drivers.driverFor(miner);
        MinerCapabilities capabilities = driver.capabilities();
        List<PowerPreset> presets = change.preset() == null && change.powerTargetWatts() == null ? List.of()
                : driver.presets();
        FirmwareBounds.checkFirmware(change, capabilities, presets);
        FanMode currentFan = SettingsTranslation.needsCurrentFan(change) ? driver.readSettings().fanMode() : null;
        SettingsChange settings = SettingsTranslation.toChange(change, currentFan);

        AppliedSettings applied = settings.isEmpty() ? new AppliedSettings(List.of(), false, false, false)
                : driver.apply(settings);
        // After the settings, so a change that restarts mining cannot undo a pause.
        if (Boolean.TRUE.equals(change.miningPaused())) {
            driver.pauseMining();
        } else if (Boolean.FALSE.equals(change.miningPaused())) {
            driver.resumeMining();
        }
        SettingValues readBack = SettingsTranslation.readBack(change, applied, driver.readSettings(),
                presets);
        LOG.info("{}: wrote {}, reads back {}", miner, change, readBack);
        return readBack;
    }

    @Override
    public FirmwareBackup backup(MinerId miner) throws MinerAccessException {
        SettingsBackup backup = drivers.driverFor(miner).backup();
        return new FirmwareBackup(backup.takenAt(), backup.firmwareVersion(), backup.archive(),
                backup.settingsJson());
    }

    @Override
    public void restore(MinerId miner, FirmwareBackup backup) throws MinerAccessException {
        drivers.driverFor(miner).restore(new SettingsBackup(backup.takenAt(), backup.firmwareVersion(),
                backup.archive(), backup.settingsJson()));
    }

    @Override
    public TelemetrySnapshot observe(MinerId miner) throws MinerAccessException {
        return drivers.driverFor(miner).readSnapshot(miner);
    }
}
