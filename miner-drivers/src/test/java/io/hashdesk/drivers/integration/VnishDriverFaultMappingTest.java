package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerAuthException;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.api.MinerRejectedException;
import io.hashdesk.drivers.api.MinerTimeoutException;
import io.hashdesk.drivers.api.MinerUnreachableException;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.vnish.VnishDriver;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Wire faults injected into simulated miners reach the caller as the typed error an operator can act on, within the
 * driver's time bounds; a stripped reply (missing fields) is read as far as it goes.
 */
class VnishDriverFaultMappingTest {

    private static SimulatedSite site;
    private static VnishDrivers drivers;

    @BeforeAll
    static void startFarm() {
        site = SimulatedSite.of(
                MinerBlueprint.of("unreachable", "antminer-s19", "1.3.4", 51),
                MinerBlueprint.of("slow", "antminer-s19", "1.2.7", 52),
                MinerBlueprint.of("wrong-password", "antminer-s19j-pro", "1.3.4", 53),
                MinerBlueprint.of("malformed", "antminer-s21", "1.3.4", 54),
                MinerBlueprint.of("truncated", "antminer-s19", "1.2.7", 55),
                MinerBlueprint.of("server-error", "antminer-s19", "1.3.4", 56),
                MinerBlueprint.of("stripped-s19", "antminer-s19", "1.2.7", 57).withPreset("3000", List.of()),
                MinerBlueprint.of("stripped-s21", "antminer-s21", "1.3.4", 58).withPreset("3250", List.of()));
        site.advance(Duration.ofMinutes(3));
        site.inject("unreachable", new Fault.Unreachable());
        site.inject("slow", new Fault.SlowReply(3_000));
        site.inject("wrong-password", new Fault.WrongPassword());
        site.inject("malformed", new Fault.MalformedJson());
        site.inject("truncated", new Fault.TruncatedBody());
        site.inject("server-error", new Fault.ServerError());
        site.inject("stripped-s19", new Fault.MissingFields());
        site.inject("stripped-s21", new Fault.MissingFields());
        drivers = new VnishDrivers(SimulatedSite.fastOptions());
    }

    @AfterAll
    static void stopFarm() {
        drivers.close();
        site.close();
    }

    private static VnishDriver driver(String id) {
        return drivers.open(site.address(id), MinerCredentials.vnishDefault());
    }

    private static MinerAccessException failure(String id, Executable call) {
        return assertThrows(MinerAccessException.class, call, id);
    }

    private static MinerAccessException readFails(String id) {
        try (VnishDriver driver = driver(id)) {
            return failure(id, () -> driver.readSnapshot(MinerId.of(id)));
        }
    }

    @Test
    void anUnreachableMinerIsUnreachableForReadsAndIdentification() {
        MinerAccessException read = readFails("unreachable");
        assertInstanceOf(MinerUnreachableException.class, read);
        assertSame(Failure.UNREACHABLE, read.failure());
        assertSame(MinerStatus.OFFLINE, read.failure().statusWhenPolling());
        try (VnishDriver driver = driver("unreachable")) {
            assertSame(Failure.UNREACHABLE, failure("unreachable", driver::identify).failure());
        }
    }

    @Test
    void aReplySlowerThanTheRequestTimeoutIsATimeoutWithinTheTimeoutAndAMargin() {
        Duration requestTimeout = SimulatedSite.fastOptions().requestTimeout();
        long started = System.nanoTime();

        MinerAccessException e = readFails("slow");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertInstanceOf(MinerTimeoutException.class, e);
        assertSame(Failure.TIMEOUT, e.failure());
        assertTrue(took.compareTo(requestTimeout.plusMillis(1_500)) < 0, "gave up after " + took.toMillis()
                + " ms; the miner would have answered after 3000 ms");
    }

    @Test
    void aChangedPasswordIsAnAuthFailureWhileOpenRoutesStillIdentifyTheMiner() throws Exception {
        MinerAccessException e = readFails("wrong-password");
        assertInstanceOf(MinerAuthException.class, e);
        assertSame(Failure.AUTH_FAILED, e.failure());
        assertSame(MinerStatus.AUTH_FAILED, e.failure().statusWhenPolling());
        assertTrue(e.getMessage().contains("403"), e.getMessage());
        assertTrue(!e.getMessage().contains(MinerCredentials.VNISH_DEFAULT_PASSWORD + "\""),
                "the password is never in the message: " + e.getMessage());
        try (VnishDriver driver = driver("wrong-password")) {
            assertEquals("1.3.4", driver.identify().firmwareVersion(), "/info needs no password");
        }
    }

    @Test
    void brokenJsonIsAMalformedReplyNamingTheReply() {
        MinerAccessException e = readFails("malformed");
        MalformedReplyException malformed = assertInstanceOf(MalformedReplyException.class, e);
        assertSame(Failure.MALFORMED_REPLY, e.failure());
        assertEquals("info", malformed.fieldPath(), "the first reply the read needs is /info");
    }

    @Test
    void aTruncatedBodyIsAMalformedReply() {
        MinerAccessException e = readFails("truncated");
        assertInstanceOf(MalformedReplyException.class, e);
        assertSame(Failure.MALFORMED_REPLY, e.failure());
    }

    @Test
    void http500IsARejectionCarryingTheStatusAndTheFirmwaresError() {
        MinerAccessException e = readFails("server-error");
        assertInstanceOf(MinerRejectedException.class, e);
        assertSame(Failure.REJECTED, e.failure());
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("Internal Server Error"),
                e.getMessage());
    }

    @Test
    void aStrippedReplyIsReadWithTheOptionalFieldsLeftOutOnTheOneTwoLine() throws Exception {
        assertStrippedReplyIsTolerated("stripped-s19");
    }

    @Test
    void aStrippedReplyIsReadWithTheOptionalFieldsLeftOutOnTheOneThreeLine() throws Exception {
        assertStrippedReplyIsTolerated("stripped-s21");
    }

    /**
     * Without {@code hr_realtime} the driver falls back to the deprecated {@code instant_hashrate}; the total must
     * still be the unit's hashrate in TH/s, and the preset comes from the settings when perf-summary lacks it.
     */
    static void assertStrippedReplyIsTolerated(String id) throws Exception {
        assertStrippedReplyIsTolerated(site, drivers, id);
    }

    static void assertStrippedReplyIsTolerated(SimulatedSite site, VnishDrivers drivers, String id)
            throws Exception {
        SimulatedMiner miner = site.miner(id);
        MinerReading truth = miner.reading();
        double expectedThs = miner.model().hashrateUnit().toThs(truth.hrRealtime());
        TelemetrySnapshot snapshot;
        MinerIdentity identity;
        try (VnishDriver driver = drivers.open(site.address(id), MinerCredentials.vnishDefault())) {
            snapshot = driver.readSnapshot(MinerId.of(id));
            identity = driver.identify();
        }
        assertEquals(MinerStatus.MINING, snapshot.status());
        assertNotNull(snapshot.hashrateThs());
        assertEquals(expectedThs, snapshot.hashrateThs(), expectedThs * 0.01, "total hashrate in TH/s");
        assertEquals(miner.currentPreset().name(), snapshot.preset());
        assertEquals(truth.fans().size(), snapshot.fanRpm().size());
        assertEquals(truth.chipTempMaxC(), snapshot.chipTempMaxC(), 0.5);
        assertNull(snapshot.powerWatts(), "no total and no per-board power: not reported, not zero");
        assertTrue(snapshot.problems().isEmpty(), snapshot.problems().toString());
        assertNull(identity.hostname(), "a stripped /info has no host name");
        assertEquals(miner.identity().macAddress(), identity.macAddress());
    }
}
