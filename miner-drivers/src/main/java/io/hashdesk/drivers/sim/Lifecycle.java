package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The firmware's state machine for one unit: which {@link MinerState} it is in, since when, and what comes next.
 * Timed phases (booting, initializing, starting, autotuning, restarting, shutting down) end on their own when
 * {@link #advance} passes their end; the rest last until an action or a fault moves them.
 */
final class Lifecycle {

    private final SimulationParameters.Timing timing;
    private final BooleanSupplier needsTuning;
    private final Transitions transitions;

    private MinerState state;
    private Instant since;
    private Instant phaseEnds;
    private String description;
    private Instant bootedAt;
    private Instant cgminerStartedAt;
    private Instant rebootAt;
    private int restartCount;
    private int bootCount;
    private boolean tuned;

    /** Told about every state change, on the thread that made it, after the change. */
    interface Transitions {
        void entered(MinerState from, MinerState to, Instant at, String why);
    }

    /** Starts mining at {@code now}, as a unit that was already running when the simulation began. */
    Lifecycle(SimulationParameters.Timing timing, BooleanSupplier needsTuning, Transitions transitions, Instant now,
              Duration uptime) {
        this.timing = timing;
        this.needsTuning = needsTuning;
        this.transitions = transitions;
        this.bootedAt = now.minus(uptime);
        this.cgminerStartedAt = bootedAt;
        enter(MinerState.MINING, now, null, null);
    }

    MinerState state() {
        return state;
    }

    Instant since() {
        return since;
    }

    String description() {
        return description;
    }

    Instant bootedAt() {
        return bootedAt;
    }

    Instant cgminerStartedAt() {
        return cgminerStartedAt;
    }

    int restartCount() {
        return restartCount;
    }

    /** Incremented on every boot, so that sessions can be dropped when a unit reboots. */
    int bootCount() {
        return bootCount;
    }

    /** True once after an autotune finished; the caller marks the preset tuned. */
    boolean takeTuned() {
        boolean result = tuned;
        tuned = false;
        return result;
    }

    /** Runs every timed transition that falls at or before {@code now}. */
    void advance(Instant now) {
        if (rebootAt != null && !now.isBefore(rebootAt)) {
            Instant at = rebootAt;
            rebootAt = null;
            enter(MinerState.OFFLINE, at, seconds(at, timing.rebootSeconds()), null);
        }
        while (phaseEnds != null && !now.isBefore(phaseEnds)) {
            Instant at = phaseEnds;
            switch (state) {
                case OFFLINE -> {
                    bootedAt = at;
                    bootCount++;
                    initialize(at);
                }
                case RESTARTING -> initialize(at);
                case INITIALIZING -> enter(MinerState.STARTING, at, seconds(at, timing.startingSeconds()), null);
                case STARTING -> {
                    if (needsTuning.getAsBoolean()) {
                        enter(MinerState.AUTO_TUNING, at, seconds(at, timing.autotuneSeconds()), null);
                    } else {
                        enter(MinerState.MINING, at, null, null);
                    }
                }
                case AUTO_TUNING -> {
                    tuned = true;
                    enter(MinerState.MINING, at, null, null);
                }
                case SHUTTING_DOWN -> enter(MinerState.STOPPED, at, null, null);
                default -> phaseEnds = null;
            }
        }
    }

    /** The reboot the API promises: the unit keeps answering for the delay, then goes offline. */
    Duration scheduleReboot(Instant now) {
        rebootAt = now.plusSeconds(timing.rebootDelaySeconds());
        return Duration.ofSeconds(timing.rebootDelaySeconds());
    }

    void rebootNow(Instant now) {
        rebootAt = null;
        enter(MinerState.OFFLINE, now, seconds(now, timing.rebootSeconds()), null);
    }

    /** A mining restart (settings changed, or asked for): short pause, then initialize again. */
    void restart(Instant now) {
        if (state == MinerState.OFFLINE) {
            return;
        }
        restartCount++;
        enter(MinerState.RESTARTING, now, seconds(now, timing.restartingSeconds()), null);
    }

    /** Over-temperature protection: stop hashing, cool down, then start again. */
    void overheat(Instant now, String why) {
        restartCount++;
        enter(MinerState.RESTARTING, now, seconds(now, timing.overheatCooldownSeconds()), why);
    }

    void stop(Instant now) {
        if (state != MinerState.OFFLINE && state != MinerState.STOPPED) {
            enter(MinerState.SHUTTING_DOWN, now, seconds(now, timing.shuttingDownSeconds()), null);
        }
    }

    void pause(Instant now) {
        if (state != MinerState.OFFLINE) {
            enter(MinerState.STOPPED, now, null, null);
        }
    }

    /** Start or resume: only a stopped unit (or one in failure) starts again. */
    void start(Instant now) {
        if (state == MinerState.STOPPED || state == MinerState.SHUTTING_DOWN || state == MinerState.FAILURE) {
            initialize(now);
        }
    }

    void fail(Instant now, String why) {
        if (state != MinerState.FAILURE && state != MinerState.OFFLINE) {
            enter(MinerState.FAILURE, now, null, why);
        }
    }

    /** A failure whose cause went away: the firmware restarts mining. */
    void recover(Instant now) {
        if (state == MinerState.FAILURE) {
            restart(now);
        }
    }

    private void initialize(Instant at) {
        cgminerStartedAt = at;
        enter(MinerState.INITIALIZING, at, seconds(at, timing.initializingSeconds()), null);
    }

    private void enter(MinerState next, Instant at, Instant ends, String why) {
        MinerState from = state;
        state = next;
        since = at;
        phaseEnds = ends;
        description = why;
        // The first state is where the simulation found the unit, not a change.
        if (from != null) {
            transitions.entered(from, next, at, why);
        }
    }

    private static Instant seconds(Instant from, int seconds) {
        return from.plusSeconds(seconds);
    }
}
