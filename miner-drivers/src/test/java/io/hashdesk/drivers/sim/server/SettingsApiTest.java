package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsApiTest {

    @Test
    void aPartialWriteMergesIgnoresUnknownKeysAndAlwaysAnswersTheTwoFlags() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19j-pro", "1.2.7", 1))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            JsonNode before = api.get("/settings", bearer.substring(7)).json();
            ApiClient.Reply reply = api.post("/settings", "{\"post\":true,\"miner\":{\"misc\":{\"quiet_mode\":true,"
                    + "\"no_such_flag\":1,\"restart_temp\":80},\"cooling\":{\"fan_min_duty\":30}}}", bearer);
            assertEquals(200, reply.status());
            assertEquals(2, reply.json().size());
            assertFalse(reply.json().get("restart_required").asBoolean());
            assertFalse(reply.json().get("reboot_required").asBoolean());
            JsonNode after = api.get("/settings", bearer.substring(7)).json();
            assertTrue(after.at("/miner/misc/quiet_mode").asBoolean());
            assertEquals(80, after.at("/miner/misc/restart_temp").asInt());
            assertFalse(after.at("/miner/misc").has("no_such_flag"));
            assertEquals(30, after.at("/miner/cooling/fan_min_duty").asInt());
            assertEquals(before.at("/miner/overclock"), after.at("/miner/overclock"), "untouched parts stay");
            assertEquals(before.at("/miner/cooling/mode"), after.at("/miner/cooling/mode"));
        }
    }

    @Test
    void poolsAreStoredWithoutSchemeAndNeedARestart() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            JsonNode reply = api.post("/settings", "{\"miner\":{\"pools\":[{\"url\":\"stratum+tcp://btc.example:3333\","
                    + "\"user\":\"acct.w1\",\"pass\":\"x\",\"order\":0},{\"url\":\"btc.example:443\",\"user\":\"acct.w1\","
                    + "\"pass\":\"x\"}]}}", bearer).json();
            assertTrue(reply.get("restart_required").asBoolean());
            assertTrue(api.get("/status").json().get("restart_required").asBoolean());
            JsonNode pools = api.get("/settings", bearer.substring(7)).json().at("/miner/pools");
            assertEquals(3, pools.size(), "always three slots");
            assertEquals("btc.example:3333", pools.get(0).get("url").asText());
            assertEquals("", pools.get(2).get("url").asText());
            assertEquals(200, api.post("/mining/restart", "", bearer).status());
            assertEquals("", api.post("/mining/restart", "", bearer).body(), "control routes answer with no body");
            farm.advance(Duration.ofMinutes(1));
            assertFalse(api.get("/status").json().get("restart_required").asBoolean());
            assertEquals(200, api.post("/mining/switch-pool", "{\"pool_id\":1}", bearer).status());
            assertEquals("active", api.get("/summary").json().at("/miner/pools/1/status").asText());
            ApiClient.Reply missing = api.post("/mining/switch-pool", "{\"pool_id\":2}", bearer);
            assertEquals(500, missing.status());
            assertEquals("Could not find pool", missing.json().get("err").asText());
        }
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.3.4", 3))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            ApiClient.Reply type = api.post("/settings",
                    "{\"miner\":{\"overclock\":{\"globals\":{\"freq\":\"fast\"}}}}", bearer);
            assertEquals(400, type.status());
            assertTrue(type.json().get("err").asText().startsWith("miner.overclock.globals.freq"), type.body());
            ApiClient.Reply range = api.post("/settings",
                    "{\"miner\":{\"overclock\":{\"preset\":\"disabled\",\"globals\":{\"volt\":1600}}}}", bearer);
            assertEquals(400, range.status());
            assertTrue(range.json().get("err").asText().contains("1200..1500"), range.body());
            assertEquals(400, api.post("/settings", "{\"miner\":{\"overclock\":{\"preset\":\"9999\"}}}", bearer).status());
            assertEquals(400, api.post("/settings", "{\"miner\":{\"pools\":[{},{},{},{}]}}", bearer).status());
            assertEquals(400, api.post("/settings", "not json", bearer).status());
            assertEquals(MinerState.MINING, farm.miner("m").state(), "a refused write changes nothing");
        }
    }

    @Test
    void manualClocksWrittenThroughTheApiReachTheChipsAfterARestart() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            api.post("/settings", "{\"miner\":{\"overclock\":{\"preset\":\"disabled\",\"globals\":{\"volt\":1300,"
                    + "\"freq\":500}}}}", bearer);
            assertEquals("restarting", api.get("/status").json().get("miner_state").asText());
            farm.advance(Duration.ofMinutes(2));
            JsonNode chain = api.get("/summary").json().at("/miner/chains/0");
            assertEquals(500, chain.get("frequency").asDouble(), 1e-9);
            assertEquals(13000, chain.get("voltage").asInt());
            JsonNode current = api.get("/perf-summary").json().get("current_preset");
            assertEquals("disabled", current.get("name").asText());
            assertEquals(1300, current.at("/globals/volt").asInt());
        }
    }

    @Test
    void aBackupRestoresTheSettingsItWasTakenFromAndReboots() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 5))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            api.post("/settings", "{\"miner\":{\"cooling\":{\"mode\":{\"name\":\"manual\",\"param\":77}}}}", bearer);
            byte[] backup = api.postForBytes("/settings/backup", bearer);
            assertEquals(0x1f, backup[0] & 0xFF, "gzip");
            assertEquals(0x8b, backup[1] & 0xFF);
            JsonNode saved = api.get("/settings", bearer.substring(7)).json();
            api.post("/settings", "{\"miner\":{\"cooling\":{\"mode\":{\"name\":\"auto\",\"param\":60}},"
                    + "\"misc\":{\"restart_temp\":75}}}", bearer);
            String boundary = "simboundary42";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"backup.tar.gz\""
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = new byte[head.length + backup.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(backup, 0, body, head.length, backup.length);
            System.arraycopy(tail, 0, body, head.length + backup.length, tail.length);
            ApiClient.Reply restored = api.postBytes("/settings/restore", body,
                    "multipart/form-data; boundary=" + boundary, bearer);
            assertEquals(200, restored.status(), restored.body());
            assertEquals(3, restored.json().get("after").asInt());
            farm.advance(Duration.ofMinutes(3));
            JsonNode now = api.get("/settings", api.unlock("admin")).json();
            assertEquals(saved.at("/miner"), now.at("/miner"));
            ApiClient.Reply garbage = api.postBytes("/settings/restore", "nope".getBytes(StandardCharsets.UTF_8),
                    "multipart/form-data; boundary=x", "Bearer " + api.unlock("admin"));
            assertEquals(400, garbage.status());
        }
    }
}
