package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.FleetDefinition;
import io.hashdesk.drivers.sim.FleetDefinitionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulated farm as its own process, for the demo and for benchmarks that poll it from another process:
 * {@code --farm <file> --endpoints-out <file> [--speed 1] [--scale N] [--http-base P --rpc-base P] [--no-rpc]
 * [--slow-share F --slow-delay-ms D [--slow-on-stdin]]}; the last options make a share F of the miners (evenly
 * spread) answer D ms late, from the start or each time the line {@code slow} is read from standard input (the line
 * {@code fast} makes them answer promptly again), for benchmarks of how timeouts affect a poll cycle.
 * Writes every miner's address as JSON to the endpoints file once all ports are open, then serves until killed.
 */
public final class SimulatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = options(args);
        String farm = options.get("--farm");
        String out = options.get("--endpoints-out");
        if (farm == null || out == null) {
            throw new IllegalArgumentException("usage: --farm <fleet file> --endpoints-out <file> [--speed <x>]"
                    + " [--scale <units>] [--http-base <port> --rpc-base <port>] [--no-rpc]"
                    + " [--slow-share <0..1> --slow-delay-ms <ms> [--slow-on-stdin]]");
        }
        FleetDefinition definition = FleetDefinitionReader.read(Path.of(farm));
        if (options.containsKey("--scale")) {
            definition = definition.scaledTo(Integer.parseInt(options.get("--scale")));
        }
        ServerOptions serverOptions = ServerOptions.defaults().withRpc(!options.containsKey("--no-rpc"));
        if (options.containsKey("--http-base")) {
            serverOptions = serverOptions.withFixedPorts(Integer.parseInt(options.get("--http-base")),
                    Integer.parseInt(options.getOrDefault("--rpc-base", "0")));
        }
        double speed = Double.parseDouble(options.getOrDefault("--speed", "1"));
        FarmSimulation simulation = FarmSimulation.start(definition, "fleet file " + farm, speed, serverOptions);
        Runtime.getRuntime().addShutdownHook(new Thread(simulation::close, "simulator-shutdown"));
        boolean slowOnSignal = options.containsKey("--slow-on-stdin");
        if (options.containsKey("--slow-share") && !slowOnSignal) {
            slowDown(simulation, Double.parseDouble(options.get("--slow-share")),
                    Long.parseLong(options.getOrDefault("--slow-delay-ms", "10000")));
        }
        Path endpoints = Path.of(out);
        Path partial = endpoints.resolveSibling(endpoints.getFileName() + ".tmp");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValue(partial.toFile(), simulation.endpoints());
        // Readers wait for the file to appear, so it must appear complete.
        Files.move(partial, endpoints, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LOG.info("Serving {} simulated miners at {}x; endpoints in {}", simulation.endpoints().size(), speed,
                endpoints.toAbsolutePath());
        if (slowOnSignal) {
            awaitSlowSignal(simulation, Double.parseDouble(options.getOrDefault("--slow-share", "0.05")),
                    Long.parseLong(options.getOrDefault("--slow-delay-ms", "10000")));
        }
        new CountDownLatch(1).await();
    }

    /**
     * Slows the miners down when the line {@code slow} arrives on standard input and speeds them up again on
     * {@code fast}, so a benchmark can meet hanging miners in the middle of a run, with warm connections and a warm
     * JIT, and alternate phases with and without them.
     */
    private static void awaitSlowSignal(FarmSimulation simulation, double share, long delayMillis)
            throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.strip()) {
                case "slow" -> slowDown(simulation, share, delayMillis);
                case "fast" -> speedUp(simulation);
                default -> LOG.warn("Ignoring the line '{}' on standard input: only 'slow' and 'fast' are understood",
                        line.strip());
            }
        }
    }

    private static void speedUp(FarmSimulation simulation) {
        for (MinerEndpoint endpoint : simulation.endpoints()) {
            simulation.server().clear(endpoint.minerId(), Fault.SlowReply.class);
        }
        LOG.info("All {} simulated miners answer promptly again", simulation.endpoints().size());
    }

    private static void slowDown(FarmSimulation simulation, double share, long delayMillis) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("--slow-share must be in (0, 1], got " + share);
        }
        List<MinerEndpoint> endpoints = simulation.endpoints();
        int slowed = 0;
        for (int i = 0; i < endpoints.size(); i++) {
            // evenly spread: miner i is slow when the running count of slow miners falls behind the share
            if (slowed < Math.round((i + 1) * share)) {
                simulation.server().inject(endpoints.get(i).minerId(), new Fault.SlowReply(delayMillis));
                slowed++;
            }
        }
        LOG.info("{} of {} simulated miners answer {} ms late", slowed, endpoints.size(), delayMillis);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-rpc") || args[i].equals("--slow-on-stdin")) {
                options.put(args[i], "");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
        }
        return options;
    }
}
