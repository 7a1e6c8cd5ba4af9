package io.hashdesk.drivers.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The firmware's own say over what the chips run, on top of the settings: the throttle {@code /mining/throttle}
 * set, the 1.3 power limiter's throttle (the lower of the two applies) and the preset switcher's running preset.
 */
final class FirmwareControls {

    private static final int FULL_POWER_PERCENT = 100;

    private final PresetStepper stepper = new PresetStepper();
    private final PowerLimiter limiter;
    private final FirmwareEvents events;
    private int apiThrottlePercent = FULL_POWER_PERCENT;

    FirmwareControls(FirmwareLimits limits, FirmwareEvents events) {
        this.limiter = new PowerLimiter(limits);
        this.events = events;
    }

    /** The share of full power the chips may use now. */
    int throttlePercent() {
        return Math.min(apiThrottlePercent, limiter.percent());
    }

    /** {@code /mining/throttle}: a share of full power, 20..100 %. */
    void throttle(Instant now, int percent) {
        apiThrottlePercent = Math.clamp(percent, SimulatedMiner.MIN_THROTTLE_PERCENT, FULL_POWER_PERCENT);
        events.throttled(now, apiThrottlePercent);
    }

    /** What each board runs: the clocks, a manual per-board frequency where set, scaled by the throttle. */
    UnitPhysics.BoardTarget[] targets(MinerSettings.Overclock overclock, PresetTable.Clocks clocks) {
        UnitPhysics.BoardTarget[] targets = new UnitPhysics.BoardTarget[clocks.voltsPerBoard().length];
        for (int b = 0; b < targets.length; b++) {
            MinerSettings.ChainOverclock chain = b < overclock.chains().size() ? overclock.chains().get(b) : null;
            double freq = overclock.manual() && chain != null && chain.freqMhz() > 0 ? chain.freqMhz()
                    : clocks.freqMhz();
            targets[b] = new UnitPhysics.BoardTarget(freq * throttlePercent() / FULL_POWER_PERCENT,
                    clocks.voltsPerBoard()[b], chain == null || !chain.disabled());
        }
        return targets;
    }

    /** The overclock settings with the preset the switcher runs in place of the configured one. */
    MinerSettings.Overclock running(MinerSettings.Overclock configured) {
        return stepper.steppedAway() ? configured.withPreset(stepper.running(configured)) : configured;
    }

    /**
     * Runs the power limiter and the preset switcher on the step just made.
     *
     * @return true when the switcher picked another preset, which the unit runs after a mining restart
     */
    boolean afterStep(Instant now, MinerSettings settings, MinerState state, double wallWatts, double hottestC,
                      List<String> ladder) {
        if (limiter.check(now, settings.misc(), state.hashing(), wallWatts)) {
            events.powerLimited(now, PowerLimiter.limitWatts(settings.misc()), limiter.percent(), wallWatts);
        }
        String before = running(settings.overclock()).preset();
        Optional<String> next = stepper.check(now, settings.overclock(), ladder, hottestC,
                state == MinerState.MINING);
        next.ifPresent(preset -> events.presetStepped(now, before, preset, hottestC,
                ladder.indexOf(preset) < ladder.indexOf(before)));
        return next.isPresent();
    }

    /**
     * New overclock settings. New clocks, or the switcher turned off, bring the configured preset back; the
     * switcher's own knobs alone do not.
     *
     * @return true when the chips must restart on other clocks
     */
    boolean settingsChanged(MinerSettings.Overclock previous, MinerSettings.Overclock next) {
        String runningBefore = running(previous).preset();
        boolean newClocks = !previous.withPresetSwitcher(next.presetSwitcher()).equals(next);
        if (newClocks || !next.presetSwitcher().enabled()) {
            stepper.reset();
        }
        return newClocks || !runningBefore.equals(running(next).preset());
    }

    /** A reboot or factory reset: the configured preset again. */
    void reset() {
        stepper.reset();
    }
}
