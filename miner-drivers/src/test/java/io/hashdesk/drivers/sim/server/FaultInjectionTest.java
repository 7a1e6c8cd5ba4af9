package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    /**
     * Nobody listens on {@code port}. A connect to a closed loopback port in the ephemeral range can, rarely,
     * succeed by connecting the client socket to itself (TCP simultaneous open); that also proves no listener.
     */
    private static void assertRefused(MinerEndpoint endpoint, int port) {
        try (Socket socket = new Socket(endpoint.host(), port)) {
            assertEquals(port, socket.getLocalPort(), "port " + port + " should refuse connections");
        } catch (ConnectException refused) {
            // nothing listens: what the test wants
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRebootTakesBothPortsOfflineForTheRebootTime() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 1))) {
            ApiClient api = farm.api("m");
            MinerEndpoint endpoint = farm.server().endpoint("m");
            JsonNode after = api.post("/system/reboot", "{\"after\":3}", "Bearer " + api.unlock("admin")).json();
            assertEquals(3, after.get("after").asInt());
            farm.advance(Duration.ofSeconds(2));
            assertEquals(200, api.get("/info").status(), "still up during the promised delay");
            farm.advance(Duration.ofSeconds(2));
            assertRefused(endpoint, endpoint.httpPort());
            assertRefused(endpoint, endpoint.rpcPort());
            farm.advance(Duration.ofSeconds(80));
            assertRefused(endpoint, endpoint.httpPort());
            farm.advance(Duration.ofSeconds(15));
            assertEquals(endpoint, farm.server().endpoint("m"), "same ports after the reboot");
            assertEquals("initializing", api.get("/status").json().get("miner_state").asText());
            assertTrue(api.rpc("{\"command\":\"summary\"}").contains("SUMMARY"));
        }
    }

    @Test
    void anUnreachableMinerRefusesUntilTheFaultIsCleared() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2))) {
            MinerEndpoint endpoint = farm.server().endpoint("m");
            farm.server().inject("m", new Fault.Unreachable());
            assertRefused(endpoint, endpoint.httpPort());
            assertRefused(endpoint, endpoint.rpcPort());
            farm.server().clear("m", Fault.Unreachable.class);
            assertEquals(200, farm.api("m").get("/info").status());
        }
    }

    @Test
    void aSlowMinerAnswersOnlyAfterItsDelay() throws IOException {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 3))) {
            farm.server().inject("m", new Fault.SlowReply(1_500));
            MinerEndpoint endpoint = farm.server().endpoint("m");
            try (Socket socket = new Socket(endpoint.host(), endpoint.httpPort())) {
                socket.setSoTimeout(500);
                socket.getOutputStream().write("GET /api/v1/info HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertThrows(SocketTimeoutException.class, in::read, "no answer within half a second");
                socket.setSoTimeout(3_000);
                assertEquals('H', in.read(), "the answer comes after the delay");
            }
        }
    }

    @Test
    void brokenRepliesFailTheWayRealOnesDo() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4))) {
            ApiClient api = farm.api("m");
            farm.server().inject("m", new Fault.ServerError());
            ApiClient.Reply error = api.get("/summary");
            assertEquals(500, error.status());
            assertTrue(error.json().has("err"));
            farm.server().clear("m", Fault.ServerError.class);

            farm.server().inject("m", new Fault.MalformedJson());
            ApiClient.Reply malformed = api.get("/summary");
            assertEquals(200, malformed.status());
            assertThrows(AssertionError.class, malformed::json);
            farm.server().clear("m", Fault.MalformedJson.class);

            farm.server().inject("m", new Fault.TruncatedBody());
            assertThrows(UncheckedIOException.class, () -> api.get("/summary"), "the body ends before its length");
            farm.server().clear("m", Fault.TruncatedBody.class);

            farm.server().inject("m", new Fault.MissingFields());
            JsonNode miner = api.get("/summary").json().get("miner");
            assertFalse(miner.has("hr_realtime"));
            assertFalse(miner.get("cooling").get("fans").get(0).has("status"));
            assertTrue(miner.has("instant_hashrate"), "what older builds had stays");
            farm.server().clear("m", Fault.MissingFields.class);
            assertTrue(api.get("/summary").json().get("miner").has("hr_realtime"));
        }
    }

    @Test
    void aChangedPasswordLocksTheKnownOneOutUntilCleared() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 5))) {
            farm.server().inject("m", new Fault.WrongPassword());
            assertEquals(403, farm.api("m").post("/unlock", "{\"pw\":\"admin\"}", null).status());
            farm.server().clear("m", Fault.WrongPassword.class);
            assertEquals(32, farm.api("m").unlock("admin").length());
        }
    }

    @Test
    void aRebootLoopKeepsTakingTheMinerDown() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.3.4", 6))) {
            farm.server().inject("m", new Fault.RebootLoop(60));
            int offline = 0;
            for (int i = 0; i < 60; i++) {
                farm.advance(Duration.ofSeconds(10));
                offline += farm.miner("m").state() == MinerState.OFFLINE ? 1 : 0;
            }
            assertTrue(offline > 30, "offline most of ten minutes: " + offline + " of 60 samples");
            assertTrue(farm.miner("m").bootCount() >= 3);
        }
    }

    @Test
    void physicalFaultsShowInTheReplies() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 7))) {
            ApiClient api = farm.api("m");
            farm.server().inject("m", new Fault.HashboardFailure(3));
            farm.advance(Duration.ofSeconds(10));
            JsonNode chain = api.get("/summary").json().at("/miner/chains/2");
            assertEquals("failure", chain.at("/status/state").asText());
            assertEquals(0, chain.get("hashrate_rt").asDouble());
            farm.server().inject("m", new Fault.FanFailure(0));
            farm.advance(Duration.ofSeconds(10));
            JsonNode summary = api.get("/summary").json().get("miner");
            assertEquals("lost", summary.at("/cooling/fans/0/status").asText());
            assertEquals(0, summary.at("/cooling/fans/0/rpm").asInt());
            assertEquals("failure", summary.at("/miner_status/miner_state").asText());
            assertEquals("Fan lost", summary.at("/miner_status/description").asText());
        }
    }
}
