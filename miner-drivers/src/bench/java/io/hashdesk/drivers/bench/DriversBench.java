package io.hashdesk.drivers.bench;

import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.discovery.DiscoveryTarget;
import io.hashdesk.drivers.discovery.DriverProbe;
import io.hashdesk.drivers.discovery.Ipv4Range;
import io.hashdesk.drivers.discovery.NetworkScanner;
import io.hashdesk.drivers.discovery.ScanProgress;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drivers' benchmark run ({@code ./mvnw -pl miner-drivers -am -Pbench verify}): polling 10,000 simulated miners,
 * with and without 5 % of them timing out, and discovery over 1,024 addresses. Writes
 * {@code <out>/drivers-bench.txt}.
 */
public final class DriversBench {

    private static final int FARM_SIZE = 10_000;
    private static final int HTTP_BASE_PORT = 20_000;
    private static final double SLOW_SHARE = 0.05;
    private static final long SLOW_DELAY_MS = 30_000;
    private static final int DISCOVERY_MINERS = 600;
    private static final int DISCOVERY_TARGETS = 1_024;
    private static final int DISCOVERY_CONCURRENCY = 256;
    /** Below Linux's ephemeral range (32768+), so no client socket of an earlier run can hold one. */
    private static final int DISCOVERY_HTTP_BASE_PORT = 21_000;
    private static final int DISCOVERY_RPC_BASE_PORT = 23_000;

    private DriversBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Path farmFile = Path.of(args.length > 1 ? args[1] : "../assets/demo-farm/demo-farm.json");
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder();
        List<String> base = List.of("--scale", Integer.toString(FARM_SIZE), "--no-rpc", "--http-base",
                Integer.toString(HTTP_BASE_PORT));

        List<String> simArgs = new ArrayList<>(base);
        simArgs.addAll(List.of("--slow-share", Double.toString(SLOW_SHARE), "--slow-delay-ms", Long.toString(SLOW_DELAY_MS),
                "--slow-on-stdin"));
        List<PollerBench.Block> blocks;
        try (SimulatorProcess sim = SimulatorProcess.start(farmFile, out, simArgs)) {
            blocks = PollerBench.run(sim.endpoints(), out, new PollerBench.SimulatorControl() {
                @Override
                public void slow() throws Exception {
                    sim.slowDown();
                }

                @Override
                public void fast() throws Exception {
                    sim.speedUp();
                }

                @Override
                public Duration cpuTime() {
                    return sim.cpuTime();
                }
            });
        }
        report.append(timeoutEffect(blocks));
        publish(out, report);

        report.append(discovery(farmFile, out));
        publish(out, report);
    }

    /**
     * Describes every block, then compares cycle times with and without the hanging miners: each slowed block against
     * the healthy blocks on either side of it, and all slowed cycles against all healthy ones (warm-up left out).
     */
    private static String timeoutEffect(List<PollerBench.Block> blocks) {
        StringBuilder s = new StringBuilder();
        List<PollerBench.CycleFigures> first = blocks.getFirst().cycles();
        s.append(PollerBench.describe("Polling " + FARM_SIZE + " simulated miners, all answering", first, "warm-up",
                PollerBench.measured(first)));
        String slowText = String.format(Locale.ROOT, "%.0f %% of them answering only after %d s (beyond the driver's"
                + " timeout)", 100 * SLOW_SHARE, SLOW_DELAY_MS / 1000);
        List<PollerBench.CycleFigures> healthy = new ArrayList<>(PollerBench.measured(first));
        List<PollerBench.CycleFigures> slowed = new ArrayList<>();
        for (int i = 1; i < blocks.size(); i++) {
            PollerBench.Block block = blocks.get(i);
            String scenario = block.slowed() ? "Then " + slowText : "Then all answering again";
            String firstLabel = block.slowed() ? (i == 1 ? "first encounter" : "slowed again") : "recovered";
            s.append(PollerBench.describe(scenario, block.cycles(), firstLabel, block.cycles()));
            (block.slowed() ? slowed : healthy).addAll(block.cycles());
            if (block.slowed() && i + 1 < blocks.size()) {
                double around = (PollerBench.medianWall(PollerBench.measured(blocks.get(i - 1).cycles()))
                        + PollerBench.medianWall(blocks.get(i + 1).cycles())) / 2;
                s.append(String.format(Locale.ROOT, "  median cycle of this block / healthy blocks on either side:"
                        + " x%.2f%n", PollerBench.medianWall(block.cycles()) / around));
            }
        }
        s.append(String.format(Locale.ROOT, "Timeout effect over %d healthy and %d slowed cycles: median x%.2f, mean"
                        + " x%.2f; first encounter x%.2f of the first block's mean%n%n", healthy.size(), slowed.size(),
                PollerBench.medianWall(slowed) / PollerBench.medianWall(healthy),
                PollerBench.meanWall(slowed) / PollerBench.meanWall(healthy),
                slowed.getFirst().wallSeconds() / PollerBench.meanWall(PollerBench.measured(first))));
        return s.toString();
    }

    /** Written after every part, so a failure later keeps what was measured. */
    private static void publish(Path out, CharSequence report) throws java.io.IOException {
        Files.writeString(out.resolve("drivers-bench.txt"), report, StandardCharsets.UTF_8);
        PrintStream console = System.out;
        console.println(report);
    }

    /** 1,024 targets on loopback, 600 of them simulated miners, then a /22 where nothing listens. */
    private static String discovery(Path farmFile, Path out) throws Exception {
        StringBuilder s = new StringBuilder();
        try (SimulatorProcess sim = SimulatorProcess.start(farmFile, out, List.of("--scale",
                Integer.toString(DISCOVERY_MINERS), "--http-base", Integer.toString(DISCOVERY_HTTP_BASE_PORT), "--rpc-base",
                Integer.toString(DISCOVERY_RPC_BASE_PORT)));
             CgminerRpcDrivers rpc = new CgminerRpcDrivers(DriverOptions.defaults());
             io.hashdesk.drivers.vnish.VnishDrivers web = new io.hashdesk.drivers.vnish.VnishDrivers(DriverOptions.defaults())) {
            List<DiscoveryTarget> targets = new ArrayList<>();
            for (int i = 0; i < DISCOVERY_TARGETS; i++) {
                targets.add(new DiscoveryTarget(new MinerAddress("127.0.0.1", DISCOVERY_HTTP_BASE_PORT + i,
                        DISCOVERY_RPC_BASE_PORT + i)));
            }
            NetworkScanner scanner = new NetworkScanner(DriverProbe.webThenRpc(web, rpc), DISCOVERY_CONCURRENCY);
            NetworkScanner.ScanResult found = scanner.scan(targets, ScanProgress.NONE);
            s.append(String.format(Locale.ROOT, "Discovery: %d targets (127.0.0.1, ports %d-%d), %d simulated miners among them:"
                            + " %d found in %.2f s (%d at a time)%n", DISCOVERY_TARGETS, DISCOVERY_HTTP_BASE_PORT,
                    DISCOVERY_HTTP_BASE_PORT + DISCOVERY_TARGETS - 1, sim.endpoints().size(), found.miners().size(),
                    found.took().toMillis() / 1000.0, DISCOVERY_CONCURRENCY));
            List<DiscoveryTarget> empty = DiscoveryTarget.of(Ipv4Range.parse("127.1.4.0/22"), DISCOVERY_HTTP_BASE_PORT,
                    DISCOVERY_RPC_BASE_PORT);
            NetworkScanner.ScanResult none = scanner.scan(empty, ScanProgress.NONE);
            s.append(String.format(Locale.ROOT, "Discovery: the /22 127.1.4.0/22 (%d addresses, nothing listening): %d found"
                    + " in %.2f s%n", empty.size(), none.miners().size(), none.took().toMillis() / 1000.0));
        }
        return s.toString();
    }
}
