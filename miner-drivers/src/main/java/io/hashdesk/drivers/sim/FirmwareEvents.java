package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes what happens to a unit into its {@link EventLog} in the firmware's words: state changes to the status
 * log, board and fan events to the miner log (in the forms clients search for, e.g. {@code chain#2 - Chain break
 * detected}, {@code fan#1 - LOST}), autotune steps, pool connections (1.3), chip scans (1.3 hwscan), reboots and
 * settings writes to the system log, boots to messages, and the chart annotations {@code /metrics} returns.
 */
final class FirmwareEvents {

    private static final String MINER_NAME = "xminer";

    private final EventLog log;
    private final UnitPhysics unit;
    private final SimulationParameters common;
    /** Bit i set: fan i (board i) was already reported lost (failed). */
    private int lostFans;
    private int failedBoards;
    /** The next time a fan or board fails by itself; until then nothing can change unless a fault is injected. */
    private Instant nextHardwareChange;

    FirmwareEvents(EventLog log, UnitPhysics unit) {
        this.log = log;
        this.unit = unit;
        this.common = unit.physics().common();
    }

    /** A firmware state change; {@code why} is the description the state carries (overheat, failure). */
    void entered(MinerState from, MinerState to, Instant at, String why) {
        switch (to) {
            case OFFLINE -> {
                status(at, EventLog.Level.INFO, "Rebooting");
                log.write(EventLog.LogType.MESSAGES, at, EventLog.Level.INFO, "system: reboot");
                log.annotate(at, EventLog.Event.REBOOT, 0);
            }
            case INITIALIZING -> initializing(from, at);
            case STARTING -> status(at, EventLog.Level.INFO, "Starting mining");
            case AUTO_TUNING -> status(at, EventLog.Level.INFO, "Auto-tuning");
            case MINING -> status(at, EventLog.Level.INFO, "Mining");
            case RESTARTING -> {
                if (why != null) {
                    status(at, EventLog.Level.WARN, "Cooling down the miner - " + why);
                    log.annotate(at, EventLog.Event.OVERHEAT, 0);
                } else {
                    status(at, EventLog.Level.INFO, "Restarting mining");
                    log.annotate(at, EventLog.Event.RESTART, 0);
                }
            }
            case SHUTTING_DOWN -> {
                status(at, EventLog.Level.INFO, "Stopping mining");
                log.annotate(at, EventLog.Event.STOP, 0);
            }
            case STOPPED -> {
                status(at, EventLog.Level.INFO, "Mining stopped");
                if (from != MinerState.SHUTTING_DOWN) {
                    log.annotate(at, EventLog.Event.STOP, 0);
                }
            }
            case FAILURE -> status(at, EventLog.Level.ERROR, "Mining failed - " + why);
        }
    }

    /** Mining starts: power up, count chips per chain (miner log, and 1.3's hwscan log). */
    private void initializing(MinerState from, Instant at) {
        if (from == MinerState.OFFLINE) {
            log.write(EventLog.LogType.MESSAGES, at, EventLog.Level.INFO, "kernel: Booting Linux");
            log.write(EventLog.LogType.SYSTEM, at, EventLog.Level.INFO, "System started");
        } else if (from == MinerState.STOPPED || from == MinerState.SHUTTING_DOWN || from == MinerState.FAILURE) {
            log.annotate(at, EventLog.Event.START, 0);
        }
        status(at, EventLog.Level.INFO, "Initializing miner");
        miner(at, EventLog.Level.INFO, "Initializing PSU");
        for (int b = 0; b < unit.boardCount(); b++) {
            Hashboard board = unit.board(b);
            int found = board.workingChips(at, common.boardPrecursorDays());
            String chips = "chain#" + (b + 1) + " - " + found + " of " + board.chips() + " chips detected";
            EventLog.Level level = found < board.chips() ? EventLog.Level.WARN : EventLog.Level.INFO;
            miner(at, level, chips);
            log.write(EventLog.LogType.HWSCAN, at, level, chips);
        }
    }

    /** Mining began on the active pool (1.3 pool log). */
    void connected(Instant at, List<MinerSettings.Pool> pools, int active) {
        if (active < pools.size() && !pools.get(active).empty()) {
            MinerSettings.Pool pool = pools.get(active);
            log.write(EventLog.LogType.POOL, at, EventLog.Level.INFO, "Pool " + active + " " + pool.url()
                    + " connected, user " + pool.user());
        }
    }

    void poolSwitched(Instant at, int index, MinerSettings.Pool pool) {
        log.write(EventLog.LogType.POOL, at, EventLog.Level.INFO, "Switched to pool " + index + " " + pool.url());
        status(at, EventLog.Level.INFO, "Switched to pool " + index);
    }

    void autotuneStarted(Instant at, PresetInfo preset, PresetTable.Clocks clocks) {
        autotune(at, "Auto-tuning preset " + preset.name() + " (" + preset.pretty() + ")");
        for (int b = 0; b < clocks.voltsPerBoard().length; b++) {
            autotune(at, String.format(Locale.ROOT, "chain#%d - start at %d MHz, %d mV", b + 1,
                    Math.round(clocks.freqMhz()), ModelPhysics.toMillivolts(clocks.voltsPerBoard()[b])));
        }
    }

    void autotuneFinished(Instant at, PresetInfo tuned, PresetTable.Clocks clocks, String hrMeasure) {
        for (int b = 0; b < clocks.voltsPerBoard().length; b++) {
            autotune(at, String.format(Locale.ROOT, "chain#%d - tuned: %d MHz, %d mV", b + 1,
                    Math.round(clocks.freqMhz()), ModelPhysics.toMillivolts(clocks.voltsPerBoard()[b])));
        }
        autotune(at, String.format(Locale.ROOT, "Preset %s tuned: %.0f %s", tuned.name(), tuned.tunedHashrate(),
                hrMeasure));
    }

    void autotuneReset(Instant at, List<String> presets) {
        autotune(at, "Tuning results discarded: " + (presets.isEmpty() ? "none" : String.join(", ", presets)));
    }

    /** A fault was injected or cleared, or the cooling mode changed: look at the hardware on the next step. */
    void hardwareTouched() {
        nextHardwareChange = null;
    }

    /** Fans that stopped and boards that failed since the last step, and those repaired. */
    void hardware(Instant now, boolean immersion) {
        if (nextHardwareChange != null && now.isBefore(nextHardwareChange)) {
            return;
        }
        Instant next = Instant.MAX;
        for (int i = 0; i < unit.fans().count(); i++) {
            next = unit.fans().lost(i, now) ? next : min(next, unit.fans().failsAt(i));
        }
        for (int b = 0; b < unit.boardCount(); b++) {
            next = unit.board(b).failed(now) ? next : min(next, unit.board(b).failsAt());
        }
        nextHardwareChange = next;
        if (!immersion) {
            int lost = 0;
            for (int i = 0; i < unit.fans().count(); i++) {
                lost |= unit.fans().lost(i, now) ? 1 << i : 0;
            }
            for (int i = 0; i < unit.fans().count(); i++) {
                int bit = 1 << i;
                if ((lost & bit) != (lostFans & bit)) {
                    boolean gone = (lost & bit) != 0;
                    miner(now, gone ? EventLog.Level.ERROR : EventLog.Level.INFO, "fan#" + i + (gone ? " - LOST"
                            : " - OK"));
                }
            }
            lostFans = lost;
        }
        int failed = 0;
        for (int b = 0; b < unit.boardCount(); b++) {
            failed |= unit.board(b).failed(now) ? 1 << b : 0;
        }
        for (int b = 0; b < unit.boardCount(); b++) {
            int bit = 1 << b;
            if ((failed & bit) != (failedBoards & bit)) {
                boolean broke = (failed & bit) != 0;
                miner(now, broke ? EventLog.Level.ERROR : EventLog.Level.INFO, "chain#" + (b + 1)
                        + (broke ? " - Chain break detected" : " - board replaced"));
            }
        }
        failedBoards = failed;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    void overheated(Instant at, int boardId, long chipTempC) {
        miner(at, EventLog.Level.ERROR, "chain#" + boardId + " - Overheated, chip temp=" + chipTempC);
    }

    /** A settings write: what it touched (system log), a new preset (miner log), boards switched off or on. */
    void settingsSaved(Instant at, MinerSettings before, MinerSettings after) {
        List<String> parts = new ArrayList<>();
        addIf(parts, "overclock", !before.overclock().equals(after.overclock()));
        addIf(parts, "cooling", !before.cooling().equals(after.cooling()));
        addIf(parts, "misc", !before.misc().equals(after.misc()));
        addIf(parts, "pools", !before.pools().equals(after.pools()));
        addIf(parts, "network", !before.network().equals(after.network()));
        addIf(parts, "regional", !before.timezone().equals(after.timezone()));
        log.write(EventLog.LogType.SYSTEM, at, EventLog.Level.INFO, "Settings saved"
                + (parts.isEmpty() ? ", nothing changed" : ": " + String.join(", ", parts)));
        if (!before.overclock().preset().equals(after.overclock().preset())) {
            miner(at, EventLog.Level.INFO, "Preset changed: " + before.overclock().preset() + " -> "
                    + after.overclock().preset());
        }
        List<MinerSettings.ChainOverclock> was = before.overclock().chains();
        List<MinerSettings.ChainOverclock> now = after.overclock().chains();
        for (int b = 0; b < Math.min(was.size(), now.size()); b++) {
            if (was.get(b).disabled() != now.get(b).disabled()) {
                boolean off = now.get(b).disabled();
                miner(at, EventLog.Level.INFO, "chain#" + (b + 1) + (off ? " - disabled" : " - enabled"));
                log.annotate(at, off ? EventLog.Event.DISABLE_BOARD : EventLog.Event.ENABLE_BOARD, b + 1);
            }
        }
    }

    void presetStepped(Instant at, String from, String to, double chipTempC, boolean down) {
        status(at, down ? EventLog.Level.WARN : EventLog.Level.INFO, String.format(Locale.ROOT,
                "Preset switcher: chip temp %.0f, preset %s -> %s", chipTempC, from, to));
    }

    void powerLimited(Instant at, int limitWatts, int percent, double wallWatts) {
        status(at, EventLog.Level.INFO, String.format(Locale.ROOT, "Power limit %d W: %.0f W, throttle %d%%",
                limitWatts, wallWatts, percent));
    }

    void throttled(Instant at, int percent) {
        status(at, EventLog.Level.INFO, "Throttle set to " + percent + "%");
    }

    void system(Instant at, EventLog.Level level, String text) {
        log.write(EventLog.LogType.SYSTEM, at, level, text);
    }

    void rebootIn(Instant at, Duration after, String why) {
        system(at, EventLog.Level.INFO, why + ", rebooting in " + after.toSeconds() + " s");
        log.write(EventLog.LogType.MESSAGES, at, EventLog.Level.INFO, MINER_NAME + ": " + why);
    }

    private static void addIf(List<String> parts, String part, boolean changed) {
        if (changed) {
            parts.add(part);
        }
    }

    private void status(Instant at, EventLog.Level level, String text) {
        log.write(EventLog.LogType.STATUS, at, level, text);
    }

    private void miner(Instant at, EventLog.Level level, String text) {
        log.write(EventLog.LogType.MINER, at, level, text);
    }

    private void autotune(Instant at, String text) {
        log.write(EventLog.LogType.AUTOTUNE, at, EventLog.Level.INFO, text);
    }
}
