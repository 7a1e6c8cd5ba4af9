package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.sim.MinerBlueprint;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FarmSimulationTest {

    private static final Path DEMO_FARM = Path.of(System.getProperty("user.dir"))
            .resolve("../assets/demo-farm/demo-farm.json");

    @Test
    void theDemoFarmServesSixtyMinersOnLoopbackOnARunningClock() throws IOException, InterruptedException {
        try (FarmSimulation farm = FarmSimulation.start(DEMO_FARM, 100, ServerOptions.defaults())) {
            List<MinerEndpoint> endpoints = farm.endpoints();
            assertEquals(60, endpoints.size());
            Set<Integer> ports = new HashSet<>();
            for (MinerEndpoint endpoint : endpoints) {
                assertEquals("127.0.0.1", endpoint.host());
                ports.add(endpoint.httpPort());
                ports.add(endpoint.rpcPort());
            }
            assertEquals(120, ports.size(), "every miner has its own two ports");
            Instant before = farm.clock().instant();
            Thread.sleep(300);
            assertTrue(farm.clock().instant().isAfter(before.plusSeconds(10)), "the clock runs at 100x");
            ApiClient s21 = new ApiClient(farm.server().endpoint("B-S21-01"));
            assertEquals("1.3.4", s21.get("/info").json().get("fw_version").asText());
            assertEquals("3250", s21.get("/perf-summary").json().at("/current_preset/name").asText());
            ApiClient s19 = new ApiClient(farm.server().endpoint("A-S19-01"));
            assertTrue(s19.rpc("{\"command\":\"version\"}").contains("VERSION"));
            assertEquals("", s21.rpc("{\"command\":\"version\"}"), "the S21 build leaves version unanswered");
        }
    }

    @Test
    void controlRoutesCanAnswerEmptyJsonForClientsThatNeedIt() {
        try (ServedFarm farm = ServedFarm.of(ServerOptions.defaults().withEmptyControlReplies(false),
                MinerBlueprint.of("m", "antminer-s19", "1.2.7", 1))) {
            ApiClient api = farm.api("m");
            assertEquals("{}", api.post("/mining/restart", "", "Bearer " + api.unlock("admin")).body());
        }
    }

    @Test
    void idleKeepAliveConnectionsAreClosedAfterTheIdleTimeout() throws IOException {
        try (ServedFarm farm = ServedFarm.of(ServerOptions.defaults().withIdleTimeout(Duration.ofMillis(200)),
                MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2))) {
            MinerEndpoint endpoint = farm.server().endpoint("m");
            try (Socket socket = new Socket(endpoint.host(), endpoint.httpPort())) {
                socket.setSoTimeout(2_000);
                socket.getOutputStream().write("GET /api/v1/model HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                String head = new String(in.readNBytes(15), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 200 OK", head);
                // The rest of the reply, then end of stream; had the server kept the connection, this would time out.
                in.readAllBytes();
                assertEquals(-1, in.read(), "the server closed the idle connection");
            }
        }
    }
}
