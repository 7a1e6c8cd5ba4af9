package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerBlueprint;
import org.junit.jupiter.api.Test;

/** Firmware 1.2.x and 1.3.x serve different route sets and reply shapes. */
class RouteSetTest {

    @Test
    void firmware12ServesChainsAndFindMinerButNotBoardsOrThrottle() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("old", "antminer-s19", "1.2.7", 1))) {
            ApiClient api = farm.api("old");
            String token = api.unlock("admin");
            assertTrue(api.get("/").body().contains("AnthillOS"));
            JsonNode chains = api.get("/chains").json();
            assertEquals(3, chains.size());
            assertEquals(1, chains.get(0).get("id").asInt(), "chains are numbered from 1");
            assertEquals(76, chains.get(0).get("chips").size());
            assertEquals(76, api.get("/chips").json().get("chips_per_chain").asInt());
            assertEquals(404, api.get("/boards").status());
            assertEquals(404, api.post("/mining/throttle", "{\"percent\":50}", token).status());
            assertEquals(404, api.post("/locate-miner", "", null).status());
            assertTrue(api.post("/find-miner", "", null).json().get("on").asBoolean());
            assertTrue(api.get("/status").json().get("find_miner").asBoolean());
            JsonNode summary = api.get("/summary").json().get("miner");
            assertFalse(summary.has("restart_count"));
            assertFalse(summary.get("miner_status").has("throttled"));
            assertEquals("Antminer S19 (Vnish 1.2.7)", summary.get("miner_type").asText());
            assertEquals(405, api.get("/mining/restart").status());
        }
    }

    @Test
    void firmware13ServesBoardsLocateAndThrottle() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("new", "antminer-s21", "1.3.4", 2))) {
            ApiClient api = farm.api("new");
            String token = api.unlock("admin");
            assertEquals(3, api.get("/boards").json().size());
            assertEquals(404, api.get("/chains").status());
            assertEquals(404, api.get("/chips").status());
            assertTrue(api.post("/locate-miner", "", null).json().get("is_enabled").asBoolean());
            JsonNode saved = api.post("/mining/throttle", "{\"percent\":60}", token).json();
            assertFalse(saved.get("restart_required").asBoolean());
            JsonNode summary = api.get("/summary").json().get("miner");
            assertEquals(60, summary.get("miner_status").get("throttled").asInt());
            assertTrue(summary.has("restart_count"));
            assertTrue(summary.get("psu").has("temps"));
            assertEquals("ok", summary.get("cooling").get("fans").get(0).get("status").asText());
            assertEquals(400, api.post("/mining/throttle", "{\"percent\":10}", token).status());
        }
    }

    @Test
    void scryptModelsReportMegahashAndShaModelsGigahash() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("l7", "antminer-l7", "1.2.7", 3),
                MinerBlueprint.of("s19", "antminer-s19", "1.2.7", 4))) {
            JsonNode l7 = farm.api("l7").get("/info").json();
            assertEquals("MH/s", l7.get("hr_measure").asText());
            assertEquals("scrypt", l7.get("algorithm").asText());
            double l7Rate = farm.api("l7").get("/summary").json().get("miner").get("hr_stock").asDouble();
            assertEquals(9500, l7Rate, 1, "an L7's 9.5 GH/s is 9500 in MH/s");
            assertEquals("GH/s", farm.api("s19").get("/info").json().get("hr_measure").asText());
            assertEquals(95000, farm.api("s19").get("/summary").json().get("miner").get("hr_stock").asDouble(), 1);
            JsonNode chain = farm.api("s19").get("/summary").json().get("miner").get("chains").get(0);
            assertTrue(chain.get("voltage").asInt() > 10_000, "chain voltage is in mV");
            JsonNode settings = farm.api("s19").get("/settings", farm.api("s19").unlock("admin")).json();
            assertEquals(1380, settings.at("/miner/overclock/globals/volt").asInt(), "settings volt is in 10 mV");
        }
    }
}
