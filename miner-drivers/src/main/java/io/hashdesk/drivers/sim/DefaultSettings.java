package io.hashdesk.drivers.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a unit starts with: the firmware's factory defaults for its model and firmware line, with the
 * blueprint's preset and pools. The advanced ({@code misc}) keys differ between 1.2.x and 1.3.x.
 */
final class DefaultSettings {

    private static final int TARGET_TEMP_C = 65;
    private static final int RESTART_TEMP_C = 85;
    private static final int FAN_MIN_DUTY_PERCENT = 10;
    private static final int FAN_MAX_DUTY_PERCENT = 100;
    private static final int TUNER_BAD_CHIP_THRESHOLD_PERCENT = 50;
    private static final int HIGHER_VOLT_OFFSET = 100;
    private static final int SWITCHER_DECREASE_TEMP_C = 75;
    private static final int SWITCHER_RISE_TEMP_C = 55;
    private static final int SWITCHER_CHECK_SECONDS = 300;

    private static final List<String> COMMON_FLAGS = List.of("asic_boost", "auto_chip_throttling",
            "bitmain_disable_volt_comp", "disable_chain_break_protection", "disable_restart_unbalanced",
            "disable_volt_checks", "downscale_preset_on_failure", "ignore_broken_sensors", "ignore_chip_sensors",
            "quick_start", "quiet_mode");
    private static final List<String> FLAGS_1_2 = List.of("remain_stopped_on_reboot");
    private static final List<String> FLAGS_1_3 = List.of("allow_disabling_chains_without_pics",
            "automatic_pause_on_boot", "keep_hashing_when_offline", "power_limit_enabled",
            "restore_miner_state_on_reboot", "retune_on_chain_break");

    private DefaultSettings() {
    }

    static MinerSettings of(MinerIdentity identity, MinerBlueprint blueprint) {
        ModelSpec spec = identity.model();
        ModelParameters m = spec.parameters();
        List<MinerSettings.ChainOverclock> chains = Collections.nCopies(spec.boards(),
                new MinerSettings.ChainOverclock(0, false, List.of()));
        MinerSettings.PresetSwitcher switcher = new MinerSettings.PresetSwitcher(false, null, null,
                SWITCHER_DECREASE_TEMP_C, SWITCHER_RISE_TEMP_C, SWITCHER_CHECK_SECONDS, false, false, 0);
        MinerSettings.Overclock overclock = new MinerSettings.Overclock(blueprint.preset(), m.defaultFreqMhz(),
                m.defaultVoltage10mV(), chains, false, switcher);
        MinerSettings.Cooling cooling = new MinerSettings.Cooling(MinerSettings.FanMode.AUTO, TARGET_TEMP_C,
                spec.fans(), FAN_MIN_DUTY_PERCENT, FAN_MAX_DUTY_PERCENT, 0);
        MinerSettings.Network network = new MinerSettings.Network(identity.hostname(), true, "127.0.0.1",
                "255.0.0.0", "127.0.0.1", List.of("127.0.0.1"));
        return new MinerSettings(overclock, cooling, misc(identity.firmware()), blueprint.pools(), network, "GMT");
    }

    static MinerSettings.Misc misc(FirmwareVersion firmware) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        COMMON_FLAGS.forEach(name -> flags.put(name, false));
        (firmware.boardsApi() ? FLAGS_1_3 : FLAGS_1_2).forEach(name -> flags.put(name, false));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        numbers.put("restart_hashrate", 0);
        numbers.put("max_restart_attempts", 0);
        numbers.put("tuner_bad_chip_hr_threshold", TUNER_BAD_CHIP_THRESHOLD_PERCENT);
        numbers.put("max_startup_delay_time", 0);
        numbers.put("min_operational_chains", 0);
        if (firmware.boardsApi()) {
            numbers.put("min_startup_delay_time", 0);
            numbers.put("power_limit", 0);
        } else {
            numbers.put("higher_volt_offset", HIGHER_VOLT_OFFSET);
        }
        return new MinerSettings.Misc(RESTART_TEMP_C, flags, numbers);
    }
}
