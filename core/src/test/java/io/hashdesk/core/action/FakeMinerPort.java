package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Miners in memory behind {@link MinerSettingsPort}: each runs full settings, reports telemetry that follows them
 * (a {@link Health} per settings the test chooses) and fails on demand: unreachable for a number of calls or from a
 * write on, rejected writes, read-backs that differ, refused restores, and a simulated crash at the n-th call.
 */
final class FakeMinerPort implements MinerSettingsPort {

    /** What the executor's thread dies of when the test "kills the app". */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(int call) {
            super("simulated crash at port call " + call);
        }
    }

    /** What a miner reports while running some settings. */
    record Health(double hashrateThs, double chipTempC, double hardwareErrorsPerShare, MinerStatus status) {
        static final Health FINE = new Health(100.0, 70.0, 0.0, MinerStatus.MINING);
    }

    static final class FakeMiner {
        volatile SettingValues settings;
        volatile Function<SettingValues, Health> health = s -> Health.FINE;
        volatile int unreachableCalls;
        volatile boolean unreachable;
        volatile int vanishAtWrite;
        volatile boolean rejectWrites;
        volatile boolean rejectRestore;
        volatile int frequencyReadBackOffsetMhz;
        volatile FirmwareBackup backup;
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger restores = new AtomicInteger();
        long accepted = 10_000;
        long hardwareErrors = 10;

        FakeMiner(SettingValues settings) {
            this.settings = settings;
        }
    }

    private final Map<MinerId, FakeMiner> miners = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int crashAtCall;
    private volatile boolean crashAfterEffect;
    final List<SettingValues> written = java.util.Collections.synchronizedList(new ArrayList<>());

    FakeMinerPort(Clock clock) {
        this.clock = clock;
    }

    FakeMiner add(MinerId id, SettingValues settings) {
        FakeMiner miner = new FakeMiner(settings);
        miners.put(id, miner);
        return miner;
    }

    FakeMiner miner(MinerId id) {
        return miners.get(id);
    }

    /** The n-th call from now on (1 = the next) throws {@link SimulatedCrash}, before or after it takes effect. */
    void crashAtCall(int n, boolean afterEffect) {
        crashAtCall = calls.get() + n;
        crashAfterEffect = afterEffect;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public SettingValues read(MinerId id) throws MinerAccessException {
        FakeMiner miner = enter(id);
        return crashAfter(miner.settings);
    }

    @Override
    public SettingValues write(MinerId id, SettingValues change) throws MinerAccessException {
        int call = calls.incrementAndGet();
        FakeMiner miner = reachable(id);
        int write = miner.writes.incrementAndGet();
        if (miner.vanishAtWrite > 0 && write >= miner.vanishAtWrite) {
            miner.unreachable = true;
            throw new MinerAccessException(Failure.UNREACHABLE, id + " vanished");
        }
        if (call == crashAtCall && !crashAfterEffect) {
            throw new SimulatedCrash(call);
        }
        if (miner.rejectWrites) {
            throw new MinerAccessException(Failure.REJECTED, id + " refused the settings");
        }
        written.add(change);
        miner.settings = apply(miner.settings, change);
        SettingValues readBack = SettingParts.restrict(miner.settings, miner.settings, change);
        if (miner.frequencyReadBackOffsetMhz != 0 && readBack.frequencyMhz() != null) {
            readBack = readBack.withClocks(readBack.frequencyMhz() + miner.frequencyReadBackOffsetMhz,
                    readBack.voltageVolts());
        }
        if (call == crashAtCall) {
            throw new SimulatedCrash(call);
        }
        return readBack;
    }

    @Override
    public FirmwareBackup backup(MinerId id) throws MinerAccessException {
        FakeMiner miner = enter(id);
        miner.backup = new FirmwareBackup(clock.instant(), "fake 1.0",
                ("archive of " + id).getBytes(StandardCharsets.UTF_8), "{\"settings\":\"" + id + "\"}");
        backups.put(id, miner.settings);
        return crashAfter(miner.backup);
    }

    private final Map<MinerId, SettingValues> backups = new ConcurrentHashMap<>();

    @Override
    public void restore(MinerId id, FirmwareBackup backup) throws MinerAccessException {
        FakeMiner miner = enter(id);
        if (miner.rejectRestore || !backups.containsKey(id)) {
            throw new MinerAccessException(Failure.REJECTED, id + " refused the backup");
        }
        miner.restores.incrementAndGet();
        miner.settings = backups.get(id);
        crashAfter(null);
    }

    @Override
    public TelemetrySnapshot observe(MinerId id) throws MinerAccessException {
        FakeMiner miner = enter(id);
        Health health = miner.health.apply(miner.settings);
        long shares = 1_000;
        synchronized (miner) {
            miner.accepted += shares;
            miner.hardwareErrors += Math.round(shares * health.hardwareErrorsPerShare());
        }
        return crashAfter(new TelemetrySnapshot(id, clock.instant(), health.status(), health.hashrateThs(),
                health.hashrateThs(), List.of(), health.chipTempC(), health.chipTempC() - 10, List.of(6000, 6000),
                50.0, 3000.0, 13.5, 600.0, null, "pool.example.com:3333", miner.accepted, 5L, miner.hardwareErrors,
                Duration.ofHours(5)));
    }

    private FakeMiner enter(MinerId id) throws MinerAccessException {
        int call = calls.incrementAndGet();
        FakeMiner miner = reachable(id);
        if (call == crashAtCall && !crashAfterEffect) {
            throw new SimulatedCrash(call);
        }
        return miner;
    }

    private <T> T crashAfter(T result) {
        if (calls.get() == crashAtCall && crashAfterEffect) {
            throw new SimulatedCrash(calls.get());
        }
        return result;
    }

    private FakeMiner reachable(MinerId id) throws MinerAccessException {
        FakeMiner miner = miners.get(id);
        if (miner == null || miner.unreachable) {
            throw new MinerAccessException(Failure.UNREACHABLE, id + " does not answer");
        }
        if (miner.unreachableCalls > 0) {
            miner.unreachableCalls--;
            throw new MinerAccessException(Failure.TIMEOUT, id + " timed out");
        }
        return miner;
    }

    /** The miner's settings after a write: the clock parts replace each other as a group. */
    static SettingValues apply(SettingValues current, SettingValues change) {
        SettingValues out = current;
        if (SettingParts.setsClocks(change)) {
            if (change.preset() != null) {
                out = out.withPreset(change.preset());
            } else if (change.powerTargetWatts() != null) {
                out = out.withPowerTarget(change.powerTargetWatts());
            } else {
                out = out.withClocks(change.frequencyMhz() != null ? change.frequencyMhz() : current.frequencyMhz(),
                        change.voltageVolts() != null ? change.voltageVolts() : current.voltageVolts());
            }
        }
        if (change.targetTempC() != null || change.fanMinDutyPercent() != null) {
            out = out.withCooling(change.targetTempC() != null ? change.targetTempC() : out.targetTempC(),
                    change.fanMinDutyPercent() != null ? change.fanMinDutyPercent() : out.fanMinDutyPercent());
        }
        if (change.throttlePercent() != null) {
            out = out.withThrottle(change.throttlePercent());
        }
        if (change.miningPaused() != null) {
            out = out.withMiningPaused(change.miningPaused());
        }
        if (change.pools() != null) {
            out = out.withPools(change.pools());
        }
        return out;
    }
}
