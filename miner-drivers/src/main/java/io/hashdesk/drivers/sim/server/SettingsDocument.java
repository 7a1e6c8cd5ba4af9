package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.FirmwareVersion;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.SimulatedMiner;

/**
 * {@code GET /settings} ({@code ViewConfig}): the unit's settings in the firmware's shape, with the voltage in
 * 10 mV steps, per-chip frequency arrays as long as a board has chips, exactly three pool slots, the read-only
 * {@code ui.consts} and the dashboard layout. The same document, without {@code ui}, is what a settings backup holds.
 */
final class SettingsDocument {

    private SettingsDocument() {
    }

    static ObjectNode of(SimulatedMiner miner, boolean withUi, JsonNode layout) {
        MinerSettings settings = miner.settings();
        FirmwareVersion firmware = miner.firmware();
        ObjectNode root = Json.object();
        ObjectNode m = root.putObject("miner");
        m.set("cooling", cooling(settings.cooling(), firmware));
        m.set("misc", misc(settings.misc()));
        m.set("overclock", overclock(settings.overclock(), miner.model().chipsPerBoard(), firmware));
        ArrayNode pools = m.putArray("pools");
        for (int i = 0; i < MinerSettings.MAX_POOLS; i++) {
            MinerSettings.Pool pool = i < settings.pools().size() ? settings.pools().get(i)
                    : new MinerSettings.Pool("", "", "");
            ObjectNode node = pools.addObject();
            node.put("url", pool.url());
            node.put("user", pool.user());
            node.put("pass", pool.pass());
        }
        MinerSettings.Network network = settings.network();
        ObjectNode net = root.putObject("network");
        net.put("hostname", network.hostname());
        net.put("dhcp", network.dhcp());
        net.put("ipaddress", network.ipAddress());
        net.put("netmask", network.netmask());
        net.put("gateway", network.gateway());
        ArrayNode dns = net.putArray("dnsservers");
        network.dnsServers().forEach(dns::add);
        root.putObject("regional").putObject("timezone").put("current", settings.timezone());
        if (withUi) {
            root.set("ui", DeviceDocuments.ui(miner));
        }
        root.putNull("password");
        root.set("layout", layout == null ? Json.MAPPER.nullNode() : layout);
        return root;
    }

    private static ObjectNode cooling(MinerSettings.Cooling cooling, FirmwareVersion firmware) {
        ObjectNode node = Json.object();
        ObjectNode mode = node.putObject("mode");
        mode.put("name", cooling.mode().settingsName());
        if (cooling.mode() != MinerSettings.FanMode.IMMERSION) {
            mode.put("param", cooling.modeParam());
        }
        node.put("fan_min_count", cooling.fanMinCount());
        node.put("fan_min_duty", cooling.fanMinDutyPercent());
        if (firmware.boardsApi()) {
            node.put("fan_max_duty", cooling.fanMaxDutyPercent());
            node.put("min_startup_water_temp", cooling.minStartupWaterTempC());
        }
        return node;
    }

    private static ObjectNode misc(MinerSettings.Misc misc) {
        ObjectNode node = Json.object();
        node.put("restart_temp", misc.restartTempC());
        misc.numbers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> node.put(e.getKey(), e.getValue()));
        misc.flags().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> node.put(e.getKey(), e.getValue()));
        return node;
    }

    private static ObjectNode overclock(MinerSettings.Overclock overclock, int chipsPerBoard,
                                        FirmwareVersion firmware) {
        ObjectNode node = Json.object();
        node.put("modded_psu", overclock.moddedPsu());
        node.put("preset", overclock.preset());
        ObjectNode globals = node.putObject("globals");
        globals.put("volt", overclock.globalVoltage10mV());
        globals.put("freq", overclock.globalFreqMhz());
        ArrayNode chains = node.putArray("chains");
        for (MinerSettings.ChainOverclock chain : overclock.chains()) {
            ObjectNode c = chains.addObject();
            c.put("freq", chain.freqMhz());
            ArrayNode chips = c.putArray("chips");
            for (int i = 0; i < chipsPerBoard; i++) {
                chips.add(i < chain.chipFreqsMhz().size() ? chain.chipFreqsMhz().get(i) : 0);
            }
            c.put("disabled", chain.disabled());
        }
        node.set("preset_switcher", presetSwitcher(overclock.presetSwitcher(), firmware));
        return node;
    }

    static ObjectNode presetSwitcher(MinerSettings.PresetSwitcher switcher, FirmwareVersion firmware) {
        ObjectNode node = Json.object();
        node.put("enabled", switcher.enabled());
        if (switcher.topPreset() == null) {
            node.putNull("top_preset");
        } else {
            node.put("top_preset", switcher.topPreset());
        }
        if (switcher.minPreset() == null) {
            node.putNull("min_preset");
        } else {
            node.put("min_preset", switcher.minPreset());
        }
        node.put("decrease_temp", switcher.decreaseTempC());
        node.put("rise_temp", switcher.riseTempC());
        node.put("check_time", switcher.checkTimeSeconds());
        node.put("autochange_top_preset", switcher.autochangeTopPreset());
        node.put("ignore_fan_speed", switcher.ignoreFanSpeed());
        if (!firmware.boardsApi()) {
            node.put("power_delta", switcher.powerDelta());
        }
        return node;
    }
}
