package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One simulated Vnish miner: its physical unit, its firmware state machine and its settings, advanced by the
 * fleet's clock. Everything the API serves is read from here, and everything written through the API lands here,
 * so replies stay consistent with each other. Thread-safe: the clock steps it while server threads read and write.
 */
public final class SimulatedMiner {

    private static final String FAN_LOST = "Fan lost";
    private static final String NO_BOARDS = "No hashboards detected";
    private static final int FULL_POWER_PERCENT = 100;
    private static final long UPTIME_STREAM = 71;
    /** Units join the simulation already up for anything from a moment to two weeks. */
    private static final long MAX_START_UPTIME_SECONDS = 14 * 86_400;
    /** The firmware's throttle floor ({@code /mining/throttle} accepts 20..100). */
    public static final int MIN_THROTTLE_PERCENT = 20;

    private final MinerIdentity identity;
    private final long seed;
    private final ModelKit kit;
    private final UnitPhysics unit;
    private final Lifecycle lifecycle;
    private final TuneResults tunes;
    private final List<Fault> faults = new ArrayList<>();
    private final double dustRatePerDay;
    private final String knownPassword;
    private final Set<String> rpcUnanswered;
    private MinerSettings settings;
    /** The pools mining uses: the settings' pools as of the last mining start. */
    private List<MinerSettings.Pool> runningPools;
    private String password;
    private boolean restartRequired;
    private boolean rebootRequired;
    private int activePool;
    private int throttlePercent = FULL_POWER_PERCENT;
    private boolean locateOn;
    private double resistanceFactor = 1;
    private Instant now;
    private Instant countersSince;

    SimulatedMiner(MinerIdentity identity, ModelKit kit, UnitPhysics unit, MinerBlueprint blueprint, Instant start) {
        this.identity = identity;
        this.seed = blueprint.seed();
        this.kit = kit;
        this.unit = unit;
        this.dustRatePerDay = blueprint.dustRatePerDay();
        this.knownPassword = blueprint.password();
        this.password = knownPassword;
        this.rpcUnanswered = Set.copyOf(blueprint.rpcUnanswered());
        this.settings = DefaultSettings.of(identity, blueprint);
        this.runningPools = settings.pools();
        this.now = start;
        this.tunes = new TuneResults(kit.presets(), unit.silicon().boardOffsetsVolts());
        blueprint.tunedPresets().forEach(tunes::tune);
        tunes.tune(blueprint.preset());
        Duration uptime = Duration.ofSeconds(Math.round(Noise.uniform(seed, UPTIME_STREAM, 0) * MAX_START_UPTIME_SECONDS));
        this.lifecycle = new Lifecycle(kit.physics().common().timing(),
                () -> tunes.needsTuning(settings.overclock()), start, uptime);
        this.countersSince = lifecycle.cgminerStartedAt();
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
            tunes.tune(settings.overclock().preset());
        }
        if (!lifecycle.cgminerStartedAt().equals(countersSince)) {
            countersSince = lifecycle.cgminerStartedAt();
            unit.resetCounters();
            runningPools = settings.pools();
            activePool = 0;
            restartRequired = false;
        }
        checkFaultsAndProtections();
        CoolingPolicy cooling = CoolingPolicy.of(settings.cooling(), kit.physics().common().minFanPwmPercent());
        boolean coolingDown = lifecycle.state() == MinerState.RESTARTING && lifecycle.description() != null;
        unit.step(now, dtSeconds, ambientC, targets(), cooling, coolingDown, activePool, dustRatePerDay,
                resistanceFactor);
        double hottest = 0;
        for (int b = 0; b < unit.boardCount(); b++) {
            if (!unit.board(b).failed(now)) {
                hottest = Math.max(hottest, unit.board(b).chipTempC());
            }
        }
        if (lifecycle.state().hashing() && hottest >= settings.misc().restartTempC()) {
            lifecycle.overheat(now, "Overheated, chip temp=" + Math.round(hottest));
        }
    }

    /** Lets the unit settle at its starting clocks without the time counting as history. */
    synchronized void warmUp(double seconds, double ambientC) {
        CoolingPolicy cooling = CoolingPolicy.of(settings.cooling(), kit.physics().common().minFanPwmPercent());
        unit.step(now, seconds, ambientC, targets(), cooling, false, activePool, 0, resistanceFactor);
        unit.resetCounters();
    }

    private void checkFaultsAndProtections() {
        MinerState state = lifecycle.state();
        if (state == MinerState.OFFLINE) {
            return;
        }
        for (Fault fault : faults) {
            if (fault instanceof Fault.RebootLoop(long upSeconds)
                    && Duration.between(lifecycle.bootedAt(), now).toSeconds() >= upSeconds) {
                lifecycle.rebootNow(now);
                return;
            }
        }
        boolean fansShort = settings.cooling().mode() != MinerSettings.FanMode.IMMERSION
                && unit.fans().working(now) < settings.cooling().fanMinCount();
        boolean noBoards = true;
        for (int b = 0; b < unit.boardCount(); b++) {
            noBoards &= unit.board(b).failed(now);
        }
        boolean running = state.hashing() || state == MinerState.INITIALIZING || state == MinerState.STARTING;
        if (running && (fansShort || noBoards)) {
            lifecycle.fail(now, fansShort ? FAN_LOST : NO_BOARDS);
        } else if (state == MinerState.FAILURE && !fansShort && !noBoards) {
            lifecycle.recover(now);
        }
    }

    private UnitPhysics.BoardTarget[] targets() {
        if (!lifecycle.state().hashing()) {
            return null;
        }
        PresetTable.Clocks clocks = runningClocks();
        MinerSettings.Overclock overclock = settings.overclock();
        UnitPhysics.BoardTarget[] targets = new UnitPhysics.BoardTarget[unit.boardCount()];
        for (int b = 0; b < targets.length; b++) {
            MinerSettings.ChainOverclock chain = b < overclock.chains().size() ? overclock.chains().get(b) : null;
            double freq = overclock.manual() && chain != null && chain.freqMhz() > 0 ? chain.freqMhz()
                    : clocks.freqMhz();
            targets[b] = new UnitPhysics.BoardTarget(freq * throttlePercent / FULL_POWER_PERCENT,
                    clocks.voltsPerBoard()[b], chain == null || !chain.disabled());
        }
        return targets;
    }

    /** The clocks the chips run now: manual globals, the unit's tune result, or the stock table while untuned. */
    private PresetTable.Clocks runningClocks() {
        return tunes.clocks(settings.overclock(), lifecycle.state() == MinerState.AUTO_TUNING);
    }

    // ---- what the API reads -------------------------------------------------------------------------------------

    public synchronized Instant now() {
        return now;
    }

    public synchronized MinerReading reading() {
        // While hashing the boards know their ideal rate (per-board clocks, throttle); otherwise price the settings.
        PresetTable.Clocks clocks = runningClocks();
        double nominal = 0;
        for (int b = 0; b < unit.boardCount(); b++) {
            Hashboard board = unit.board(b);
            nominal += lifecycle.state().hashing() ? board.last().idealHashrate()
                    : kit.physics().idealHashrate(clocks.freqMhz() * throttlePercent / FULL_POWER_PERCENT,
                            board.workingChips(now, kit.physics().common().boardPrecursorDays()));
        }
        return ReadingAssembler.reading(unit, lifecycle, now,
                new ReadingAssembler.Context(settings, runningPools, nominal, activePool, throttlePercent, locateOn,
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

    public synchronized int throttlePercent() {
        return throttlePercent;
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
        return lifecycle.state() != MinerState.OFFLINE && faults.stream().noneMatch(Fault.Unreachable.class::isInstance);
    }

    /** Every preset the model offers, {@code disabled} first, with this unit's tune state. */
    public synchronized List<PresetInfo> presets() {
        return tunes.infos();
    }

    /** The preset running now ({@code perf-summary.current_preset}). */
    public synchronized PresetInfo currentPreset() {
        return tunes.info(settings.overclock().preset());
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
        if (!previous.overclock().equals(next.overclock()) && lifecycle.state() != MinerState.STOPPED) {
            lifecycle.restart(now);
        }
        restartRequired |= !previous.pools().equals(next.pools());
        rebootRequired |= !previous.network().equals(next.network()) || !previous.timezone().equals(next.timezone());
        return new SaveResult(restartRequired, rebootRequired);
    }

    public synchronized void changePassword(String value) {
        password = value;
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
        return lifecycle.scheduleReboot(now);
    }

    /** Switches to pool {@code index} of those mining uses; false when that slot is empty or missing. */
    public synchronized boolean switchPool(int index) {
        if (index < 0 || index >= runningPools.size() || runningPools.get(index).empty()) {
            return false;
        }
        activePool = index;
        return true;
    }

    public synchronized boolean toggleLocate() {
        locateOn = !locateOn;
        return locateOn;
    }

    /** 1.3.x power throttle: scales the chips' frequency to this share of full (20..100 %). */
    public synchronized void throttle(int percent) {
        throttlePercent = Math.clamp(percent, MIN_THROTTLE_PERCENT, FULL_POWER_PERCENT);
    }

    /** Forgets autotune results; the running preset retunes at the next start if it was among them. */
    public synchronized void resetAutotune(List<String> names, boolean restart) {
        tunes.forget(names);
        if (restart) {
            lifecycle.restart(now);
        }
    }

    public synchronized void resetAllAutotune(boolean restart) {
        resetAutotune(tunes.tunedNames(), restart);
    }

    // ---- faults and ground truth --------------------------------------------------------------------------------

    public synchronized void inject(Fault fault) {
        clear(fault.getClass());
        faults.add(fault);
        switch (fault) {
            case Fault.FanFailure(int fan) -> unit.fans().forceLost(fan, now);
            case Fault.HashboardFailure(int board) -> unit.board(board - 1).forceFailure(now);
            case Fault.Overheating(double factor) -> resistanceFactor = factor;
            case Fault.WrongPassword _ -> password = knownPassword + "-changed-" + Long.toHexString(now.toEpochMilli());
            default -> {
            }
        }
    }

    /** Removes a fault; for physical faults this is the repair (new fan, new board, airflow restored). */
    public synchronized void clear(Class<? extends Fault> type) {
        for (Fault fault : List.copyOf(faults)) {
            if (!type.isInstance(fault)) {
                continue;
            }
            faults.remove(fault);
            switch (fault) {
                case Fault.FanFailure(int fan) -> unit.fans().replace(fan, now);
                case Fault.HashboardFailure(int board) -> unit.board(board - 1).replace(now, seed,
                        kit.physics().common());
                case Fault.Overheating _ -> resistanceFactor = 1;
                case Fault.WrongPassword _ -> password = knownPassword;
                default -> {
                }
            }
        }
    }

    public synchronized List<Fault> faults() {
        return List.copyOf(faults);
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
