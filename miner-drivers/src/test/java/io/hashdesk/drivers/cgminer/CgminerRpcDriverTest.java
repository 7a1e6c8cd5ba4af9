package io.hashdesk.drivers.cgminer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.Fixtures;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.MinerRejectedException;
import io.hashdesk.drivers.api.MinerTimeoutException;
import io.hashdesk.drivers.api.MinerUnreachableException;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.SettingsChange;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-only RPC fallback against a loopback fake with the quirks of vnish-api.md §8. */
class CgminerRpcDriverTest {

    private static final MinerId ID = MinerId.of("m1");
    private static final double EPS = 1e-9;
    private static final DriverOptions OPTIONS = DriverOptions.defaults()
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(600), Duration.ofMillis(1500))
            .withMaxReplyBytes(64 * 1024);

    private FakeRpcServer rpc;
    private CgminerRpcDrivers drivers;
    private CgminerRpcDriver driver;

    @BeforeEach
    void start() throws Exception {
        rpc = new FakeRpcServer();
        rpc.reply("summary", Fixtures.resource(getClass(), "rpc-summary.json"));
        rpc.reply("stats", Fixtures.resource(getClass(), "rpc-stats.json"));
        rpc.reply("pools", Fixtures.resource(getClass(), "rpc-pools.json"));
        drivers = new CgminerRpcDrivers(OPTIONS);
        driver = drivers.open(rpc.address(), MinerCredentials.vnishDefault());
    }

    @AfterEach
    void stop() throws Exception {
        driver.close();
        drivers.close();
        rpc.close();
    }

    @Test
    void nulTerminatedRepliesWithStringHashratesGiveDomainUnits() throws Exception {
        TelemetrySnapshot s = driver.readSnapshot(ID);

        assertAll(
                () -> assertEquals(MinerStatus.MINING, s.status()),
                () -> assertEquals(140.25858, s.hashrateThs(), EPS, "\"GHS 5s\" is a string in GH/s"),
                () -> assertEquals(142.56248, s.hashrateAvgThs(), EPS),
                () -> assertEquals(75.0, s.chipTempMaxC(), "temp2_N is the chip maximum on Vnish"),
                () -> assertEquals(60.0, s.boardTempMaxC(), "tempN is the PCB maximum on Vnish"),
                () -> assertEquals(List.of(5400, 5460, 5520, 5400), s.fanRpm()),
                () -> assertEquals(60.0, s.fanPercent()),
                () -> assertNull(s.powerWatts(), "0 W on hashing boards means not measured"),
                () -> assertEquals(12.625, s.voltageVolts(), EPS),
                () -> assertEquals(495.0, s.frequencyMhz(), EPS),
                () -> assertNull(s.preset()),
                () -> assertEquals("btc.foundryusapool.com:3333", s.poolUrl(), "DevFee row skipped, scheme dropped"),
                () -> assertEquals(1500L, s.acceptedShares(), "DevFee shares not counted"),
                () -> assertEquals(3L, s.rejectedShares()),
                () -> assertEquals(12L, s.hardwareErrors()),
                () -> assertEquals(Duration.ofSeconds(6412), s.uptime()),
                () -> assertTrue(s.problems().isEmpty(), s.problems().toString()));
        assertEquals(3, s.boards().size());
        HashboardReading first = s.boards().getFirst();
        assertAll(
                () -> assertEquals(0, first.index()),
                () -> assertEquals(46.75286, first.hashrateThs(), EPS),
                () -> assertEquals(75.0, first.chipTempMaxC()),
                () -> assertEquals(60.0, first.boardTempMaxC()),
                () -> assertEquals(12.625, first.voltageVolts(), EPS),
                () -> assertEquals(4L, first.hardwareErrors()));
        assertEquals(List.of(0, 1, 2), s.boards().stream().map(HashboardReading::index).toList());
    }

    @Test
    void replyEndedByCloseInsteadOfNulIsRead() throws Exception {
        rpc.behave("summary", FakeRpcServer.replyWith(Fixtures.resource(getClass(), "rpc-summary.json")
                .getBytes(StandardCharsets.UTF_8), false));

        assertEquals(140.25858, driver.readSnapshot(ID).hashrateThs(), EPS);
    }

    @Test
    void identityComesFromStatsTypeWithoutAskingVersion() throws Exception {
        MinerIdentity identity = driver.identify();

        assertEquals(new MinerIdentity("Antminer S19 XP", null, "Vnish", "1.2.0-rc1",
                HashrateUnit.GH_S, null, null), identity);
        assertFalse(rpc.received().contains("version"));
    }

    @Test
    void unansweredVersionLeavesTheFirmwareVersionUnknown() throws Exception {
        rpc.reply("stats", Fixtures.resource(getClass(), "rpc-stats.json")
                .replace("Antminer S19 XP (Vnish 1.2.0-rc1)", "Antminer S19 XP"));
        rpc.behave("version", FakeRpcServer.silentClose());

        MinerIdentity identity = driver.identify();

        assertEquals("Antminer S19 XP", identity.modelName());
        assertNull(identity.firmwareVersion());
        assertTrue(rpc.received().contains("version"));
    }

    @Test
    void unansweredPoolsLeavePoolFieldsOut() throws Exception {
        rpc.behave("pools", FakeRpcServer.silentClose());

        TelemetrySnapshot s = driver.readSnapshot(ID);

        assertNull(s.poolUrl());
        assertNull(s.acceptedShares());
        assertEquals(140.25858, s.hashrateThs(), EPS);
    }

    @Test
    void buildWithoutStatsGivesBoardsFromDevs() throws Exception {
        rpc.behave("stats", FakeRpcServer.replyWith(FakeRpcServer.INVALID_COMMAND.getBytes(StandardCharsets.UTF_8),
                true));
        rpc.reply("devs", "{\"STATUS\":[{\"STATUS\":\"S\",\"Code\":9,\"Msg\":\"3 ASC(s)\"}],\"DEVS\":["
                + "{\"ASC\":0,\"MHS 5s\":46752860.0,\"Temperature\":71.0},"
                + "{\"ASC\":1,\"MHS 5s\":\"46700120.0\",\"Temperature\":70.0}],\"id\":1}");

        TelemetrySnapshot s = driver.readSnapshot(ID);

        assertEquals(2, s.boards().size());
        assertEquals(46.75286, s.boards().getFirst().hashrateThs(), EPS);
        assertEquals(71.0, s.chipTempMaxC());
    }

    @Test
    void invalidCommandStatusIsUnsupported() {
        rpc.reply("summary", FakeRpcServer.INVALID_COMMAND);

        OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class,
                () -> driver.readSnapshot(ID));
        assertEquals(MinerOperation.READ_TELEMETRY, e.operation());
    }

    @Test
    void otherErrorStatusIsRejected() {
        rpc.reply("summary", "{\"STATUS\":[{\"STATUS\":\"E\",\"Code\":45,\"Msg\":\"Access denied to 'summary'\"}]}");

        MinerRejectedException e = assertThrows(MinerRejectedException.class, () -> driver.readSnapshot(ID));
        assertTrue(e.getMessage().contains("Access denied"), e.getMessage());
    }

    @Test
    void garbageBytesAreMalformed() {
        byte[] garbage = new byte[300];
        new Random(3).nextBytes(garbage);
        rpc.behave("summary", FakeRpcServer.replyWith(garbage, false));

        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
        assertEquals("summary", e.fieldPath());
    }

    @Test
    void knownJsonDefectsAreRepaired() throws Exception {
        rpc.reply("summary", "{\"STATUS\":[{\"STATUS\":\"S\",\"Code\":11}],\"SUMMARY\":[{\"GHS 5s\":\"1000\","
                + "\"GHS av\":inf,\"Elapsed\":10}{\"ignored\":1}],\"id\":1}");

        TelemetrySnapshot s = driver.readSnapshot(ID);

        assertEquals(1.0, s.hashrateThs(), EPS);
        assertNull(s.hashrateAvgThs(), "inf reads as not reported");
    }

    @Test
    void slowDripPastTheTimeoutTimesOutInTime() {
        byte[] reply = Fixtures.resource(getClass(), "rpc-summary.json").getBytes(StandardCharsets.UTF_8);
        rpc.behave("summary", FakeRpcServer.drip(reply, 4, 20));

        long start = System.nanoTime();
        assertThrows(MinerTimeoutException.class, () -> driver.readSnapshot(ID));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 600 + 400, "gave up after " + millis + " ms");
    }

    @Test
    void silentServerTimesOut() {
        rpc.behave("summary", FakeRpcServer.stall());

        assertThrows(MinerTimeoutException.class, () -> driver.readSnapshot(ID));
    }

    @Test
    void endlessReplyIsCutAtTheSizeLimit() {
        byte[] endless = new byte[200 * 1024];
        Arrays.fill(endless, (byte) '[');
        rpc.behave("summary", FakeRpcServer.replyWith(endless, false));

        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> driver.readSnapshot(ID));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CgminerRpcDriver nobody = drivers.open(new MinerAddress("127.0.0.1", 80, closedPort),
                MinerCredentials.vnishDefault());

        assertThrows(MinerUnreachableException.class, () -> nobody.readSnapshot(ID));
    }

    @Test
    void everyWriteNeedsTheWebApi() {
        assertThrows(OperationNotSupportedException.class, () -> driver.apply(SettingsChange.none().withPreset("1")));
        assertThrows(OperationNotSupportedException.class, () -> driver.blink(true));
        assertThrows(OperationNotSupportedException.class, driver::reboot);
        assertThrows(OperationNotSupportedException.class, driver::backup);
        assertEquals(List.of(), rpc.received(), "refused without a connection");
    }
}
