package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerBlueprint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * 1.3's {@code misc.power_limit} with {@code power_limit_enabled}, as the simulator reads it: the firmware throttles
 * itself so that wall power stays at or under the limit. 1.2.x has neither key and ignores them.
 */
class PowerLimitTest {

    private static JsonNode summary(ApiClient api) {
        return api.get("/summary").json().get("miner");
    }

    private static String limit(int watts, boolean enabled) {
        return "{\"miner\":{\"misc\":{\"power_limit\":" + watts + ",\"power_limit_enabled\":" + enabled + "}}}";
    }

    @Test
    void theFirmwareThrottlesSoThatPowerStaysAtOrUnderTheLimit() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 1))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            farm.advance(Duration.ofMinutes(5));
            int full = summary(api).get("power_consumption").asInt();
            int limit = (int) Math.round(full * 0.85);
            JsonNode saved = api.post("/settings", limit(limit, true), bearer).json();
            assertFalse(saved.get("restart_required").asBoolean(), "the limit applies while mining");
            farm.advance(Duration.ofMinutes(5));
            JsonNode limited = summary(api);
            int power = limited.get("power_consumption").asInt();
            assertTrue(power <= limit, power + " W over the " + limit + " W limit");
            assertTrue(power >= limit * 0.95, power + " W: the limiter should not give away more than it must");
            int throttled = limited.at("/miner_status/throttled").asInt();
            assertTrue(throttled < 100 && throttled >= 20, "throttled " + throttled);
            assertTrue(api.get("/logs/status").body().contains("Power limit " + limit + " W"));
            assertEquals(limit, api.get("/settings", bearer.substring(7)).json().at("/miner/misc/power_limit").asInt());
            api.post("/settings", limit(limit, false), bearer);
            farm.advance(Duration.ofMinutes(5));
            JsonNode free = summary(api);
            assertEquals(100, free.at("/miner_status/throttled").asInt());
            assertEquals(full, free.get("power_consumption").asDouble(), full * 0.03, "full power again");
        }
    }

    @Test
    void theLowerOfTheApiThrottleAndTheLimitApplies() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 2))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            farm.advance(Duration.ofMinutes(5));
            int full = summary(api).get("power_consumption").asInt();
            api.post("/settings", limit((int) (full * 0.9), true), bearer);
            farm.advance(Duration.ofMinutes(3));
            assertEquals(200, api.post("/mining/throttle", "{\"percent\":50}", bearer).status());
            farm.advance(Duration.ofMinutes(1));
            assertEquals(50, summary(api).at("/miner_status/throttled").asInt());
        }
    }

    @Test
    void anUnreachableLimitLeavesTheUnitAtTheThrottleFloor() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 3))) {
            ApiClient api = farm.api("m");
            api.post("/settings", limit(100, true), "Bearer " + api.unlock("admin"));
            farm.advance(Duration.ofMinutes(10));
            assertEquals(20, summary(api).at("/miner_status/throttled").asInt());
        }
    }

    @Test
    void aLimitAboveTheModelsMaximumIsRefusedByName() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 4))) {
            ApiClient api = farm.api("m");
            int max = api.get("/model").json().at("/overclock/max_power_limit").asInt();
            ApiClient.Reply refused = api.post("/settings", limit(max + 1, true), "Bearer " + api.unlock("admin"));
            assertEquals(400, refused.status());
            assertTrue(refused.json().get("err").asText().contains("miner.misc.power_limit"), refused.body());
        }
    }

    @Test
    void firmware12HasNoPowerLimitAndIgnoresTheKeys() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 5))) {
            ApiClient api = farm.api("m");
            String token = api.unlock("admin");
            farm.advance(Duration.ofMinutes(5));
            int full = summary(api).get("power_consumption").asInt();
            assertEquals(200, api.post("/settings", limit(1000, true), "Bearer " + token).status());
            farm.advance(Duration.ofMinutes(5));
            JsonNode misc = api.get("/settings", token).json().at("/miner/misc");
            assertFalse(misc.has("power_limit"));
            assertFalse(misc.has("power_limit_enabled"));
            assertEquals(full, summary(api).get("power_consumption").asDouble(), full * 0.03);
        }
    }
}
