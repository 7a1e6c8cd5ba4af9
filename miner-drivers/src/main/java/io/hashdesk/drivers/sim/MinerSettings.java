package io.hashdesk.drivers.sim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings a simulated miner keeps, shaped like the firmware's {@code GET /settings → miner} (plus network and
 * time zone). Voltages are in the firmware's 10 mV steps, frequencies in MHz, temperatures in °C, duties in percent.
 */
public record MinerSettings(Overclock overclock, Cooling cooling, Misc misc, List<Pool> pools, Network network,
                            String timezone) {

    /** The firmware keeps at most three pools. */
    public static final int MAX_POOLS = 3;
    /** The preset name that means "manual clocks from {@code globals}". */
    public static final String MANUAL_PRESET = "disabled";

    public MinerSettings {
        Objects.requireNonNull(overclock, "overclock");
        Objects.requireNonNull(cooling, "cooling");
        Objects.requireNonNull(misc, "misc");
        Objects.requireNonNull(network, "network");
        pools = List.copyOf(pools);
        if (pools.size() > MAX_POOLS) {
            throw new IllegalArgumentException("at most " + MAX_POOLS + " pools, got " + pools.size());
        }
        timezone = timezone == null ? "GMT" : timezone;
    }

    public MinerSettings withOverclock(Overclock value) {
        return new MinerSettings(value, cooling, misc, pools, network, timezone);
    }

    public MinerSettings withCooling(Cooling value) {
        return new MinerSettings(overclock, value, misc, pools, network, timezone);
    }

    public MinerSettings withMisc(Misc value) {
        return new MinerSettings(overclock, cooling, value, pools, network, timezone);
    }

    public MinerSettings withPools(List<Pool> value) {
        return new MinerSettings(overclock, cooling, misc, value, network, timezone);
    }

    public MinerSettings withNetwork(Network value) {
        return new MinerSettings(overclock, cooling, misc, pools, value, timezone);
    }

    public MinerSettings withTimezone(String value) {
        return new MinerSettings(overclock, cooling, misc, pools, network, value);
    }

    /**
     * Clocks: a preset name (target watts, e.g. {@code "3000"}) or {@link #MANUAL_PRESET} with global frequency and
     * voltage, optionally per-board frequency overrides.
     */
    public record Overclock(String preset, int globalFreqMhz, int globalVoltage10mV, List<ChainOverclock> chains,
                            boolean moddedPsu, PresetSwitcher presetSwitcher) {
        public Overclock {
            Objects.requireNonNull(preset, "preset");
            chains = List.copyOf(chains);
            Objects.requireNonNull(presetSwitcher, "presetSwitcher");
        }

        public boolean manual() {
            return MANUAL_PRESET.equals(preset);
        }

        public Overclock withPreset(String value) {
            return new Overclock(value, globalFreqMhz, globalVoltage10mV, chains, moddedPsu, presetSwitcher);
        }

        public Overclock withPresetSwitcher(PresetSwitcher value) {
            return new Overclock(preset, globalFreqMhz, globalVoltage10mV, chains, moddedPsu, value);
        }
    }

    /**
     * One board's override: {@code freqMhz} 0 means "use the global frequency"; {@code chipFreqsMhz} empty means
     * every chip follows the board.
     */
    public record ChainOverclock(int freqMhz, boolean disabled, List<Integer> chipFreqsMhz) {
        public ChainOverclock {
            chipFreqsMhz = List.copyOf(chipFreqsMhz);
        }
    }

    /** The firmware's automatic step-down between presets on heat, and back up when cool ({@code PresetStepper}). */
    public record PresetSwitcher(boolean enabled, String topPreset, String minPreset, int decreaseTempC,
                                 int riseTempC, int checkTimeSeconds, boolean autochangeTopPreset,
                                 boolean ignoreFanSpeed, int powerDelta) {
    }

    /** Fan control: {@code modeParam} is the target chip temperature in auto mode and the duty in manual mode. */
    public record Cooling(FanMode mode, int modeParam, int fanMinCount, int fanMinDutyPercent, int fanMaxDutyPercent,
                          int minStartupWaterTempC) {
        public Cooling {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** The firmware's cooling modes with their settings spelling ({@code immers}) and summary spelling. */
    public enum FanMode {
        AUTO("auto", "auto"),
        MANUAL("manual", "manual"),
        IMMERSION("immers", "immersion");

        private final String settingsName;
        private final String summaryName;

        FanMode(String settingsName, String summaryName) {
            this.settingsName = settingsName;
            this.summaryName = summaryName;
        }

        public String settingsName() {
            return settingsName;
        }

        public String summaryName() {
            return summaryName;
        }

        /** The mode for a settings name; {@code immersion} is accepted as well as the firmware's {@code immers}. */
        public static java.util.Optional<FanMode> parse(String name) {
            for (FanMode mode : values()) {
                if (mode.settingsName.equals(name) || mode.summaryName.equals(name)) {
                    return java.util.Optional.of(mode);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * Advanced settings. {@code restartTempC} is the over-temperature protection point the model acts on; the
     * other firmware flags and numbers are kept by their firmware names and echoed back.
     */
    public record Misc(int restartTempC, Map<String, Boolean> flags, Map<String, Integer> numbers) {
        public Misc {
            flags = Map.copyOf(flags);
            numbers = Map.copyOf(numbers);
        }

        public Misc withRestartTemp(int value) {
            return new Misc(value, flags, numbers);
        }
    }

    /** A pool as stored: URL without scheme ({@code host:port}); an empty URL is an empty slot. */
    public record Pool(String url, String user, String pass) {
        public Pool {
            url = url == null ? "" : url;
            user = user == null ? "" : user;
            pass = pass == null ? "" : pass;
        }

        public boolean empty() {
            return url.isBlank();
        }
    }

    public record Network(String hostname, boolean dhcp, String ipAddress, String netmask, String gateway,
                          List<String> dnsServers) {
        public Network {
            dnsServers = List.copyOf(dnsServers);
        }
    }
}
