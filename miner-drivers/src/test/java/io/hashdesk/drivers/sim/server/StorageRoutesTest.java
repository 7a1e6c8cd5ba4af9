package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.sim.MinerBlueprint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Notes and API keys as the firmware keeps them, and API keys authorizing requests in {@code x-api-key}. */
class StorageRoutesTest {

    private static final String KEY = "0123456789abcdef0123456789ABCDEF";

    private static String apiKey(String key, String description) {
        return "{\"key\":\"" + key + "\",\"description\":\"" + description + "\"}";
    }

    @Test
    void notesAreReadByAnyoneAndWrittenWithAuth() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 1))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            assertEquals("{}", api.get("/notes").body());
            String note = "{\"key\":\"rack\",\"value\":\"A-12\"}";
            assertEquals(401, api.post("/notes", note, null).status());
            assertEquals(200, api.post("/notes", note, bearer).status());
            ApiClient.Reply again = api.post("/notes", note, bearer);
            assertEquals(409, again.status());
            assertTrue(again.json().has("err"));
            assertEquals("A-12", api.get("/notes").json().get("rack").asText());
            assertEquals("A-12", api.get("/notes/rack").json().get("value").asText());
            assertEquals(401, api.put("/notes/rack", "{\"value\":\"B-3\"}", null).status());
            assertEquals(200, api.put("/notes/rack", "{\"value\":\"B-3\"}", bearer).status());
            assertEquals("B-3", api.get("/notes/rack").json().get("value").asText());
            assertEquals(404, api.put("/notes/ghost", "{\"value\":\"x\"}", bearer).status());
            assertEquals(400, api.put("/notes/rack", "{\"val\":\"x\"}", bearer).status());
            assertEquals(401, api.delete("/notes/rack", null).status());
            assertEquals(200, api.delete("/notes/rack", bearer).status());
            assertEquals(404, api.get("/notes/rack").status());
            assertEquals(404, api.delete("/notes/rack", bearer).status());
            assertEquals(200, api.post("/notes", "{\"key\":\"row 4\",\"value\":\"cold aisle\"}", bearer).status());
            assertEquals("cold aisle", api.get("/notes/row%204").json().get("value").asText());
            assertEquals(400, api.post("/notes", "{\"key\":\"\",\"value\":\"x\"}", bearer).status());
        }
    }

    @Test
    void notesStorageIsBoundedAndSurvivesAReboot() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            int notes = farm.miner("m").limits().notes();
            String tooLong = "x".repeat(farm.miner("m").limits().noteChars() + 1);
            assertEquals(507, api.post("/notes", "{\"key\":\"big\",\"value\":\"" + tooLong + "\"}", bearer).status());
            for (int i = 0; i < notes; i++) {
                assertEquals(200, api.post("/notes", "{\"key\":\"n" + i + "\",\"value\":\"v\"}", bearer).status());
            }
            ApiClient.Reply full = api.post("/notes", "{\"key\":\"one-more\",\"value\":\"v\"}", bearer);
            assertEquals(507, full.status());
            assertTrue(full.json().get("err").asText().contains(String.valueOf(notes)), full.body());
            assertEquals(200, api.post("/system/reboot", "", bearer).status());
            farm.advance(Duration.ofMinutes(3));
            assertEquals(notes, api.get("/notes").json().size(), "notes live on the flash, not in the session");
        }
    }

    @Test
    void apiKeysAreInsertedUpdatedListedAndDeleted() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 3))) {
            ApiClient api = farm.api("m");
            String token = api.unlock("admin");
            String bearer = "Bearer " + token;
            assertEquals(401, api.get("/apikeys").status());
            assertEquals("[]", api.get("/apikeys", token).body());
            assertEquals("inserted", api.post("/apikeys", apiKey(KEY, "console"), bearer).json().get("status").asText());
            assertEquals("nochanges", api.post("/apikeys", apiKey(KEY, "console"), bearer).json().get("status")
                    .asText());
            assertEquals("updated", api.post("/apikeys", apiKey(KEY, "agent"), bearer).json().get("status").asText());
            assertEquals("[{\"key\":\"" + KEY + "\",\"description\":\"agent\"}]", api.get("/apikeys", token).body());
            ApiClient.Reply shortKey = api.post("/apikeys", apiKey("short", "x"), bearer);
            assertEquals(400, shortKey.status());
            assertTrue(shortKey.json().get("err").asText().contains("32"), shortKey.body());
            assertEquals(200, api.post("/apikeys/delete", "{\"key\":\"" + KEY + "\"}", bearer).status());
            assertEquals("[]", api.get("/apikeys", token).body());
            assertEquals(405, api.get("/apikeys/delete").status());
        }
    }

    @Test
    void aStoredApiKeyAuthorizesRequestsInTheXApiKeyHeaderButCannotLock() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4))) {
            ApiClient api = farm.api("m");
            assertEquals(401, api.withApiKey("GET", "/settings", null, KEY).status(), "an unknown key is no key");
            assertEquals(200, api.post("/apikeys", apiKey(KEY, "console"), "Bearer " + api.unlock("admin")).status());
            assertEquals(200, api.withApiKey("GET", "/settings", null, KEY).status());
            assertEquals(200, api.withApiKey("GET", "/auth-check", null, KEY).status());
            assertTrue(api.withApiKey("GET", "/status", null, KEY).json().get("unlocked").asBoolean());
            assertEquals(200, api.withApiKey("POST", "/mining/restart", "{}", KEY).status());
            String second = "S".repeat(32);
            assertEquals("inserted", api.withApiKey("POST", "/apikeys", apiKey(second, "agent"), KEY).json()
                    .get("status").asText(), "a key may manage keys");
            assertEquals(401, api.withApiKey("POST", "/lock", "", KEY).status(), "lock takes a token only");
            assertEquals(200, api.withApiKey("POST", "/apikeys/delete", "{\"key\":\"" + KEY + "\"}", second).status());
            assertEquals(401, api.withApiKey("GET", "/settings", null, KEY).status(), "a deleted key stops working");
        }
    }
}
