package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.ModelParameters;
import io.hashdesk.drivers.sim.ModelSpec;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /settings}: merges a partial {@code InputConfig} into the unit's settings. Only the keys present are
 * changed, unknown keys are ignored (pyasic adds {@code "post": true}), {@code null} means "leave as is", pool URLs
 * lose any {@code stratum+tcp://} scheme. A value of the wrong type or outside the firmware's bounds rejects the
 * whole write, naming the field.
 */
final class SettingsPatch {

    private static final Map<String, int[]> MISC_NUMBER_RANGES = Map.of(
            "restart_hashrate", new int[] {0, 100},
            "tuner_bad_chip_hr_threshold", new int[] {20, 80},
            "higher_volt_offset", new int[] {0, 100},
            "max_startup_delay_time", new int[] {0, 300},
            "min_startup_delay_time", new int[] {0, 300});
    private static final String POWER_LIMIT = "power_limit";
    private static final int RESTART_TEMP_MIN_C = 50;
    private static final int RESTART_TEMP_MAX_C = 120;
    private static final int PERCENT = 100;
    private static final int MAX_WATER_TEMP_C = 20;

    private SettingsPatch() {
    }

    /** A write the firmware would refuse; {@link #getMessage()} names the field. */
    static final class InvalidSettingsException extends Exception {
        InvalidSettingsException(String message) {
            super(message);
        }
    }

    /** The merged settings, and the new password if the write changed it. */
    record Result(MinerSettings settings, Optional<String> newPassword) {
    }

    static Result apply(JsonNode body, SimulatedMiner miner) throws InvalidSettingsException {
        if (body == null || !body.isObject()) {
            throw new InvalidSettingsException("settings must be a JSON object");
        }
        MinerSettings settings = minerPart(present(body, "miner"), miner);
        JsonNode network = present(body, "network");
        if (network != null) {
            settings = settings.withNetwork(network(network, settings.network()));
        }
        JsonNode zone = present(body, "regional");
        if (zone != null) {
            String current = Fields.string(present(zone, "timezone"), "current", "regional.timezone");
            if (current != null) {
                if (!DeviceDocuments.timezones().contains(current)) {
                    throw new InvalidSettingsException("regional.timezone.current: unknown time zone '" + current + "'");
                }
                settings = settings.withTimezone(current);
            }
        }
        return new Result(settings, password(present(body, "password"), miner.password()));
    }

    private static MinerSettings minerPart(JsonNode m, SimulatedMiner miner) throws InvalidSettingsException {
        MinerSettings settings = miner.settings();
        if (m == null) {
            return settings;
        }
        Fields.requireObject(m, "miner");
        JsonNode overclock = present(m, "overclock");
        if (overclock != null) {
            settings = settings.withOverclock(OverclockPatch.apply(overclock, settings.overclock(), miner));
        }
        JsonNode cooling = present(m, "cooling");
        if (cooling != null) {
            settings = settings.withCooling(cooling(cooling, settings.cooling(), miner.model()));
        }
        JsonNode misc = present(m, "misc");
        if (misc != null) {
            int maxPowerLimit = miner.model().parameters().presetWatts().getLast();
            settings = settings.withMisc(misc(misc, settings.misc(), maxPowerLimit));
        }
        JsonNode pools = present(m, "pools");
        return pools == null ? settings : settings.withPools(pools(pools));
    }

    static JsonNode present(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static MinerSettings.Cooling cooling(JsonNode node, MinerSettings.Cooling current, ModelSpec spec)
            throws InvalidSettingsException {
        Fields.requireObject(node, "miner.cooling");
        MinerSettings.FanMode mode = current.mode();
        int param = current.modeParam();
        JsonNode modeNode = present(node, "mode");
        if (modeNode != null) {
            String name = Fields.string(modeNode, "name", "miner.cooling.mode");
            mode = MinerSettings.FanMode.parse(name).orElseThrow(() -> new InvalidSettingsException(
                    "miner.cooling.mode.name: expected auto, manual or immers, got '" + name + "'"));
            Integer value = Fields.integer(modeNode, "param", "miner.cooling.mode");
            if (mode == MinerSettings.FanMode.AUTO) {
                ModelSpec.CoolingLimits limits = spec.coolingLimits();
                param = Fields.require(value, "miner.cooling.mode.param", limits.minTargetTempC(),
                        limits.maxTargetTempC());
            } else if (mode == MinerSettings.FanMode.MANUAL) {
                param = Fields.require(value, "miner.cooling.mode.param", 0, PERCENT);
            }
        }
        String at = "miner.cooling";
        return new MinerSettings.Cooling(mode, param,
                Fields.integer(node, "fan_min_count", at, 1, spec.fans(), current.fanMinCount()),
                Fields.integer(node, "fan_min_duty", at, 0, PERCENT, current.fanMinDutyPercent()),
                Fields.integer(node, "fan_max_duty", at, 0, PERCENT, current.fanMaxDutyPercent()),
                Fields.integer(node, "min_startup_water_temp", at, 0, MAX_WATER_TEMP_C,
                        current.minStartupWaterTempC()));
    }

    /** {@code maxPowerLimitWatts}: the bound of 1.3's {@code power_limit}, {@code /model}'s {@code max_power_limit}. */
    private static MinerSettings.Misc misc(JsonNode node, MinerSettings.Misc current, int maxPowerLimitWatts)
            throws InvalidSettingsException {
        Fields.requireObject(node, "miner.misc");
        int restartTemp = Fields.integer(node, "restart_temp", "miner.misc", RESTART_TEMP_MIN_C, RESTART_TEMP_MAX_C,
                current.restartTempC());
        Map<String, Boolean> flags = new LinkedHashMap<>(current.flags());
        for (String name : current.flags().keySet()) {
            Boolean value = Fields.bool(node, name, "miner.misc");
            if (value != null) {
                flags.put(name, value);
            }
        }
        Map<String, Integer> numbers = new LinkedHashMap<>(current.numbers());
        for (Map.Entry<String, Integer> entry : current.numbers().entrySet()) {
            int[] range = entry.getKey().equals(POWER_LIMIT) ? new int[] {0, maxPowerLimitWatts}
                    : MISC_NUMBER_RANGES.getOrDefault(entry.getKey(), new int[] {0, Integer.MAX_VALUE});
            numbers.put(entry.getKey(),
                    Fields.integer(node, entry.getKey(), "miner.misc", range[0], range[1], entry.getValue()));
        }
        return new MinerSettings.Misc(restartTemp, flags, numbers);
    }

    private static List<MinerSettings.Pool> pools(JsonNode node) throws InvalidSettingsException {
        if (!node.isArray()) {
            throw new InvalidSettingsException("miner.pools: expected an array");
        }
        if (node.size() > MinerSettings.MAX_POOLS) {
            throw new InvalidSettingsException("miner.pools: at most " + MinerSettings.MAX_POOLS + " pools, got "
                    + node.size());
        }
        List<MinerSettings.Pool> pools = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode pool = node.get(i);
            String at = "miner.pools[" + i + "]";
            Fields.requireObject(pool, at);
            String url = Optional.ofNullable(Fields.string(pool, "url", at)).orElse("");
            pools.add(new MinerSettings.Pool(url.replaceFirst("^[a-zA-Z0-9+]+://", ""),
                    Fields.string(pool, "user", at), Fields.string(pool, "pass", at)));
        }
        return pools;
    }

    private static MinerSettings.Network network(JsonNode node, MinerSettings.Network current)
            throws InvalidSettingsException {
        Fields.requireObject(node, "network");
        List<String> dns = current.dnsServers();
        JsonNode servers = present(node, "dnsservers");
        if (servers != null) {
            if (!servers.isArray()) {
                throw new InvalidSettingsException("network.dnsservers: expected an array of addresses");
            }
            dns = new ArrayList<>();
            for (JsonNode server : servers) {
                dns.add(server.asText());
            }
        }
        Boolean dhcp = Fields.bool(node, "dhcp", "network");
        return new MinerSettings.Network(
                Optional.ofNullable(Fields.string(node, "hostname", "network")).orElse(current.hostname()),
                dhcp == null ? current.dhcp() : dhcp,
                Optional.ofNullable(Fields.string(node, "ipaddress", "network")).orElse(current.ipAddress()),
                Optional.ofNullable(Fields.string(node, "netmask", "network")).orElse(current.netmask()),
                Optional.ofNullable(Fields.string(node, "gateway", "network")).orElse(current.gateway()), dns);
    }

    private static Optional<String> password(JsonNode node, String password) throws InvalidSettingsException {
        if (node == null) {
            return Optional.empty();
        }
        String currentPw = Fields.string(node, "current", "password");
        String newPw = Fields.string(node, "pw", "password");
        if (!password.equals(currentPw)) {
            throw new InvalidSettingsException("password.current: wrong password");
        }
        if (newPw == null || newPw.isEmpty()) {
            throw new InvalidSettingsException("password.pw: the new password must not be empty");
        }
        return Optional.of(newPw);
    }

    /** Bounds of the unit's clocks, as {@code /model overclock} states them. */
    static int maxVoltage(ModelParameters m, boolean moddedPsu) {
        return moddedPsu ? m.maxVoltage10mV() : m.maxVoltageStockPsu10mV();
    }
}
