package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code /logs/{type}}: what the simulation did, in the firmware's log files; clearing needs auth. */
class LogRoutesTest {

    private static void assertContains(String log, String expected) {
        assertTrue(log.contains(expected), "expected '" + expected + "' in:\n" + log);
    }

    @Test
    void logsTellWhatHappenedToTheUnit() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 1))) {
            ApiClient api = farm.api("m");
            assertEquals(403, api.post("/unlock", "{\"pw\":\"guess\"}", null).status());
            String bearer = "Bearer " + api.unlock("admin");
            assertEquals(200, api.post("/settings", "{\"miner\":{\"overclock\":{\"preset\":\"2700\"}}}", bearer)
                    .status());
            farm.advance(Duration.ofMinutes(10));
            farm.server().inject("m", new Fault.FanFailure(1));
            farm.advance(Duration.ofSeconds(10));
            assertEquals(200, api.post("/mining/stop", "", bearer).status());
            farm.advance(Duration.ofMinutes(1));
            assertEquals(200, api.post("/system/reboot", "", bearer).status());
            farm.advance(Duration.ofMinutes(3));
            String status = api.get("/logs/status").body();
            assertContains(status, "] INFO: Auto-tuning");
            assertContains(status, "INFO: Mining stopped");
            assertContains(status, "INFO: Rebooting");
            String miner = api.get("/logs/miner").body();
            assertContains(miner, "INFO: Preset changed: ");
            assertContains(miner, "ERROR: fan#1 - LOST");
            assertContains(miner, "INFO: Initializing PSU");
            String autotune = api.get("/logs/autotune").body();
            assertContains(autotune, "Auto-tuning preset 2700");
            assertContains(autotune, "Preset 2700 tuned");
            String system = api.get("/logs/system").body();
            assertContains(system, "Settings saved: overclock");
            assertContains(system, "Reboot requested, rebooting in 3 s");
            assertContains(api.get("/logs/api").body(), "WARN: POST /api/v1/unlock 403");
            assertContains(api.get("/logs/pool").body(), "connected");
            assertContains(api.get("/logs/hwscan").body(), "chips detected");
            assertContains(api.get("/logs/messages").body(), "Booting");
            assertTrue(api.contentType("/logs/status").startsWith("text/plain"));
        }
    }

    @Test
    void boardFailuresAndOverheatsAreWrittenAsClientsSearchForThem() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            farm.server().inject("m", new Fault.HashboardFailure(2));
            assertEquals(200, api.post("/settings", "{\"miner\":{\"misc\":{\"restart_temp\":60}}}", bearer).status());
            farm.advance(Duration.ofMinutes(2));
            String miner = api.get("/logs/miner").body();
            assertContains(miner, "ERROR: chain#2 - Chain break detected");
            assertContains(miner, "- Overheated, chip temp=");
            assertContains(api.get("/logs/status").body(), "WARN: Cooling down the miner - Overheated");
            assertTrue(api.get("/metrics").json().get("annotations").toString().contains("overheat"));
        }
    }

    @Test
    void clearingALogNeedsAuthAndEmptiesOnlyThatLogOrAllOfThem() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 3))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            assertEquals(200, api.post("/mining/restart", "", bearer).status());
            farm.advance(Duration.ofMinutes(1));
            assertFalse(api.get("/logs/status").body().isEmpty());
            assertEquals(401, api.post("/logs/status/clear", "", null).status());
            assertEquals(200, api.post("/logs/status/clear", "", bearer).status());
            assertEquals("", api.get("/logs/status").body());
            assertFalse(api.get("/logs/miner").body().isEmpty(), "other logs stay");
            assertEquals(200, api.post("/logs/*/clear", "", bearer).status());
            assertEquals("", api.get("/logs/miner").body());
            assertEquals(405, api.get("/logs/miner/clear").status());
        }
    }

    @Test
    void firmware12HasNoPoolOrHwscanLogAndTheStarLogCannotBeRead() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4))) {
            ApiClient api = farm.api("m");
            assertEquals(404, api.get("/logs/pool").status());
            assertEquals(404, api.get("/logs/hwscan").status());
            assertEquals(404, api.get("/logs/kernel").status());
            ApiClient.Reply all = api.get("/logs/*");
            assertEquals(500, all.status());
            assertTrue(all.json().has("err"));
        }
    }

    @Test
    void eachLogKeepsOnlyItsLastLines() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 5))) {
            SimulatedMiner miner = farm.miner("m");
            int keep = miner.limits().logLines();
            for (int i = 0; i < keep; i++) {
                miner.restartMining();
                farm.advance(Duration.ofSeconds(1));
            }
            String status = farm.api("m").get("/logs/status").body();
            assertEquals(keep, status.lines().count());
        }
    }
}
