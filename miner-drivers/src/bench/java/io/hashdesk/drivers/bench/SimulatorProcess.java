package io.hashdesk.drivers.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import io.hashdesk.drivers.sim.server.SimulatorMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The simulator in a child JVM on loopback, so its CPU is not counted against the poller being measured. */
final class SimulatorProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final List<MinerEndpoint> endpoints;

    private SimulatorProcess(Process process, List<MinerEndpoint> endpoints) {
        this.process = process;
        this.endpoints = endpoints;
    }

    static SimulatorProcess start(Path farmFile, Path workDir, List<String> extraArgs) throws IOException, InterruptedException {
        Path endpointsFile = workDir.resolve("endpoints-" + System.nanoTime() + ".json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), "--farm", farmFile.toString(), "--endpoints-out", endpointsFile.toString()));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("simulator.log").toFile()).start();
        Instant giveUp = Instant.now().plus(STARTUP_LIMIT);
        while (!Files.exists(endpointsFile)) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                process.destroyForcibly();
                throw new IOException("The simulator did not start; see " + workDir.resolve("simulator.log"));
            }
            Thread.sleep(200);
        }
        List<MinerEndpoint> endpoints = JsonMapper.builder().build().readValue(endpointsFile.toFile(), new TypeReference<>() { });
        return new SimulatorProcess(process, endpoints);
    }

    /** Tells a simulator started with {@code --slow-on-stdin} to slow its miners down now. */
    void slowDown() throws IOException {
        tell("slow");
    }

    /** Tells a simulator started with {@code --slow-on-stdin} to let its slowed miners answer promptly again. */
    void speedUp() throws IOException {
        tell("fast");
    }

    private void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    List<MinerEndpoint> endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** CPU the simulator process has used so far (zero where the OS does not say). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
