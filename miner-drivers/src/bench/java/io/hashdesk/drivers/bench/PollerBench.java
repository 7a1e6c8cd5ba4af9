package io.hashdesk.drivers.bench;

import com.sun.management.OperatingSystemMXBean;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.polling.PollCycle;
import io.hashdesk.core.polling.PollScheduler;
import io.hashdesk.core.polling.PollSettings;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.polling.DriverMinerReader;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Polls a simulated farm (in a child process on loopback) with the real drivers, poller and store, cycle after
 * cycle, and reports per cycle: wall time, CPU used by this process, and heap. The scheduler's clock is moved a
 * minute between cycles so minute-apart cycles run back to back.
 */
final class PollerBench {

    static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final int WARM_UP_CYCLES = 1;
    /** The first healthy block: enough for every connection and JIT path to be warm. */
    private static final int FIRST_BLOCK_CYCLES = 8;
    /**
     * Later blocks, alternating slowed and healthy. Single cycles vary by ±15 % on this machine, so a 10 % effect
     * needs many cycles, interleaved so that drift (page cache, JIT, GC) falls on both sides alike.
     */
    private static final int BLOCK_CYCLES = 6;
    private static final int SLOWED_BLOCKS = 3;
    static final int STEADY_CYCLES = 3;

    /**
     * One measured cycle. {@code wallSeconds} is the time until the cycle's batch was stored; stragglers (reads still
     * running then) are collected by the scheduler's next ticks, and {@code settledSeconds} is the time until the
     * last of them was stored.
     */
    record CycleFigures(double wallSeconds, double cpuSeconds, double simulatorCpuSeconds, long ok, long failed,
                        long deadlineExceeded, long skippedByBreaker, long carriedOver, double settledSeconds,
                        long heapUsedMib) {

        double cpuShareOfOneCore() {
            return cpuSeconds / INTERVAL.toSeconds();
        }

        /**
         * Poller and simulator CPU over the cycle's wall time until everything was stored: on the bench's 2 cores, a
         * figure well below 2 means both processes sat waiting (e.g. for request slots) rather than working.
         */
        double coresBusy() {
            return (cpuSeconds + simulatorCpuSeconds) / settledSeconds;
        }
    }

    private PollerBench() {
    }

    /** Consecutive cycles with ({@code slowed}) or without the hanging miners. */
    record Block(boolean slowed, List<CycleFigures> cycles) {
    }

    /**
     * The simulator process: switches its miners between hanging and answering, and says how much CPU it has used,
     * since it shares the cores with the poller and its work shows in the cycle's wall time.
     */
    interface SimulatorControl {
        void slow() throws Exception;

        void fast() throws Exception;

        Duration cpuTime();
    }

    /**
     * Polls the farm with one scheduler: a warm-up and {@value #FIRST_BLOCK_CYCLES} healthy cycles, then
     * {@value #SLOWED_BLOCKS} times a block of {@value #BLOCK_CYCLES} cycles with the hanging miners followed by one
     * without them. The first cycle of the first slowed block meets the hanging miners for the first time.
     */
    static List<Block> run(List<MinerEndpoint> farm, Path workDir, SimulatorControl simulator) throws Exception {
        ShiftedClock clock = new ShiftedClock();
        Path db = workDir.resolve("poll-bench-" + System.nanoTime() + ".db");
        List<Block> blocks = new ArrayList<>();
        try (SqliteFarmStore store = SqliteFarmStore.open(db, StoreSettings.defaults(), clock);
             VnishDrivers web = new VnishDrivers(DriverOptions.defaults());
             CgminerRpcDrivers rpc = new CgminerRpcDrivers(DriverOptions.defaults());
             DriverMinerReader reader = new DriverMinerReader(web, rpc, m -> MinerCredentials.vnishDefault())) {
            register(store, farm);
            List<Miner> miners = store.registry().miners();
            try (PollScheduler scheduler = new PollScheduler(reader, () -> miners, store.telemetry(), PollSettings.defaults(), clock)) {
                blocks.add(new Block(false, cycles(scheduler, clock, simulator, WARM_UP_CYCLES + FIRST_BLOCK_CYCLES)));
                for (int round = 0; round < SLOWED_BLOCKS; round++) {
                    simulator.slow();
                    blocks.add(new Block(true, cycles(scheduler, clock, simulator, BLOCK_CYCLES)));
                    simulator.fast();
                    blocks.add(new Block(false, cycles(scheduler, clock, simulator, BLOCK_CYCLES)));
                }
            }
        }
        Files.deleteIfExists(db);
        return blocks;
    }

    private static List<CycleFigures> cycles(PollScheduler scheduler, ShiftedClock clock, SimulatorControl simulator,
                                             int count) throws InterruptedException {
        List<CycleFigures> cycles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cycles.add(cycle(scheduler, clock, simulator));
        }
        return cycles;
    }

    /** One poll cycle, then the ticks the scheduler would run in the rest of the minute until every straggler is in. */
    private static CycleFigures cycle(PollScheduler scheduler, ShiftedClock clock, SimulatorControl simulator)
            throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        Duration simulatorBefore = simulator.cpuTime();
        long started = System.nanoTime();
        Optional<PollCycle> result = scheduler.pollDue();
        double wall = (System.nanoTime() - started) / 1e9;
        PollCycle done = result.orElseThrow(() -> new IllegalStateException("no miner was due"));
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long carried = done.metrics().carriedOver();
        long failed = done.metrics().failed();
        long deadline = done.metrics().deadlineExceeded();
        long ok = done.metrics().ok();
        for (long owed = carried; owed > 0; ) {
            Thread.sleep(PollSettings.defaults().tickInterval().toMillis());
            Optional<PollCycle> tick = scheduler.pollDue();
            if (tick.isPresent()) {
                owed -= tick.get().metrics().polled();
                ok += tick.get().metrics().ok();
                failed += tick.get().metrics().failed();
                deadline += tick.get().metrics().deadlineExceeded();
            }
        }
        double settled = (System.nanoTime() - started) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double simulatorCpu = simulator.cpuTime().minus(simulatorBefore).toNanos() / 1e9;
        clock.advance(INTERVAL);
        return new CycleFigures(wall, cpu, simulatorCpu, ok, failed, deadline, done.metrics().skippedByOpenBreaker(), carried,
                settled, heap);
    }

    private static void register(SqliteFarmStore store, List<MinerEndpoint> farm) {
        store.registry().saveSite(new Site("bench", "Benchmark farm", ZoneOffset.UTC));
        store.registry().saveRoom(new Room("hall", "bench", "Hall"));
        int i = 0;
        for (MinerEndpoint e : farm) {
            int rpcPort = e.rpcPort() > 0 ? e.rpcPort() : MinerAddress.DEFAULT_RPC_PORT;
            store.registry().saveMiner(new Miner(MinerId.of(e.minerId()), "bench",
                    new RackPosition("hall", "R" + (i / 100 + 1), i % 100 / 10 + 1, i % 10 + 1),
                    new MinerAddress(e.host(), e.httpPort(), rpcPort), "simulated", "Vnish", Optional.empty()));
            i++;
        }
    }

    /** The cycles after the warm-up: the JIT has compiled the hot paths and the store has every miner's first row. */
    static List<CycleFigures> measured(List<CycleFigures> cycles) {
        return cycles.subList(WARM_UP_CYCLES, cycles.size());
    }

    /** Describes the cycles; {@code firstLabel} names the first one ("warm-up", "first encounter"). */
    static String describe(String scenario, List<CycleFigures> all, String firstLabel, List<CycleFigures> cycles) {
        StringBuilder s = new StringBuilder(scenario).append('\n');
        for (CycleFigures c : all) {
            s.append(c == all.getFirst() ? "  " + firstLabel + ": " : "  cycle: ");
            s.append(String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU (%.1f %% of one core per %d s; simulator"
                            + " %.2f s; both together kept %.2f cores busy), ok %d, failed %d (deadline %d), behind"
                            + " open breaker %d, stragglers %d (all stored after %.2f s), heap %d MiB%n",
                    c.wallSeconds(), c.cpuSeconds(), 100 * c.cpuShareOfOneCore(), INTERVAL.toSeconds(),
                    c.simulatorCpuSeconds(), c.coresBusy(), c.ok(), c.failed(), c.deadlineExceeded(),
                    c.skippedByBreaker(), c.carriedOver(), c.settledSeconds(), c.heapUsedMib()));
        }
        double meanCpu = cycles.stream().mapToDouble(CycleFigures::cpuShareOfOneCore).average().orElse(0);
        s.append(String.format(Locale.ROOT, "  mean over the measured cycles: %.2f s per cycle, %.1f %% of one core;"
                + " steady state (last %d): %.2f s per cycle%n", meanWall(cycles), 100 * meanCpu, STEADY_CYCLES,
                meanWall(steady(cycles))));
        return s.toString();
    }

    static List<CycleFigures> steady(List<CycleFigures> cycles) {
        return cycles.subList(Math.max(0, cycles.size() - STEADY_CYCLES), cycles.size());
    }

    static double meanWall(List<CycleFigures> cycles) {
        return cycles.stream().mapToDouble(CycleFigures::wallSeconds).average().orElse(0);
    }

    static double medianWall(List<CycleFigures> cycles) {
        double[] walls = cycles.stream().mapToDouble(CycleFigures::wallSeconds).sorted().toArray();
        int mid = walls.length / 2;
        return walls.length % 2 == 1 ? walls[mid] : (walls[mid - 1] + walls[mid]) / 2;
    }
}
