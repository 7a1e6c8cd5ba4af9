package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The firmware's preset switcher ({@code miner.overclock.preset_switcher}): while enabled and mining on a preset,
 * a chip temperature above {@code decrease_temp} for {@code check_time} steps the running preset down one, and one
 * below {@code rise_temp} for {@code check_time} steps it back up — never below {@code min_preset} (or the lowest
 * preset) and never above {@code top_preset} (or, without one, the configured preset). The configured preset in
 * the settings stays as it was; {@code perf-summary.current_preset} shows the running one.
 */
final class PresetStepper {

    /** The preset running instead of the configured one, or null when they are the same. */
    private String stepped;
    private Instant hotSince;
    private Instant coolSince;

    /** The preset the chips run for this configuration. */
    String running(MinerSettings.Overclock configured) {
        return stepped != null && !configured.manual() ? stepped : configured.preset();
    }

    boolean steppedAway() {
        return stepped != null;
    }

    /** Back to the configured preset (new clocks written, switcher turned off, reboot). */
    void reset() {
        stepped = null;
        hotSince = null;
        coolSince = null;
    }

    /**
     * Looks at the hottest chip once per step; returns the preset to switch to when a condition has held for
     * {@code check_time}.
     *
     * @param ladder every numeric preset of the model, lowest power first
     * @param mining whether the unit mines on settled clocks now (not tuning, restarting or stopped)
     */
    Optional<String> check(Instant now, MinerSettings.Overclock configured, List<String> ladder, double chipTempC,
                           boolean mining) {
        MinerSettings.PresetSwitcher switcher = configured.presetSwitcher();
        int index = switcher.enabled() && !configured.manual() && mining ? ladder.indexOf(running(configured)) : -1;
        if (index < 0) {
            hotSince = null;
            coolSince = null;
            return Optional.empty();
        }
        Duration hold = Duration.ofSeconds(switcher.checkTimeSeconds());
        if (chipTempC > switcher.decreaseTempC()) {
            coolSince = null;
            hotSince = hotSince == null ? now : hotSince;
            int floor = Math.max(0, ladder.indexOf(switcher.minPreset()));
            if (index > floor && !now.isBefore(hotSince.plus(hold))) {
                return Optional.of(step(configured, ladder.get(index - 1)));
            }
        } else if (chipTempC < switcher.riseTempC()) {
            hotSince = null;
            coolSince = coolSince == null ? now : coolSince;
            int top = ladder.indexOf(switcher.topPreset());
            int ceiling = top >= 0 ? top : ladder.indexOf(configured.preset());
            if (index < ceiling && !now.isBefore(coolSince.plus(hold))) {
                return Optional.of(step(configured, ladder.get(index + 1)));
            }
        } else {
            hotSince = null;
            coolSince = null;
        }
        return Optional.empty();
    }

    private String step(MinerSettings.Overclock configured, String next) {
        stepped = next.equals(configured.preset()) ? null : next;
        hotSince = null;
        coolSince = null;
        return next;
    }
}
