package io.hashdesk.ml.month;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.MinerSettingsPort;
import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.MinerState;
import io.hashdesk.drivers.sim.ModelParameters;
import io.hashdesk.drivers.sim.ModelSpec;
import io.hashdesk.drivers.sim.PresetInfo;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.ml.sim.PolledSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;

/**
 * The miners' settings reached in-process, straight on the simulated units, with the firmware's own rules: a preset
 * must exist, clocks stay inside the model's {@code /model overclock} bounds (stock PSU), the auto fan target inside
 * its cooling limits, the throttle within 20–100 %, a power target picks the highest tuned preset at or below it.
 * HTTP would add nothing the drivers' own tests do not prove and would tie a month of actions to wall-clock time;
 * this port keeps them on the simulation's clock. A backup is the settings document as JSON, restored whole.
 */
final class SimulatorSettingsPort implements MinerSettingsPort {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double MILLIVOLTS_PER_10MV = 100.0;

    private final SimulatedFleet fleet;

    SimulatorSettingsPort(SimulatedFleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public SettingValues read(MinerId miner) throws MinerAccessException {
        SimulatedMiner unit = reachable(miner);
        MinerSettings s = unit.settings();
        SettingValues clocks = s.overclock().manual()
                ? SettingValues.none().withClocks(s.overclock().globalFreqMhz(),
                        s.overclock().globalVoltage10mV() / MILLIVOLTS_PER_10MV)
                : SettingValues.none().withPreset(s.overclock().preset());
        MinerSettings.Cooling cooling = s.cooling();
        Integer target = cooling.mode() == MinerSettings.FanMode.AUTO ? cooling.modeParam() : null;
        return clocks.withCooling(target, cooling.fanMinDutyPercent()).withThrottle(unit.throttlePercent())
                .withMiningPaused(unit.state() == MinerState.STOPPED)
                .withPools(s.pools().stream().filter(p -> !p.empty())
                        .map(p -> new PoolTarget(p.url(), p.user(), p.pass())).toList());
    }

    @Override
    public SettingValues write(MinerId miner, SettingValues change) throws MinerAccessException {
        SimulatedMiner unit = reachable(miner);
        MinerSettings next = unit.settings();
        next = next.withOverclock(overclock(unit, next.overclock(), change));
        next = next.withCooling(cooling(unit.model(), next.cooling(), change));
        if (change.pools() != null) {
            if (change.pools().isEmpty() || change.pools().size() > MinerSettings.MAX_POOLS) {
                throw rejected(miner, "pools: 1 to " + MinerSettings.MAX_POOLS + " entries, got "
                        + change.pools().size());
            }
            next = next.withPools(change.pools().stream()
                    .map(p -> new MinerSettings.Pool(p.url(), p.user(), p.password())).toList());
        }
        if (change.throttlePercent() != null) {
            int percent = change.throttlePercent();
            if (percent < SimulatedMiner.MIN_THROTTLE_PERCENT || percent > 100) {
                throw rejected(miner, "throttle: " + SimulatedMiner.MIN_THROTTLE_PERCENT + "..100, got " + percent);
            }
        }
        if (!next.equals(unit.settings())) {
            unit.applySettings(next);
        }
        if (change.throttlePercent() != null) {
            unit.throttle(change.throttlePercent());
        }
        if (Boolean.TRUE.equals(change.miningPaused())) {
            unit.pauseMining();
        } else if (Boolean.FALSE.equals(change.miningPaused()) && unit.state() == MinerState.STOPPED) {
            unit.startMining();
        }
        return readBack(read(miner), change);
    }

    @Override
    public FirmwareBackup backup(MinerId miner) throws MinerAccessException {
        SimulatedMiner unit = reachable(miner);
        try {
            String json = JSON.writeValueAsString(unit.settings());
            return new FirmwareBackup(unit.now(), unit.firmware().toString(), json.getBytes(StandardCharsets.UTF_8),
                    json);
        } catch (JsonProcessingException e) {
            throw new MinerAccessException(Failure.MALFORMED_REPLY, miner + ": settings could not be backed up", e);
        }
    }

    @Override
    public void restore(MinerId miner, FirmwareBackup backup) throws MinerAccessException {
        SimulatedMiner unit = reachable(miner);
        try {
            unit.applySettings(JSON.readValue(backup.archive(), MinerSettings.class));
        } catch (java.io.IOException e) {
            throw rejected(miner, "the backup is not a settings document this firmware reads: " + e.getMessage());
        }
    }

    @Override
    public TelemetrySnapshot observe(MinerId miner) throws MinerAccessException {
        SimulatedMiner unit = reachable(miner);
        return PolledSnapshot.of(unit, unit.reading());
    }

    private SimulatedMiner reachable(MinerId miner) throws MinerAccessException {
        SimulatedMiner unit = fleet.miner(miner.value()).orElseThrow(() -> new IllegalArgumentException(miner
                + " is not a simulated unit"));
        if (!unit.reachable()) {
            throw new MinerAccessException(Failure.UNREACHABLE, miner + " does not answer");
        }
        return unit;
    }

    private static MinerSettings.Overclock overclock(SimulatedMiner unit, MinerSettings.Overclock current,
                                                     SettingValues change) throws MinerAccessException {
        MinerId id = MinerId.of(unit.id());
        if (change.preset() != null) {
            if (!unit.presetExists(change.preset())) {
                throw rejected(id, "overclock.preset: no preset named '" + change.preset() + "'");
            }
            return current.withPreset(change.preset());
        }
        if (change.powerTargetWatts() != null) {
            return current.withPreset(presetAtOrBelow(unit, change.powerTargetWatts())
                    .orElseThrow(() -> rejected(id, "no tuned preset at or below " + change.powerTargetWatts()
                            + " W")));
        }
        if (change.frequencyMhz() == null && change.voltageVolts() == null) {
            return current;
        }
        ModelParameters m = unit.model().parameters();
        int freq = change.frequencyMhz() != null ? change.frequencyMhz() : current.globalFreqMhz();
        int volt = change.voltageVolts() != null ? (int) Math.round(change.voltageVolts() * MILLIVOLTS_PER_10MV)
                : current.globalVoltage10mV();
        int maxVolt = current.moddedPsu() ? m.maxVoltage10mV() : m.maxVoltageStockPsu10mV();
        if (freq < m.minFreqMhz() || freq > m.maxFreqMhz()) {
            throw rejected(id, "overclock.globals.freq: " + m.minFreqMhz() + ".." + m.maxFreqMhz() + ", got " + freq);
        }
        if (volt < m.minVoltage10mV() || volt > maxVolt) {
            throw rejected(id, "overclock.globals.volt: " + m.minVoltage10mV() + ".." + maxVolt + ", got " + volt);
        }
        return new MinerSettings.Overclock(MinerSettings.MANUAL_PRESET, freq, volt, current.chains(),
                current.moddedPsu(), current.presetSwitcher());
    }

    private static MinerSettings.Cooling cooling(ModelSpec spec, MinerSettings.Cooling current, SettingValues change)
            throws MinerAccessException {
        if (change.targetTempC() == null && change.fanMinDutyPercent() == null) {
            return current;
        }
        MinerSettings.FanMode mode = current.mode();
        int param = current.modeParam();
        if (change.targetTempC() != null) {
            ModelSpec.CoolingLimits limits = spec.coolingLimits();
            if (change.targetTempC() < limits.minTargetTempC() || change.targetTempC() > limits.maxTargetTempC()) {
                throw new MinerAccessException(Failure.REJECTED, "cooling.mode.param: " + limits.minTargetTempC()
                        + ".." + limits.maxTargetTempC() + ", got " + change.targetTempC());
            }
            mode = MinerSettings.FanMode.AUTO;
            param = change.targetTempC();
        }
        int fanMin = change.fanMinDutyPercent() != null ? change.fanMinDutyPercent() : current.fanMinDutyPercent();
        if (fanMin < 0 || fanMin > 100) {
            throw new MinerAccessException(Failure.REJECTED, "cooling.fan_min_duty: 0..100, got " + fanMin);
        }
        return new MinerSettings.Cooling(mode, param, current.fanMinCount(), fanMin, current.fanMaxDutyPercent(),
                current.minStartupWaterTempC());
    }

    private static Optional<String> presetAtOrBelow(SimulatedMiner unit, int watts) {
        return unit.presets().stream().filter(PresetInfo::tuned).filter(p -> p.name().chars()
                        .allMatch(Character::isDigit)).filter(p -> Integer.parseInt(p.name()) <= watts)
                .max(Comparator.comparingInt(p -> Integer.parseInt(p.name()))).map(PresetInfo::name);
    }

    /**
     * The parts {@code change} set, as the miner now has them. As the drivers read back a part that took: a power
     * target as the watts asked (the preset it chose is at or below them), clocks as asked (the firmware's 10 mV
     * steps are no difference), pools as sent.
     */
    private static SettingValues readBack(SettingValues now, SettingValues change) {
        SettingValues back = SettingValues.none();
        if (change.preset() != null) {
            back = back.withPreset(now.preset());
        } else if (change.powerTargetWatts() != null) {
            back = back.withPowerTarget(change.powerTargetWatts());
        } else if (change.frequencyMhz() != null || change.voltageVolts() != null) {
            back = back.withClocks(change.frequencyMhz(), change.voltageVolts());
        }
        return back.withCooling(change.targetTempC() != null ? now.targetTempC() : null,
                        change.fanMinDutyPercent() != null ? now.fanMinDutyPercent() : null)
                .withThrottle(change.throttlePercent() != null ? now.throttlePercent() : null)
                .withMiningPaused(change.miningPaused() != null ? now.miningPaused() : null)
                .withPools(change.pools());
    }

    private static MinerAccessException rejected(MinerId miner, String why) {
        return new MinerAccessException(Failure.REJECTED, miner + " refused the settings: " + why);
    }
}
