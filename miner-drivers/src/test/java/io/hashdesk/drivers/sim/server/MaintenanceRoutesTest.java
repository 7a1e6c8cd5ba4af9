package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerState;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Factory reset, firmware refusals, warranty, the dashboard layout and the firmware's own API document. */
class MaintenanceRoutesTest {

    @Test
    void factoryResetRebootsIntoTheDefaultSettingsAndPassword() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 1))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            assertEquals(200, api.post("/settings", "{\"miner\":{\"cooling\":{\"mode\":{\"name\":\"manual\","
                    + "\"param\":70}},\"misc\":{\"restart_temp\":95}},\"layout\":{\"lg\":{\"a\":\"b\"}},"
                    + "\"password\":{\"current\":\"admin\",\"pw\":\"s3cret\"}}", bearer).status());
            assertEquals(401, api.post("/settings/factory-reset", "", null).status());
            ApiClient.Reply reset = api.post("/settings/factory-reset", "", bearer);
            assertEquals(200, reset.status());
            assertEquals(3, reset.json().get("after").asInt());
            farm.advance(Duration.ofMinutes(3));
            assertEquals(MinerState.MINING, farm.miner("m").state(), "rebooted and mining again");
            String token = api.unlock("admin");
            JsonNode settings = api.get("/settings", token).json();
            assertEquals("auto", settings.at("/miner/cooling/mode/name").asText());
            assertEquals(65, settings.at("/miner/cooling/mode/param").asInt());
            assertEquals(85, settings.at("/miner/misc/restart_temp").asInt());
            assertTrue(settings.get("layout").isNull());
            assertEquals("null", api.get("/layout").body());
            assertTrue(api.get("/logs/system").body().contains("Factory reset, rebooting in 3 s"));
        }
    }

    @Test
    void firmwareIsNeverFlashedAndTheRefusalSaysSo() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 2))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            assertEquals(401, api.post("/firmware/update", "", null).status());
            ApiClient.Reply update = api.post("/firmware/update", "", bearer);
            assertEquals(500, update.status());
            assertTrue(update.json().get("err").asText().contains("simulated"), update.body());
            ApiClient.Reply remove = api.post("/firmware/remove", "{\"remove_stock_logs\":true}", bearer);
            assertEquals(400, remove.status());
            assertTrue(remove.json().get("err").asText().contains("remove firmware"), remove.body());
            farm.advance(Duration.ofSeconds(30));
            assertEquals(MinerState.MINING, farm.miner("m").state(), "no reboot follows");
        }
    }

    @Test
    void warrantyActivatesAndCancelsAndAnActiveWarrantyBlocksRestore() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 3))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            byte[] backup = api.postForBytes("/settings/backup", bearer);
            assertEquals("inactive", api.get("/status").json().get("warranty").asText());
            JsonNode activated = api.post("/activate-warranty", "", bearer).json();
            assertTrue(activated.get("success").asBoolean());
            assertEquals("active", activated.get("warranty").asText());
            assertEquals("active", api.get("/status").json().get("warranty").asText());
            assertEquals(403, restore(api, backup, bearer).status(), "cancel the warranty first");
            JsonNode cancelled = api.post("/cancel-warranty", "", bearer).json();
            assertTrue(cancelled.get("success").asBoolean());
            assertEquals("cancelled", cancelled.get("warranty").asText());
            JsonNode again = api.post("/activate-warranty", "", bearer).json();
            assertFalse(again.get("success").asBoolean(), "a cancelled warranty does not come back");
            assertEquals("cancelled", again.get("warranty").asText());
            assertEquals(200, restore(api, backup, bearer).status());
        }
    }

    private static ApiClient.Reply restore(ApiClient api, byte[] backup, String bearer) {
        String boundary = "simboundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.tar.gz\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + backup.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(backup, 0, body, head.length, backup.length);
        System.arraycopy(tail, 0, body, head.length + backup.length, tail.length);
        return api.postBytes("/settings/restore", body, "multipart/form-data; boundary=" + boundary, bearer);
    }

    @Test
    void theLayoutIsWhatTheWebUiSavedAndABadOneIsRefusedByName() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4))) {
            ApiClient api = farm.api("m");
            String token = api.unlock("admin");
            assertEquals("null", api.get("/layout").body());
            String layout = "{\"lg\":{\"summary\":\"0,0,6,2\"},\"xs\":null}";
            assertEquals(200, api.post("/settings", "{\"layout\":" + layout + "}", "Bearer " + token).status());
            assertEquals(Json.MAPPER.readTree(layout), api.get("/layout").json());
            assertEquals(Json.MAPPER.readTree(layout), api.get("/settings", token).json().get("layout"));
            ApiClient.Reply bad = api.post("/settings", "{\"layout\":{\"huge\":{}}}", "Bearer " + token);
            assertEquals(400, bad.status());
            assertTrue(bad.json().get("err").asText().contains("layout.huge"), bad.body());
            assertEquals(Json.MAPPER.readTree(layout), api.get("/layout").json(), "a refused write changes nothing");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"1.2.7, v1.2.7", "1.2.6, v1.2.7", "1.3.4, v1.3.4", "1.3.3, v1.3.4"})
    void theApiDocumentIsTheFirmwaresOwnForItsLine(String firmware, String document) throws IOException {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", firmware, 5))) {
            ApiClient.Reply doc = farm.api("m").get("/docs/api-doc.json");
            assertEquals(200, doc.status());
            JsonNode expected = Json.MAPPER.readTree(Files.readString(OpenApiSchemas.sharedFolder()
                    .resolve("fixtures/vnish-openapi/" + document + "-api-doc.json")));
            assertEquals(expected, doc.json());
        }
    }
}
