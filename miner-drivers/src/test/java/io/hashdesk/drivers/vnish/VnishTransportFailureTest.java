package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.Fixtures;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.MinerRejectedException;
import io.hashdesk.drivers.api.MinerTimeoutException;
import io.hashdesk.drivers.api.MinerUnreachableException;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Broken, slow, huge and hostile replies end in the right typed error, within the time budget. */
class VnishTransportFailureTest {

    private static final MinerId ID = MinerId.of("m1");
    private static final int LIMIT = 64 * 1024;
    private static final DriverOptions OPTIONS = DriverOptions.defaults()
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(600), Duration.ofSeconds(2))
            .withMaxReplyBytes(LIMIT);
    /** Budget plus scheduling slack: no call may take longer. */
    private static final long MAX_CALL_MILLIS = 2_000 + 700;

    private FakeVnish miner;
    private VnishDrivers drivers;
    private VnishDriver driver;

    @BeforeEach
    void start() throws Exception {
        miner = new FakeVnish("1.2.6");
        drivers = new VnishDrivers(OPTIONS);
        driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD));
    }

    @AfterEach
    void stop() {
        driver.close();
        drivers.close();
        miner.close();
    }

    @Test
    void stalledHeadersTimeOutWithinTheRequestTimeout() {
        miner.respond("GET /summary", r -> new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                .body("{}").build());

        long millis = timed(() -> assertThrows(MinerTimeoutException.class, () -> driver.readSnapshot(ID)));

        assertTrue(millis < 600 + 500, "gave up after " + millis + " ms");
    }

    @Test
    void bodyDrippingSlowerThanTheTimeoutTimesOut() {
        String body = "{\"miner\":" + " ".repeat(4000) + "null}";
        miner.respond("GET /summary", r -> new MockResponse.Builder().throttleBody(64, 50, TimeUnit.MILLISECONDS)
                .body(body).build());

        timed(() -> assertThrows(MinerTimeoutException.class, () -> driver.readSnapshot(ID)));
    }

    @Test
    void declaredHugeBodyIsRefusedWithoutReadingIt() {
        // 8 MiB dripped at 64 kB per 100 ms would take 13 s to read; refusing on Content-Length takes none of that.
        Buffer huge = new Buffer().write(new byte[8 * 1024 * 1024]);
        miner.respond("GET /summary", r -> new MockResponse.Builder().throttleBody(64 * 1024, 100,
                TimeUnit.MILLISECONDS).body(huge.copy()).build());

        long millis = timed(() -> {
            MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
            assertEquals("summary", e.fieldPath());
            assertTrue(e.getMessage().contains("limit"), e.getMessage());
        });
        assertTrue(millis < 1_000, "took " + millis + " ms");
    }

    @Test
    void undeclaredHugeBodyIsCutOffAtTheLimit() {
        String big = "[" + "1,".repeat(LIMIT) + "1]";
        miner.respond("GET /summary", r -> new MockResponse.Builder().chunkedBody(big, 4096).build());

        timed(() -> assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID)));
    }

    @Test
    void invalidJsonIsMalformed() {
        miner.json("GET /summary", "{\"miner\": {\"miner_status\": ");

        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
        assertEquals("summary", e.fieldPath());
    }

    @Test
    void bodyCutShortOfItsContentLengthIsMalformed() {
        miner.respond("GET /summary", r -> new MockResponse.Builder().body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return 5_000;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{\"miner\":{\"miner_status\":{\"miner_state\":\"mi");
                sink.flush();
            }
        }).onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());

        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void serverErrorIsRejectedWithTheFirmwaresReason() {
        miner.respond("GET /summary", r -> FakeVnish.jsonResponse(500, "{\"err\":\"cgminer is not running\"}"));

        MinerRejectedException e = assertThrows(MinerRejectedException.class, () -> driver.readSnapshot(ID));
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("cgminer is not running"),
                e.getMessage());
    }

    @Test
    void missingRequiredBoardFieldNamesItsPath() {
        String summary = Fixtures.vnish("web-summary-s19-1.2.0-beta10.json");
        miner.json("GET /summary", summary.replaceFirst("\"hashrate_rt\": 31518.17,", ""));

        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
        assertEquals("summary.miner.chains[1].hashrate_rt", e.fieldPath());
    }

    @Test
    void numberSentAsTextNamesItsPath() {
        String summary = Fixtures.vnish("web-summary-s19-1.2.0-beta10.json");
        miner.json("GET /summary", summary.replace("\"fan_duty\": 100", "\"fan_duty\": \"100\""));

        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
        assertEquals("summary.miner.cooling.fan_duty", e.fieldPath());
    }

    @Test
    void chainIdOutsideTheBoardRangeIsMalformed() {
        miner.json("GET /summary", Fixtures.vnish("web-summary-s19-1.2.0-beta10.json")
                .replaceFirst("\"id\": 3,(\\s+\"frequency\")", "\"id\": 9,$1"));

        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
        assertEquals("summary.miner.chains[2].id", e.fieldPath());
    }

    @Test
    void nullMinerBlockGivesAStatusOnlySnapshot() throws Exception {
        miner.json("GET /summary", "{\"miner\":null}");
        miner.json("GET /status", "{\"miner_state\":\"failure\",\"miner_state_time\":1,"
                + "\"description\":\"Failed to parse miner configuration\",\"failure_code\":1002}");

        TelemetrySnapshot snapshot = driver.readSnapshot(ID);

        assertEquals(MinerStatus.FAILURE, snapshot.status());
        assertNull(snapshot.hashrateThs());
    }

    @Test
    void missingRouteIsUnsupported() {
        miner.remove("GET /autotune/presets");

        OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class, driver::presets);
        assertEquals(MinerOperation.READ_PRESETS, e.operation());
    }

    @Test
    void redirectIsNotFollowed() throws Exception {
        miner.respond("GET /summary", r -> new MockResponse.Builder().code(302)
                .setHeader("Location", "http://127.0.0.1:1/api/v1/summary").build());

        MinerRejectedException e = assertThrows(MinerRejectedException.class, () -> driver.readSnapshot(ID));
        assertTrue(e.getMessage().contains("HTTP 302"), e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (VnishDriver nobody = drivers.open(new MinerAddress("127.0.0.1", closedPort, 4028),
                MinerCredentials.vnishDefault())) {
            assertThrows(MinerUnreachableException.class, () -> nobody.readSnapshot(ID));
        }
    }

    private static long timed(Executable call) {
        long start = System.nanoTime();
        try {
            call.execute();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_CALL_MILLIS, "call took " + millis + " ms");
        return millis;
    }
}
