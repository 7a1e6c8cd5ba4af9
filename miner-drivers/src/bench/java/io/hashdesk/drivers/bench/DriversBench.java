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
        PollerBench.Phases phases;
        try (SimulatorProcess sim = SimulatorProcess.start(farmFile, out, simArgs)) {
            phases = PollerBench.run(sim.endpoints(), out, sim::slowDown);
        }
        List<PollerBench.CycleFigures> healthy = PollerBench.measured(phases.healthy());
        List<PollerBench.CycleFigures> slowed = phases.slowed();
        report.append(PollerBench.describe("Polling " + FARM_SIZE + " simulated miners, all answering",
                phases.healthy(), "warm-up", healthy));
        report.append(PollerBench.describe(String.format(Locale.ROOT,
                "Then %.0f %% of them answering only after %d s (beyond the driver's timeout)", 100 * SLOW_SHARE,
                SLOW_DELAY_MS / 1000), slowed, "first encounter", slowed));
        double healthyMean = PollerBench.meanWall(healthy);
        report.append(String.format(Locale.ROOT, "  cycle time with timeouts / without: first encounter x%.2f,"
                        + " mean x%.2f, steady state x%.2f%n%n", slowed.getFirst().wallSeconds() / healthyMean,
                PollerBench.meanWall(slowed) / healthyMean,
                PollerBench.meanWall(PollerBench.steady(slowed)) / PollerBench.meanWall(PollerBench.steady(healthy))));
        publish(out, report);

        report.append(discovery(farmFile, out));
        publish(out, report);
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
