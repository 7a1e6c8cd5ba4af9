package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.api.SettingsPart;
import org.junit.jupiter.api.Test;

/** 1.2.x and 1.3.x builds get their own routes (vnish-api.md §12.1), chosen from fw_version or by probing. */
class VnishRouteSetTest {

    @Test
    void firmware12BlinksThroughFindMinerWithTheWantedState() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.7");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.vnishDefault())) {
            miner.json("POST /find-miner", "{\"on\":true}");

            driver.blink(true);

            assertEquals(1, miner.requests("POST /find-miner").size());
            assertEquals("{\"on\":true}", miner.lastBody("POST /find-miner"));
            assertTrue(miner.requests("POST /locate-miner").isEmpty());
        }
    }

    @Test
    void firmware13BlinksThroughLocateMinerAndTogglesAgainWhenTheLedCameOutWrong() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.3.4");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.vnishDefault())) {
            boolean[] led = {true};
            miner.respond("POST /locate-miner", r -> {
                led[0] = !led[0];
                return FakeVnish.jsonResponse(200, "{\"is_enabled\":" + led[0] + "}");
            });

            driver.blink(true);

            assertEquals(2, miner.requests("POST /locate-miner").size(), "first toggle turned it off");
            assertTrue(led[0]);
            assertTrue(miner.requests("POST /find-miner").isEmpty());
        }
    }

    @Test
    void blinkFallsBackToTheOtherRouteWhenTheVersionMisleads() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.3.0-custom");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.vnishDefault())) {
            miner.json("POST /find-miner", "{\"on\":false}");

            driver.blink(false);

            assertEquals(1, miner.requests("POST /locate-miner").size());
            assertEquals(1, miner.requests("POST /find-miner").size());
        }
    }

    @Test
    void unreadableVersionIsSettledByProbingBoards() throws Exception {
        try (FakeVnish miner = new FakeVnish("nightly");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.vnishDefault())) {
            miner.json("GET /boards", "[]");

            assertTrue(driver.capabilities().supports(MinerOperation.THROTTLE));
            assertEquals(1, miner.requests("GET /boards").size());
        }
        try (FakeVnish miner = new FakeVnish("nightly");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.vnishDefault())) {
            assertFalse(driver.capabilities().supports(MinerOperation.THROTTLE), "no /boards: a 1.2 build");
        }
    }

    @Test
    void throttleOnFirmware12IsUnsupportedAndNothingIsWritten() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.6");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class,
                    () -> driver.apply(SettingsChange.none().withPreset("3000").withThrottle(80)));

            assertEquals(MinerOperation.THROTTLE, e.operation());
            assertTrue(miner.requests().stream().noneMatch(r -> r.getMethod().equals("POST")),
                    "no half-applied change");
        }
    }

    @Test
    void throttleOnFirmware13IsPostedAndReadBackFromStatus() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.3.4");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            miner.json("POST /mining/throttle", "{\"restart_required\":false,\"reboot_required\":false}");
            miner.json("GET /status", "{\"miner_state\":\"mining\",\"miner_state_time\":10,\"throttled\":80}");

            AppliedSettings applied = driver.apply(SettingsChange.none().withThrottle(80));

            assertEquals("{\"percent\":80}", miner.lastBody("POST /mining/throttle"));
            assertTrue(applied.part(SettingsPart.THROTTLE).orElseThrow().applied());
            assertTrue(miner.requests("POST /settings").isEmpty(), "the throttle is not a settings write");
        }
    }

    @Test
    void unthrottledMinerReportsTheThrottleAsNotApplied() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.3.4");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            miner.json("POST /mining/throttle", "{\"restart_required\":false,\"reboot_required\":false}");
            miner.json("GET /status", "{\"miner_state\":\"mining\",\"miner_state_time\":10,\"throttled\":100}");

            AppliedSettings applied = driver.apply(SettingsChange.none().withThrottle(60));

            assertFalse(applied.allApplied());
            assertEquals("throttle 100 %", applied.part(SettingsPart.THROTTLE).orElseThrow().observed());
        }
    }

    @Test
    void buildWithoutModelRouteReadsItsLimitsFromTheSettings() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.0-rc3");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            miner.remove("GET /model");

            MinerCapabilities capabilities = driver.capabilities();

            assertEquals(1000, capabilities.clocks().frequencyMaxMhz());
            assertEquals(3, capabilities.boardCount());
            assertEquals(1, miner.requests("GET /settings").size());
        }
    }
}
