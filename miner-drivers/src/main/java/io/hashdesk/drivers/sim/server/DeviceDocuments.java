package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.MinerIdentity;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.ModelParameters;
import io.hashdesk.drivers.sim.ModelSpec;
import io.hashdesk.drivers.sim.PresetInfo;
import io.hashdesk.drivers.sim.SaveResult;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.util.List;
import java.util.Locale;

/**
 * The firmware's descriptive replies: {@code /info}, {@code /model}, {@code /status}, {@code /perf-summary},
 * {@code /autotune/presets}, {@code /chains/factory-info} and {@code /ui}, shaped as the OpenAPI documents of
 * 1.2.7 and 1.3.4 define them.
 */
final class DeviceDocuments {

    /** A typical control board's memory in KiB, as {@code /info.system} reports it. */
    private static final int MEM_TOTAL_KIB = 233_712;
    private static final int MEM_FREE_KIB = 173_956;
    private static final int MEM_BUF_KIB = 31_928;
    private static final int PERCENT = 100;
    private static final int FAN_MIN_COUNT = 1;
    private static final String[] TIMEZONES = {"GMT-11", "GMT-10", "GMT-9", "GMT-8", "GMT-7", "GMT-6", "GMT-5",
        "GMT-4", "GMT-3", "GMT-2", "GMT-1", "GMT", "GMT+1", "GMT+2", "GMT+3", "GMT+4", "GMT+5", "GMT+6", "GMT+7",
        "GMT+8", "GMT+9", "GMT+10", "GMT+11", "GMT+12"};

    private DeviceDocuments() {
    }

    static ObjectNode info(SimulatedMiner miner, MinerReading reading) {
        MinerIdentity identity = miner.identity();
        ModelSpec spec = identity.model();
        MinerSettings.Network network = miner.settings().network();
        ObjectNode info = Json.object();
        info.put("miner", spec.fullName());
        info.put("model", spec.parameters().code());
        info.put("fw_name", "Vnish");
        info.put("fw_version", identity.firmware().version());
        info.put("build_uuid", identity.buildUuid());
        info.put("build_name", "vnishnet");
        info.put("platform", spec.parameters().platform());
        info.put("install_type", "nand");
        info.put("build_time", identity.firmware().buildTime());
        info.put("algorithm", spec.algorithmCode());
        info.put("hr_measure", spec.hrMeasure());
        ObjectNode system = info.putObject("system");
        system.put("os", "GNU/Linux");
        system.put("miner_name", spec.parameters().code());
        system.put("file_system_version", "");
        system.put("mem_total", MEM_TOTAL_KIB);
        system.put("mem_free", MEM_FREE_KIB);
        system.put("mem_free_percent", MEM_FREE_KIB * PERCENT / MEM_TOTAL_KIB);
        system.put("mem_buf", MEM_BUF_KIB);
        system.put("mem_buf_percent", MEM_BUF_KIB * PERCENT / MEM_TOTAL_KIB);
        ObjectNode status = system.putObject("network_status");
        status.put("mac", identity.macAddress());
        status.put("dhcp", network.dhcp());
        status.put("ip", network.ipAddress());
        status.put("netmask", network.netmask());
        status.put("gateway", network.gateway());
        ArrayNode dns = status.putArray("dns");
        network.dnsServers().forEach(dns::add);
        status.put("hostname", network.hostname());
        system.put("uptime", uptime(reading.uptimeSeconds()));
        info.put("serial", identity.serial());
        return info;
    }

    /** Busybox-style uptime as the firmware prints it: {@code "0:06"}, {@code "9 days,  3:58"}. */
    static String uptime(long seconds) {
        long minutes = seconds / 60;
        long hours = minutes / 60 % 24;
        long days = minutes / 60 / 24;
        String clock = String.format(Locale.ROOT, "%d:%02d", hours, minutes % 60);
        if (days == 0) {
            return clock;
        }
        return String.format(Locale.ROOT, "%d %s, %2d:%02d", days, days == 1 ? "day" : "days", hours, minutes % 60);
    }

    static ObjectNode model(SimulatedMiner miner) {
        ModelSpec spec = miner.model();
        ModelParameters m = spec.parameters();
        ObjectNode model = Json.object();
        model.put("full_name", spec.fullName());
        model.put("model", m.code());
        model.put("algorithm", spec.algorithmCode());
        model.put("series", m.series());
        model.put("platform", m.platform());
        model.put("install_type", "nand");
        model.put("hr_measure", spec.hrMeasure());
        model.put("serial", miner.identity().serial());
        ObjectNode chain = model.putObject("chain");
        chain.put("chips_per_chain", spec.chipsPerBoard());
        chain.put("chips_per_domain", m.chipsPerDomain());
        chain.put("num_chains", spec.boards());
        chain.set("topology", topology(spec.chipsPerBoard(), m.topologyColumns()));
        model.set("cooling", coolingConsts(spec));
        model.set("overclock", overclockConsts(miner));
        return model;
    }

    /** Chip positions on the board, snaking row by row; -1 marks a position without a chip. */
    private static ObjectNode topology(int chips, int columns) {
        int rows = (chips + columns - 1) / columns;
        ObjectNode topology = Json.object();
        ArrayNode grid = topology.putArray("chips");
        for (int r = 0; r < rows; r++) {
            ArrayNode row = grid.addArray();
            for (int c = 0; c < columns; c++) {
                int index = r * columns + (r % 2 == 0 ? c : columns - 1 - c);
                row.add(index < chips ? index : -1);
            }
        }
        topology.put("num_cols", columns);
        topology.put("num_rows", rows);
        return topology;
    }

    static ObjectNode coolingConsts(ModelSpec spec) {
        ObjectNode cooling = Json.object();
        cooling.put("min_fan_pwm", spec.coolingLimits().minFanPwmPercent());
        cooling.put("min_target_temp", spec.coolingLimits().minTargetTempC());
        cooling.put("max_target_temp", spec.coolingLimits().maxTargetTempC());
        ObjectNode fanMinCount = cooling.putObject("fan_min_count");
        fanMinCount.put("min", FAN_MIN_COUNT);
        fanMinCount.put("max", spec.fans());
        fanMinCount.put("default", spec.fans());
        return cooling;
    }

    static ObjectNode overclockConsts(SimulatedMiner miner) {
        ModelParameters m = miner.model().parameters();
        ObjectNode overclock = Json.object();
        overclock.put("max_voltage", m.maxVoltage10mV());
        overclock.put("min_voltage", m.minVoltage10mV());
        overclock.put("default_voltage", m.defaultVoltage10mV());
        overclock.put("max_freq", m.maxFreqMhz());
        overclock.put("min_freq", m.minFreqMhz());
        overclock.put("default_freq", m.defaultFreqMhz());
        overclock.put("warn_freq", m.warnFreqMhz());
        overclock.put("max_voltage_stock_psu", m.maxVoltageStockPsu10mV());
        if (miner.firmware().boardsApi()) {
            overclock.put("power_metering", miner.model().parameters().series().equals("x21"));
            overclock.put("max_power_limit", m.presetWatts().getLast());
        }
        return overclock;
    }

    static ObjectNode status(SimulatedMiner miner, MinerReading reading, boolean unlocked, String warranty) {
        ObjectNode status = Json.object();
        minerStatus(status, miner, reading);
        SaveResult pending = miner.pending();
        status.put("restart_required", pending.restartRequired());
        status.put("reboot_required", pending.rebootRequired());
        status.put("find_miner", reading.locateOn());
        status.put("unlocked", unlocked);
        status.put("warranty", warranty);
        return status;
    }

    /** The {@code MinerStatus} fields, shared by {@code /status} and {@code summary.miner.miner_status}. */
    static void minerStatus(ObjectNode target, SimulatedMiner miner, MinerReading reading) {
        target.put("miner_state", reading.state().wireName());
        target.put("miner_state_time", reading.stateSeconds());
        if (reading.description() != null) {
            target.put("description", reading.description());
        }
        if (miner.firmware().boardsApi()) {
            target.put("throttled", reading.throttlePercent());
        }
    }

    static ObjectNode perfSummary(SimulatedMiner miner) {
        ObjectNode summary = Json.object();
        PresetInfo current = miner.currentPreset();
        ObjectNode preset = preset(current, miner);
        MinerSettings.Overclock overclock = miner.settings().overclock();
        if (overclock.manual()) {
            ObjectNode globals = preset.putObject("globals");
            globals.put("volt", overclock.globalVoltage10mV());
            globals.put("freq", overclock.globalFreqMhz());
        }
        summary.set("current_preset", preset);
        summary.set("preset_switcher", SettingsDocument.presetSwitcher(overclock.presetSwitcher(), miner.firmware()));
        return summary;
    }

    static ArrayNode presets(SimulatedMiner miner) {
        ArrayNode presets = Json.array();
        for (PresetInfo info : miner.presets()) {
            ObjectNode preset = preset(info, miner);
            if (info.tuned()) {
                preset.set("tune_settings", tuneSettings(info, miner));
            }
            presets.add(preset);
        }
        return presets;
    }

    private static ObjectNode preset(PresetInfo info, SimulatedMiner miner) {
        ObjectNode preset = Json.object();
        preset.put("name", info.name());
        preset.put("pretty", info.pretty());
        preset.put("status", info.tuned() ? "tuned" : "untuned");
        preset.put("modded_psu_required", false);
        return preset;
    }

    /** The autotune result; note {@code volt} is in mV here, ten times the settings unit. */
    private static ObjectNode tuneSettings(PresetInfo info, SimulatedMiner miner) {
        ObjectNode tune = Json.object();
        tune.put("hashrate", Math.round(info.tunedHashrate()));
        tune.put("volt", info.tunedVoltageMv());
        tune.put("freq", info.tunedFreqMhz());
        ArrayNode chains = tune.putArray("chains");
        for (int freq : info.tunedBoardFreqMhz()) {
            ObjectNode chain = chains.addObject();
            chain.put("freq", freq);
            ArrayNode chips = chain.putArray("chips");
            for (int c = 0; c < miner.model().chipsPerBoard(); c++) {
                chips.add(freq);
            }
        }
        tune.put("modified", false);
        return tune;
    }

    static ObjectNode factoryInfo(SimulatedMiner miner) {
        ModelSpec spec = miner.model();
        ModelParameters m = spec.parameters();
        ObjectNode info = Json.object();
        info.put("hr_stock", spec.ratedHashrate());
        info.put("has_pics", true);
        info.put("psu_model", m.psuModel());
        info.put("psu_serial", "PSU" + miner.identity().serial().substring(2));
        ArrayNode chains = info.putArray("chains");
        for (int b = 1; b <= spec.boards(); b++) {
            ObjectNode chain = chains.addObject();
            chain.put("id", b);
            chain.put("board_model", m.boardModel());
            chain.put("serial", miner.identity().serial() + "B" + b);
            chain.put("chip_bin", 1);
            chain.put("freq", m.defaultFreqMhz());
            chain.put("volt", m.defaultVoltage10mV());
            chain.put("hashrate", spec.ratedHashrate() / spec.boards());
        }
        return info;
    }

    static ObjectNode ui(SimulatedMiner miner) {
        ObjectNode ui = Json.object();
        ui.put("theme", "auto");
        ui.put("dark_side_pane", false);
        ui.put("disable_animation", false);
        ui.put("locale", "en");
        ui.put("timezone", miner.settings().timezone());
        ObjectNode consts = ui.putObject("consts");
        consts.set("cooling", coolingConsts(miner.model()));
        consts.set("overclock", overclockConsts(miner));
        ArrayNode zones = consts.putArray("timezones");
        for (String zone : TIMEZONES) {
            zones.addArray().add(zone).add(zone);
        }
        return ui;
    }

    static List<String> timezones() {
        return List.of(TIMEZONES);
    }
}
