package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One simulated Vnish miner: its physical unit, its firmware state machine and its settings, advanced by the
 * fleet's clock. Everything the API serves is read from here, and everything written through the API lands here,
 * so replies stay consistent with each other. Thread-safe: the clock steps it while server threads read and write.
 */
public final class SimulatedMiner {

    private static final int FULL_POWER_PERCENT = 100;
    private static final long UPTIME_STREAM = 71;
    /** Units join the simulation already up for anything from a moment to two weeks. */
    private static final long MAX_START_UPTIME_SECONDS = 14 * 86_400;
    /** The firmware's throttle floor ({@code /mining/throttle} accepts 20..100). */
    public static final int MIN_THROTTLE_PERCENT = 20;

    private final MinerIdentity identity;
    private final MinerBlueprint blueprint;
    private final long seed;
    private final ModelKit kit;
    private final UnitPhysics unit;
    private final Lifecycle lifecycle;
    private final TuneResults tunes;
    private final UnitFaults faults;
    private final Set<String> rpcUnanswered;
    private final EventLog log;
    private final FirmwareEvents events;
    private final MetricsHistory history;
    private final FirmwareControls controls;
    private MinerSettings settings;
    /** The pools mining uses: the settings' pools as of the last mining start. */
    private List<MinerSettings.Pool> runningPools;
    private String password;
    private boolean restartRequired;
    private boolean rebootRequired;
    private int activePool;
    private boolean locateOn;
    private Instant now;

    SimulatedMiner(MinerIdentity identity, ModelKit kit, UnitPhysics unit, MinerBlueprint blueprint, Instant start) {
        this.identity = identity;
        this.blueprint = blueprint;
        this.seed = blueprint.seed();
        this.kit = kit;
        this.unit = unit;
        this.faults = new UnitFaults(unit, seed);
        this.password = blueprint.password();
        this.rpcUnanswered = Set.copyOf(blueprint.rpcUnanswered());
        this.settings = DefaultSettings.of(identity, blueprint);
        this.runningPools = settings.pools();
        this.now = start;
        this.tunes = new TuneResults(kit.presets(), unit.silicon().boardOffsetsVolts());
        blueprint.tunedPresets().forEach(tunes::tune);
        tunes.tune(blueprint.preset());
        FirmwareLimits limits = common().firmwareLimits();
        this.log = new EventLog(identity.firmware(), limits);
        this.events = new FirmwareEvents(log, unit);
        this.history = new MetricsHistory(limits);
        this.controls = new FirmwareControls(limits, events);
        Duration uptime = Duration.ofSeconds(Math.round(Noise.uniform(seed, UPTIME_STREAM, 0) * MAX_START_UPTIME_SECONDS));
        this.lifecycle = new Lifecycle(common().timing(),
                () -> tunes.needsTuning(runningOverclock()), this::entered, start, uptime);
        blueprint.faults().forEach(this::inject);
    }

    public MinerIdentity identity() {
        return identity;
    }

    public String id() {
        return identity.id();
    }

    public ModelSpec model() {
        return identity.model();
    }

    public FirmwareVersion firmware() {
        return identity.firmware();
    }

    /** Advances this unit to {@code to}; called by the fleet, never by the API. */
    synchronized void step(Instant to, double dtSeconds, double ambientC) {
        now = to;
        lifecycle.advance(now);
        if (lifecycle.takeTuned()) {
            String preset = runningOverclock().preset();
            tunes.tune(preset);
            events.autotuneFinished(now, tunes.info(preset), runningClocks(), model().hrMeasure());
        }
        faults.protect(lifecycle, settings.cooling(), now);
        CoolingPolicy cooling = CoolingPolicy.of(settings.cooling(), common().minFanPwmPercent());
        boolean coolingDown = lifecycle.state() == MinerState.RESTARTING && lifecycle.description() != null;
        unit.step(now, dtSeconds, ambientC, targets(), cooling, coolingDown, activePool, blueprint.dustRatePerDay(),
                faults.resistanceFactor());
        int hottestBoard = unit.hottestBoard(now);
        double hottest = hottestBoard < 0 ? 0 : unit.board(hottestBoard).chipTempC();
        if (lifecycle.state().hashing() && hottest >= settings.misc().restartTempC()) {
            events.overheated(now, hottestBoard + 1, Math.round(hottest));
            lifecycle.overheat(now, "Overheated, chip temp=" + Math.round(hottest));
        }
        afterStep(dtSeconds, ambientC, hottest);
    }

    /** What the firmware does with each step's figures: log hardware changes, keep history, run its control loops. */
    private void afterStep(double dtSeconds, double ambientC, double hottestC) {
        events.hardware(now, settings.cooling().mode() == MinerSettings.FanMode.IMMERSION);
        if (lifecycle.state() == MinerState.OFFLINE) {
            return;
        }
        double wall = unit.wallWatts(now);
        double pcbC = hottestC > 0 ? UnitPhysics.ThermalSpread.of(hottestC, ambientC, common()).pcbMaxC() : 0;
        history.record(now, dtSeconds, unit.hashrate(), wall, hottestC, pcbC, unit.fans().dutyPercent());
        if (controls.afterStep(now, settings, lifecycle.state(), wall, hottestC, tunes.ladder())) {
            lifecycle.restart(now);
        }
    }

    /** A state change: log it, and do what the firmware does on entering some states. */
    private void entered(MinerState from, MinerState to, Instant at, String why) {
        events.entered(from, to, at, why);
        switch (to) {
            case OFFLINE -> controls.reset();
            case INITIALIZING -> {
                // cgminer starts again: counters from zero, the pools as now configured.
                unit.resetCounters();
                runningPools = settings.pools();
                activePool = 0;
                restartRequired = false;
            }
            case AUTO_TUNING -> events.autotuneStarted(at, currentPreset(), runningClocks());
            default -> {
            }
        }
        if (to.hashing() && !from.hashing()) {
            events.connected(at, runningPools, activePool);
        }
    }

    /** Lets the unit settle at its starting clocks without the time counting as history. */
    synchronized void warmUp(double seconds, double ambientC) {
        CoolingPolicy cooling = CoolingPolicy.of(settings.cooling(), common().minFanPwmPercent());
        unit.step(now, seconds, ambientC, targets(), cooling, false, activePool, 0, faults.resistanceFactor());
        unit.resetCounters();
    }

    /** Per-board clocks while hashing, null while the chips are idle. */
    private UnitPhysics.BoardTarget[] targets() {
        return lifecycle.state().hashing() ? controls.targets(settings.overclock(), runningClocks()) : null;
    }

    /** The clocks the chips run now: manual globals, the unit's tune result, or the stock table while untuned. */
    private PresetTable.Clocks runningClocks() {
        return tunes.clocks(runningOverclock(), lifecycle.state() == MinerState.AUTO_TUNING);
    }

    /** The overclock settings with the preset the switcher runs in place of the configured one. */
    private MinerSettings.Overclock runningOverclock() {
        return controls.running(settings.overclock());
    }

    // ---- what the API reads -------------------------------------------------------------------------------------

    public synchronized Instant now() {
        return now;
    }

    /** What a meter on the miner's feed would measure now: its true wall power, 0 when it is off. */
    public synchronized double wallWatts() {
        return lifecycle.state() == MinerState.OFFLINE ? 0 : unit.wallWatts(now);
    }

    public synchronized MinerReading reading() {
        // While hashing the boards know their ideal rate (per-board clocks, throttle); otherwise price the settings.
        PresetTable.Clocks clocks = runningClocks();
        double nominal = 0;
        for (int b = 0; b < unit.boardCount(); b++) {
            Hashboard board = unit.board(b);
            nominal += lifecycle.state().hashing() ? board.last().idealHashrate()
                    : kit.physics().idealHashrate(clocks.freqMhz() * throttlePercent() / FULL_POWER_PERCENT,
                            board.workingChips(now, common().boardPrecursorDays()));
        }
        return ReadingAssembler.reading(unit, lifecycle, now,
                new ReadingAssembler.Context(settings, runningPools, nominal, activePool, throttlePercent(), locateOn,
                        seed));
    }

    /** Chip-level detail of board {@code boardId} (1-based). */
    public synchronized List<MinerReading.ChipReading> chips(int boardId) {
        Hashboard.Step last = unit.board(boardId - 1).last();
        double volts = last.volts() > 0 ? last.volts() : runningClocks().voltsPerBoard()[boardId - 1];
        return unit.chips(boardId - 1, now, volts);
    }

    public synchronized MinerSettings settings() {
        return settings;
    }

    public synchronized MinerState state() {
        return lifecycle.state();
    }

    /** Pending work: a pool change waits for a mining restart, a network change for a reboot. */
    public synchronized SaveResult pending() {
        return new SaveResult(restartRequired, rebootRequired);
    }

    public synchronized boolean locateOn() {
        return locateOn;
    }

    /** The share of full power the chips may use: the API's throttle or the power limit's, whichever is lower. */
    public synchronized int throttlePercent() {
        return controls.throttlePercent();
    }

    public synchronized int activePool() {
        return activePool;
    }

    public synchronized int restartCount() {
        return lifecycle.restartCount();
    }

    /** Counts boots, so that a server can drop sessions when the unit reboots. */
    public synchronized int bootCount() {
        return lifecycle.bootCount();
    }

    /** Whether the ports are open: not rebooting, and not made unreachable by a fault. */
    public synchronized boolean reachable() {
        return lifecycle.state() != MinerState.OFFLINE && !faults.any(Fault.Unreachable.class);
    }

    /** Every preset the model offers, {@code disabled} first, with this unit's tune state. */
    public synchronized List<PresetInfo> presets() {
        return tunes.infos();
    }

    /** The preset running now ({@code perf-summary.current_preset}); the preset switcher may have stepped it. */
    public synchronized PresetInfo currentPreset() {
        return tunes.info(runningOverclock().preset());
    }

    public synchronized boolean presetExists(String name) {
        return tunes.exists(name);
    }

    /** RPC commands this unit's firmware build leaves unanswered (lower case). */
    public Set<String> rpcUnanswered() {
        return rpcUnanswered;
    }

    public synchronized String password() {
        return password;
    }

    // ---- what the API writes ------------------------------------------------------------------------------------

    /**
     * Replaces the settings. New clocks take effect through a mining restart (and an autotune first for an untuned
     * preset); cooling and protection apply at once; pools wait for the next restart, network for a reboot.
     */
    public synchronized SaveResult applySettings(MinerSettings next) {
        MinerSettings previous = settings;
        settings = next;
        if (controls.settingsChanged(previous.overclock(), next.overclock())
                && lifecycle.state() != MinerState.STOPPED) {
            lifecycle.restart(now);
        }
        restartRequired |= !previous.pools().equals(next.pools());
        rebootRequired |= !previous.network().equals(next.network()) || !previous.timezone().equals(next.timezone());
        events.settingsSaved(now, previous, next);
        events.hardwareTouched();
        return new SaveResult(restartRequired, rebootRequired);
    }

    /** The settings and password the unit was built with, then a reboot in the returned time; tunes stay. */
    public synchronized Duration factoryReset() {
        settings = DefaultSettings.of(identity, blueprint);
        password = blueprint.password();
        restartRequired = false;
        rebootRequired = false;
        controls.reset();
        events.hardwareTouched();
        Duration after = lifecycle.scheduleReboot(now);
        events.rebootIn(now, after, "Factory reset");
        return after;
    }

    public synchronized void changePassword(String value) {
        password = value;
        events.system(now, EventLog.Level.INFO, "Password changed");
    }

    public synchronized void startMining() {
        lifecycle.start(now);
    }

    public synchronized void stopMining() {
        lifecycle.stop(now);
    }

    public synchronized void pauseMining() {
        lifecycle.pause(now);
    }

    public synchronized void restartMining() {
        lifecycle.restart(now);
    }

    /** Schedules a reboot and says in how many seconds it happens. */
    public synchronized Duration reboot() {
        rebootRequired = false;
        Duration after = lifecycle.scheduleReboot(now);
        events.rebootIn(now, after, "Reboot requested");
        return after;
    }

    /** Switches to pool {@code index} of those mining uses; false when that slot is empty or missing. */
    public synchronized boolean switchPool(int index) {
        if (index < 0 || index >= runningPools.size() || runningPools.get(index).empty()) {
            return false;
        }
        activePool = index;
        events.poolSwitched(now, index, runningPools.get(index));
        return true;
    }

    public synchronized boolean toggleLocate() {
        locateOn = !locateOn;
        return locateOn;
    }

    /** 1.3.x power throttle: scales the chips' frequency to this share of full (20..100 %). */
    public synchronized void throttle(int percent) {
        controls.throttle(now, percent);
    }

    /** Forgets autotune results; the running preset retunes at the next start if it was among them. */
    public synchronized void resetAutotune(List<String> names, boolean restart) {
        tunes.forget(names);
        events.autotuneReset(now, names);
        if (restart) {
            lifecycle.restart(now);
        }
    }

    public synchronized void resetAllAutotune(boolean restart) {
        resetAutotune(tunes.tunedNames(), restart);
    }

    /** The unit's logs and chart annotations; the server adds its API lines and clears logs here. */
    public EventLog log() {
        return log;
    }

    /** How much this unit's firmware keeps (history, logs, notes, API keys). */
    public FirmwareLimits limits() {
        return common().firmwareLimits();
    }

    private SimulationParameters common() {
        return kit.physics().common();
    }

    /** The unit's history over the last {@code slice}, resampled to {@code step} ({@code /metrics}). */
    public synchronized List<MetricPoint> metrics(Duration slice, Duration step) {
        return history.series(now, slice, step);
    }

    // ---- faults and ground truth --------------------------------------------------------------------------------

    public synchronized void inject(Fault fault) {
        faults.inject(fault, now);
        events.hardwareTouched();
        if (fault instanceof Fault.WrongPassword) {
            password = blueprint.password() + "-changed-" + Long.toHexString(now.toEpochMilli());
        }
    }

    /** Removes a fault; for physical faults this is the repair (new fan, new board, airflow restored). */
    public synchronized void clear(Class<? extends Fault> type) {
        events.hardwareTouched();
        if (faults.clear(type, now).stream().anyMatch(Fault.WrongPassword.class::isInstance)) {
            password = blueprint.password();
        }
    }

    public synchronized List<Fault> faults() {
        return faults.all();
    }

    /** A technician blows the dust out. */
    public synchronized void cleanDust() {
        unit.cleanDust();
    }

    /** The hidden truth about this unit now; see {@link GroundTruth}. */
    public synchronized GroundTruth groundTruth() {
        return GroundTruthProbe.of(identity, kit, unit, settings, now);
    }

    /** Where this unit would settle on manual clocks at this frequency and voltage under current conditions. */
    public synchronized OperatingPoint steadyStateAt(int freqMhz, int voltage10mV) {
        return GroundTruthProbe.steadyState(kit, unit, settings, now, freqMhz, voltage10mV);
    }
}
