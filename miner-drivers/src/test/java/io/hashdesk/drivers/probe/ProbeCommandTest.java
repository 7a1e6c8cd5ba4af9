package io.hashdesk.drivers.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.Fixtures;
import io.hashdesk.drivers.cgminer.FakeRpcServer;
import io.hashdesk.drivers.vnish.FakeVnish;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The technician's probe: JSON on stdout, a sentence on stderr, and an exit code a script can act on. */
class ProbeCommandTest {

    private static final DriverOptions OPTIONS = DriverOptions.defaults()
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofSeconds(3));
    private static final Map<String, String> ENVIRONMENT = Map.of("MINER_PW", FakeVnish.PASSWORD,
            "WRONG_PW", "not-it-7");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void readsAVnishMinerAndPrintsItsSnapshotAsJson() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.0-beta10")) {
            int code = probe("probe", "127.0.0.1:" + miner.address().httpPort(), "--password-env", "MINER_PW");

            assertEquals(ProbeCommand.OK, code, stderr());
            JsonNode report = new ObjectMapper().readTree(stdout());
            assertEquals("vnish-http", report.path("source").asText());
            assertEquals("Antminer S19", report.path("identity").path("modelName").asText());
            assertEquals("antminer-s19", report.path("catalogModel").asText());
            assertEquals(66.62962, report.path("snapshot").path("hashrateThs").asDouble(), 1e-9);
            assertEquals(0, report.path("snapshot").path("boards").get(0).path("index").asInt());
            assertEquals("PT1H46M52S", report.path("snapshot").path("uptime").asText());
            assertTrue(report.path("problems").isEmpty());
            assertFalse((stdout() + stderr()).contains(FakeVnish.PASSWORD), "the password is never printed");
        }
    }

    @Test
    void refusedPasswordExitsWithTheAuthCode() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.6")) {
            int code = probe("127.0.0.1:" + miner.address().httpPort(), "--password-env", "WRONG_PW");

            assertEquals(ProbeCommand.AUTH_FAILED, code);
            assertFalse(stderr().contains("not-it-7"), stderr());
        }
    }

    @Test
    void unreadableReplyExitsWithTheMalformedCodeAndNamesTheField() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.6")) {
            miner.json("GET /summary", Fixtures.vnish("web-summary-s19-1.2.0-beta10.json")
                    .replace("\"miner_state\": \"mining\"", "\"miner_state\": 7"));

            int code = probe("127.0.0.1:" + miner.address().httpPort(), "--password-env", "MINER_PW");

            assertEquals(ProbeCommand.MALFORMED, code);
            assertTrue(stderr().contains("summary.miner.miner_status.miner_state"), stderr());
        }
    }

    @Test
    void closedWebApiFallsBackToTheRpc() throws Exception {
        try (FakeRpcServer rpc = new FakeRpcServer()) {
            rpc.reply("summary", Fixtures.resource(FakeRpcServer.class, "rpc-summary.json"));
            rpc.reply("stats", Fixtures.resource(FakeRpcServer.class, "rpc-stats.json"));

            int code = probe("127.0.0.1:" + closedPort(), "--rpc-port", String.valueOf(rpc.address().rpcPort()));

            assertEquals(ProbeCommand.OK, code, stderr());
            JsonNode report = new ObjectMapper().readTree(stdout());
            assertEquals("cgminer-rpc", report.path("source").asText());
            assertEquals("UNREACHABLE", report.path("webApiFailure").asText().split(":")[0]);
            assertEquals("antminer-s19-xp", report.path("catalogModel").asText());
        }
    }

    @Test
    void rpcOnlyLeavesTheWebApiAlone() throws Exception {
        try (FakeVnish web = new FakeVnish("1.2.6"); FakeRpcServer rpc = new FakeRpcServer()) {
            rpc.reply("summary", Fixtures.resource(FakeRpcServer.class, "rpc-summary.json"));
            rpc.reply("stats", Fixtures.resource(FakeRpcServer.class, "rpc-stats.json"));

            int code = probe("127.0.0.1:" + web.address().httpPort(), "--rpc-port",
                    String.valueOf(rpc.address().rpcPort()), "--rpc-only");

            assertEquals(ProbeCommand.OK, code, stderr());
            assertTrue(web.requests().isEmpty());
        }
    }

    @Test
    void nothingListeningExitsWithTheUnreachableCode() throws Exception {
        int code = probe("127.0.0.1:" + closedPort(), "--rpc-port", String.valueOf(closedPort()));

        assertEquals(ProbeCommand.UNREACHABLE, code);
        assertTrue(stdout().isEmpty());
    }

    @Test
    void badArgumentsExitWithTheUsageCode() {
        assertEquals(ProbeCommand.USAGE, probe());
        assertEquals(ProbeCommand.USAGE, probe("10.0.0.5:99999"));
        assertEquals(ProbeCommand.USAGE, probe("10.0.0.5", "--rpc-port"));
        assertEquals(ProbeCommand.USAGE, probe("10.0.0.5", "--password-env", "UNSET_VARIABLE"));
        assertEquals(ProbeCommand.USAGE, probe("10.0.0.5", "10.0.0.6"));
        assertEquals(ProbeCommand.USAGE, probe("bad host!"));
        assertTrue(stderr().contains("usage: probe"), stderr());
    }

    @Test
    void hostFormsParseToTheRightPorts() {
        assertEquals(80, ProbeArguments.parse(new String[] {"10.0.0.5"}, k -> null).address().httpPort());
        assertEquals(8080, ProbeArguments.parse(new String[] {"10.0.0.5:8080"}, k -> null).address().httpPort());
        ProbeArguments v6 = ProbeArguments.parse(new String[] {"[fe80::1]:81", "--rpc-port", "4029"}, k -> null);
        assertEquals("fe80::1", v6.address().host());
        assertEquals(81, v6.address().httpPort());
        assertEquals(4029, v6.address().rpcPort());
        assertEquals("fe80::1", ProbeArguments.parse(new String[] {"fe80::1"}, k -> null).address().host());
        assertFalse(ProbeArguments.parse(new String[] {"h", "--password-env", "P"}, k -> "pw-123").toString()
                .contains("pw-123"));
    }

    private int probe(String... args) {
        return ProbeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENVIRONMENT::get, OPTIONS);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
