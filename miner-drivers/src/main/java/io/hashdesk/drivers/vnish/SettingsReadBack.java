package io.hashdesk.drivers.vnish;

import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.FanSettings;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.ManualClocks;
import io.hashdesk.drivers.api.PartOutcome;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.ReplyNode;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.api.SettingsPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a change with what the miner reports after it: {@code GET /settings} for what is configured,
 * {@code /perf-summary}'s current preset for what actually runs (the preset switcher may run a lower one), and the
 * throttle from {@code /status}. The firmware's answer to the write itself proves nothing (vnish-api.md §5.2).
 */
final class SettingsReadBack {

    /** The firmware's {@code miner_state} while it tunes a preset. */
    static final String AUTO_TUNING = "auto-tuning";

    private final ReplyNode miner;
    private final String runningPreset;
    private final Integer throttled;
    private final String minerState;

    /**
     * @param settings      the {@code GET /settings} reply after the write
     * @param runningPreset {@code current_preset.name} from {@code /perf-summary}; {@code null} when not reported
     * @param throttled     {@code throttled} from {@code /status}; {@code null} when not read or not reported
     * @param minerState    {@code miner_state} from {@code /status}; {@code null} when not read or not reported
     */
    SettingsReadBack(ReplyNode settings, String runningPreset, Integer throttled, String minerState)
            throws MalformedReplyException {
        this.miner = settings.requireObject().object("miner");
        this.runningPreset = runningPreset;
        this.throttled = throttled;
        this.minerState = minerState;
    }

    /** One outcome per part of {@code change}, in the order of {@link SettingsPart}. */
    List<PartOutcome> outcomes(SettingsChange change, String presetName, String presetRequest)
            throws MalformedReplyException {
        List<PartOutcome> outcomes = new ArrayList<>();
        if (presetRequest != null) {
            outcomes.add(preset(presetName, presetRequest));
        }
        if (change.clocks() != null) {
            outcomes.add(clocks(change.clocks()));
        }
        if (change.fan() != null) {
            outcomes.add(fan(change.fan()));
        }
        if (change.overTempRestartC() != null) {
            Optional<ReplyNode> misc = miner.optionalObject("misc");
            Integer restart = misc.isPresent() ? misc.get().optionalInt("restart_temp") : null;
            outcomes.add(new PartOutcome(SettingsPart.OVER_TEMP_RESTART,
                    change.overTempRestartC().equals(restart), "restart at " + change.overTempRestartC() + " °C",
                    "restart at " + restart + " °C"));
        }
        if (change.pools() != null) {
            outcomes.add(pools(change.pools()));
        }
        if (change.throttlePercent() != null) {
            outcomes.add(new PartOutcome(SettingsPart.THROTTLE, change.throttlePercent().equals(throttled),
                    "throttle " + change.throttlePercent() + " %", "throttle " + throttled + " %"));
        }
        return outcomes;
    }

    /**
     * A preset counts as applied only when it is configured, running now, and not still being auto-tuned (an
     * untuned preset is configured at once but runs at its target only after tuning).
     */
    private PartOutcome preset(String wanted, String request) throws MalformedReplyException {
        String configured = configuredPreset();
        boolean running = runningPreset == null || runningPreset.equals(wanted);
        boolean tuning = AUTO_TUNING.equals(minerState);
        boolean applied = wanted != null && wanted.equals(configured) && running && !tuning;
        return new PartOutcome(SettingsPart.PRESET, applied, request, "configured preset " + configured
                + (runningPreset == null ? "" : ", running preset " + runningPreset)
                + (tuning ? ", still auto-tuning" : ""));
    }

    private PartOutcome clocks(ManualClocks wanted) throws MalformedReplyException {
        String configured = configuredPreset();
        Optional<ReplyNode> overclock = miner.optionalObject("overclock");
        Optional<ReplyNode> globals = overclock.isPresent() ? overclock.get().optionalObject("globals")
                : Optional.empty();
        Integer freq = globals.isPresent() ? globals.get().optionalInt("freq") : null;
        Integer volt = globals.isPresent() ? globals.get().optionalInt("volt") : null;
        boolean manual = PowerPreset.MANUAL.equals(configured)
                && (runningPreset == null || PowerPreset.MANUAL.equals(runningPreset));
        boolean freqOk = wanted.frequencyMhz() == null || wanted.frequencyMhz().equals(freq);
        boolean voltOk = wanted.voltageVolts() == null
                || Integer.valueOf(SettingsRequest.voltageSteps(wanted.voltageVolts())).equals(volt);
        return new PartOutcome(SettingsPart.MANUAL_CLOCKS, manual && freqOk && voltOk,
                "manual clocks " + describeClocks(wanted.frequencyMhz(), wanted.voltageVolts()),
                "preset " + configured + ", freq " + freq + " MHz, volt " + volt + " × 10 mV");
    }

    private PartOutcome fan(FanSettings wanted) throws MalformedReplyException {
        Optional<ReplyNode> cooling = miner.optionalObject("cooling");
        Optional<ReplyNode> mode = cooling.isPresent() ? cooling.get().optionalObject("mode") : Optional.empty();
        String name = mode.isPresent() ? mode.get().optionalText("name") : null;
        Integer param = mode.isPresent() ? mode.get().optionalInt("param") : null;
        Integer minDuty = cooling.isPresent() ? cooling.get().optionalInt("fan_min_duty") : null;
        Integer minCount = cooling.isPresent() ? cooling.get().optionalInt("fan_min_count") : null;
        boolean modeOk = switch (wanted.mode()) {
            case FanMode.Auto auto -> "auto".equals(name) && Objects.equals(param, auto.targetTempC());
            case FanMode.Manual manual -> "manual".equals(name) && Objects.equals(param, manual.dutyPercent());
            case FanMode.Immersion _ -> name != null && name.toLowerCase(Locale.ROOT).startsWith(
                    SettingsRequest.IMMERSION);
        };
        boolean dutyOk = wanted.minDutyPercent() == null || wanted.minDutyPercent().equals(minDuty);
        boolean countOk = wanted.minFanCount() == null || wanted.minFanCount().equals(minCount);
        return new PartOutcome(SettingsPart.FAN, modeOk && dutyOk && countOk,
                describeFan(wanted), "mode " + name + (param == null ? "" : " " + param) + ", min duty " + minDuty
                + " %, min fans " + minCount);
    }

    /** The configured user pools, in order, must match the request by {@code host:port} and user. */
    private PartOutcome pools(List<PoolSetting> wanted) throws MalformedReplyException {
        List<String> configured = new ArrayList<>();
        for (ReplyNode pool : miner.optionalArray("pools")) {
            String url = pool.requireObject().optionalText("url");
            if (url != null && !url.isBlank()) {
                configured.add(PoolSetting.withoutCredentials(url).toLowerCase(Locale.ROOT) + " as "
                        + pool.optionalText("user"));
            }
        }
        List<String> requested = wanted.stream()
                .map(p -> p.hostAndPort().toLowerCase(Locale.ROOT) + " as " + p.user()).toList();
        return new PartOutcome(SettingsPart.POOLS, requested.equals(configured), "pools " + requested,
                "pools " + configured);
    }

    private String configuredPreset() throws MalformedReplyException {
        Optional<ReplyNode> overclock = miner.optionalObject("overclock");
        return overclock.isPresent() ? overclock.get().optionalText("preset") : null;
    }

    private static String describeClocks(Integer freq, Double volts) {
        return (freq == null ? "current frequency" : freq + " MHz") + ", "
                + (volts == null ? "current voltage" : String.format(Locale.ROOT, "%.2f V (%d × 10 mV)", volts,
                SettingsRequest.voltageSteps(volts)));
    }

    private static String describeFan(FanSettings fan) {
        String mode = switch (fan.mode()) {
            case FanMode.Auto auto -> "auto, target " + auto.targetTempC() + " °C";
            case FanMode.Manual manual -> "manual " + manual.dutyPercent() + " %";
            case FanMode.Immersion _ -> "immersion";
        };
        return mode + (fan.minDutyPercent() == null ? "" : ", min duty " + fan.minDutyPercent() + " %")
                + (fan.minFanCount() == null ? "" : ", min fans " + fan.minFanCount());
    }
}
