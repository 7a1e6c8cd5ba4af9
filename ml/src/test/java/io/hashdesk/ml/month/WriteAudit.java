package io.hashdesk.ml.month;

import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.MinerSettingsPort;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.core.store.MinerRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Sits between the action executor and the miners and keeps every write that reaches a miner, each checked against
 * its model's safe limits in the catalog, independently of the executor's own validation: the proof that no path
 * wrote anything outside them. Restores are counted too (a backup restore writes the old settings back whole).
 */
final class WriteAudit implements MinerSettingsPort {

    /** Lowest throttle the firmware accepts (Vnish 1.3.x), as {@link SettingValues} documents. */
    private static final int MIN_THROTTLE_PERCENT = 20;
    private static final int MAX_THROTTLE_PERCENT = 100;

    /** One write as it was sent, with what is wrong with it (empty when it is safe). */
    record Write(MinerId miner, SettingValues sent, List<String> violations) {
    }

    private final MinerSettingsPort miners;
    private final MinerRegistry registry;
    private final MinerModelCatalog catalog;
    private final List<Write> writes = new ArrayList<>();
    private int restores;

    WriteAudit(MinerSettingsPort miners, MinerRegistry registry, MinerModelCatalog catalog) {
        this.miners = miners;
        this.registry = registry;
        this.catalog = catalog;
    }

    @Override
    public SettingValues read(MinerId miner) throws MinerAccessException {
        return miners.read(miner);
    }

    @Override
    public SettingValues write(MinerId miner, SettingValues change) throws MinerAccessException {
        synchronized (writes) {
            writes.add(new Write(miner, change, violationsOf(miner, change)));
        }
        return miners.write(miner, change);
    }

    @Override
    public FirmwareBackup backup(MinerId miner) throws MinerAccessException {
        return miners.backup(miner);
    }

    @Override
    public void restore(MinerId miner, FirmwareBackup backup) throws MinerAccessException {
        synchronized (writes) {
            restores++;
        }
        miners.restore(miner, backup);
    }

    @Override
    public TelemetrySnapshot observe(MinerId miner) throws MinerAccessException {
        return miners.observe(miner);
    }

    List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    List<Write> unsafeWrites() {
        return writes().stream().filter(w -> !w.violations().isEmpty()).toList();
    }

    int restores() {
        synchronized (writes) {
            return restores;
        }
    }

    private List<String> violationsOf(MinerId miner, SettingValues change) {
        String modelId = registry.miner(miner).orElseThrow(() -> new IllegalArgumentException(miner
                + " is not registered")).modelId();
        SafeLimits limits = catalog.byId(modelId).orElseThrow().safeLimits();
        Double targetWatts = presetWatts(change.preset());
        if (change.powerTargetWatts() != null) {
            targetWatts = change.powerTargetWatts().doubleValue();
        }
        List<String> problems = new ArrayList<>(limits.violationsOf(
                change.frequencyMhz() == null ? null : change.frequencyMhz().doubleValue(), change.voltageVolts(),
                targetWatts, change.fanMinDutyPercent()));
        if (change.throttlePercent() != null && (change.throttlePercent() < MIN_THROTTLE_PERCENT
                || change.throttlePercent() > MAX_THROTTLE_PERCENT)) {
            problems.add("throttle " + change.throttlePercent() + " % is outside " + MIN_THROTTLE_PERCENT + "–"
                    + MAX_THROTTLE_PERCENT + " %");
        }
        if (change.targetTempC() != null && change.targetTempC() > limits.chipTempMaxC()) {
            problems.add("target temperature " + change.targetTempC() + " °C is above the safe chip maximum "
                    + limits.chipTempMaxC() + " °C");
        }
        return problems;
    }

    /** Vnish names its presets by their wall watts ("3068"); the manual preset ("disabled") has none. */
    private static Double presetWatts(String preset) {
        if (preset == null || preset.isEmpty() || !preset.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Double.valueOf(preset);
    }
}
