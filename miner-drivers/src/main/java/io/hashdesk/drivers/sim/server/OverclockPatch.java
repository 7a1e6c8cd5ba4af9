package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.ModelParameters;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code miner.overclock} part of a settings write: preset, global frequency and voltage (10 mV steps) within
 * the model's bounds, per-board overrides and the preset switcher.
 */
final class OverclockPatch {

    private static final String AT = "miner.overclock";
    private static final int SWITCHER_MIN_TEMP_C = 25;
    private static final int SWITCHER_MAX_DECREASE_TEMP_C = 90;
    private static final int SWITCHER_MAX_RISE_TEMP_C = 85;
    private static final int SWITCHER_MIN_CHECK_SECONDS = 60;
    private static final int SWITCHER_MAX_CHECK_SECONDS = 600;
    private static final int SWITCHER_MAX_POWER_DELTA = 50;

    private OverclockPatch() {
    }

    static MinerSettings.Overclock apply(JsonNode node, MinerSettings.Overclock current, SimulatedMiner miner)
            throws SettingsPatch.InvalidSettingsException {
        Fields.requireObject(node, AT);
        ModelParameters m = miner.model().parameters();
        String preset = Fields.string(node, "preset", AT);
        if (preset != null && !miner.presetExists(preset)) {
            throw new SettingsPatch.InvalidSettingsException(AT + ".preset: no preset named '" + preset + "'");
        }
        Boolean modded = Fields.bool(node, "modded_psu", AT);
        boolean moddedPsu = modded == null ? current.moddedPsu() : modded;
        int freq = current.globalFreqMhz();
        int volt = current.globalVoltage10mV();
        JsonNode globals = SettingsPatch.present(node, "globals");
        if (globals != null) {
            Fields.requireObject(globals, AT + ".globals");
            freq = Fields.integer(globals, "freq", AT + ".globals", m.minFreqMhz(), m.maxFreqMhz(), freq);
            volt = Fields.integer(globals, "volt", AT + ".globals", m.minVoltage10mV(),
                    SettingsPatch.maxVoltage(m, moddedPsu), volt);
        }
        List<MinerSettings.ChainOverclock> chains = chains(SettingsPatch.present(node, "chains"), current.chains(),
                miner);
        MinerSettings.PresetSwitcher switcher = current.presetSwitcher();
        JsonNode switcherNode = SettingsPatch.present(node, "preset_switcher");
        if (switcherNode != null) {
            switcher = switcher(switcherNode, switcher, miner);
        }
        return new MinerSettings.Overclock(preset == null ? current.preset() : preset, freq, volt, chains, moddedPsu,
                switcher);
    }

    private static List<MinerSettings.ChainOverclock> chains(JsonNode node, List<MinerSettings.ChainOverclock> current,
                                                             SimulatedMiner miner)
            throws SettingsPatch.InvalidSettingsException {
        if (node == null) {
            return current;
        }
        if (!node.isArray() || node.size() > current.size()) {
            throw new SettingsPatch.InvalidSettingsException(AT + ".chains: expected an array of at most "
                    + current.size() + " boards");
        }
        ModelParameters m = miner.model().parameters();
        List<MinerSettings.ChainOverclock> chains = new ArrayList<>(current);
        for (int b = 0; b < node.size(); b++) {
            JsonNode chain = node.get(b);
            String at = AT + ".chains[" + b + "]";
            Fields.requireObject(chain, at);
            MinerSettings.ChainOverclock old = current.get(b);
            int freq = Fields.integer(chain, "freq", at, 0, m.maxFreqMhz(), old.freqMhz());
            if (freq != 0 && freq < m.minFreqMhz()) {
                throw new SettingsPatch.InvalidSettingsException(at + ".freq: 0 (use globals) or within "
                        + m.minFreqMhz() + ".." + m.maxFreqMhz() + ", got " + freq);
            }
            Boolean disabled = Fields.bool(chain, "disabled", at);
            chains.set(b, new MinerSettings.ChainOverclock(freq, disabled == null ? old.disabled() : disabled,
                    chips(SettingsPatch.present(chain, "chips"), old.chipFreqsMhz(), at, miner)));
        }
        return chains;
    }

    private static List<Integer> chips(JsonNode node, List<Integer> current, String at, SimulatedMiner miner)
            throws SettingsPatch.InvalidSettingsException {
        if (node == null) {
            return current;
        }
        int chipsPerBoard = miner.model().chipsPerBoard();
        if (!node.isArray() || node.size() > chipsPerBoard) {
            throw new SettingsPatch.InvalidSettingsException(at + ".chips: expected at most " + chipsPerBoard
                    + " per-chip frequencies");
        }
        List<Integer> chips = new ArrayList<>();
        boolean any = false;
        for (int c = 0; c < node.size(); c++) {
            JsonNode value = node.get(c);
            if (!value.isIntegralNumber() || value.intValue() < 0) {
                throw new SettingsPatch.InvalidSettingsException(at + ".chips[" + c + "]: expected a frequency >= 0");
            }
            chips.add(value.intValue());
            any |= value.intValue() != 0;
        }
        // All zeros means "follow the board"; storing nothing keeps ten thousand idle miners small.
        return any ? chips : List.of();
    }

    /** A preset bound of the switcher: null, or a preset the model has (the switcher steps between real presets). */
    private static String presetOrNull(JsonNode node, String field, String at, SimulatedMiner miner)
            throws SettingsPatch.InvalidSettingsException {
        String name = Fields.string(node, field, at);
        if (name != null && (name.equals(MinerSettings.MANUAL_PRESET) || !miner.presetExists(name))) {
            throw new SettingsPatch.InvalidSettingsException(at + "." + field + ": no preset named '" + name + "'");
        }
        return name;
    }

    private static MinerSettings.PresetSwitcher switcher(JsonNode node, MinerSettings.PresetSwitcher s,
                                                         SimulatedMiner miner)
            throws SettingsPatch.InvalidSettingsException {
        String at = AT + ".preset_switcher";
        Fields.requireObject(node, at);
        Boolean enabled = Fields.bool(node, "enabled", at);
        Boolean autochange = Fields.bool(node, "autochange_top_preset", at);
        Boolean ignoreFan = Fields.bool(node, "ignore_fan_speed", at);
        String top = node.has("top_preset") ? presetOrNull(node, "top_preset", at, miner) : s.topPreset();
        String min = node.has("min_preset") ? presetOrNull(node, "min_preset", at, miner) : s.minPreset();
        return new MinerSettings.PresetSwitcher(enabled == null ? s.enabled() : enabled, top, min,
                Fields.integer(node, "decrease_temp", at, SWITCHER_MIN_TEMP_C, SWITCHER_MAX_DECREASE_TEMP_C,
                        s.decreaseTempC()),
                Fields.integer(node, "rise_temp", at, 0, SWITCHER_MAX_RISE_TEMP_C, s.riseTempC()),
                Fields.integer(node, "check_time", at, SWITCHER_MIN_CHECK_SECONDS, SWITCHER_MAX_CHECK_SECONDS,
                        s.checkTimeSeconds()),
                autochange == null ? s.autochangeTopPreset() : autochange,
                ignoreFan == null ? s.ignoreFanSpeed() : ignoreFan,
                Fields.integer(node, "power_delta", at, 0, SWITCHER_MAX_POWER_DELTA, s.powerDelta()));
    }
}
