package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.sim.MinerBlueprint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthFlowTest {

    @Test
    void unlockGivesATokenThatWorksAsBearerOrRawAndProtectedRoutesRefuseWithout() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 1))) {
            ApiClient api = farm.api("m");
            assertEquals(401, api.get("/settings").status());
            assertEquals(401, api.get("/autotune/presets").status());
            assertEquals(401, api.get("/auth-check").status());
            assertEquals(401, api.post("/mining/restart", "{}", null).status());
            assertEquals(200, api.get("/summary").status(), "summary is readable without a token");
            assertEquals(200, api.get("/info").status());
            String token = api.unlock("admin");
            assertEquals(32, token.length());
            assertEquals(200, api.get("/settings", token).status());
            assertEquals(200, api.post("/mining/restart", "{}", token).status(), "a raw token is accepted");
            assertEquals(200, api.post("/mining/restart", "{}", "Bearer " + token).status());
            assertEquals(401, api.post("/mining/restart", "{}", "Bearer nonsense").status());
            assertTrue(api.post("/unlock", "{\"pw\":\"admin\"}", null).json().has("token"));
            ApiClient.Reply status = api.get("/status", token);
            assertTrue(status.json().get("unlocked").asBoolean());
            assertFalse(api.get("/status").json().get("unlocked").asBoolean());
        }
    }

    @Test
    void aWrongPasswordIs403AndTooManyAre429UntilTheLockoutPasses() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2))) {
            ApiClient api = farm.api("m");
            for (int attempt = 1; attempt < 5; attempt++) {
                assertEquals(403, api.post("/unlock", "{\"pw\":\"guess" + attempt + "\"}", null).status());
            }
            ApiClient.Reply limited = api.post("/unlock", "{\"pw\":\"guess5\"}", null);
            assertEquals(429, limited.status());
            assertTrue(limited.json().get("unlock_timeout").asInt() > 0);
            assertEquals(429, api.post("/unlock", "{\"pw\":\"admin\"}", null).status(),
                    "while locked out even the right password is refused");
            farm.advance(Duration.ofSeconds(61));
            assertEquals(200, api.post("/unlock", "{\"pw\":\"admin\"}", null).status());
            assertEquals(400, api.post("/unlock", "{\"password\":\"admin\"}", null).status());
        }
    }

    @Test
    void lockAndRebootEndSessionsAndAPasswordChangeTakesEffect() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 3))) {
            ApiClient api = farm.api("m");
            String first = api.unlock("admin");
            String second = api.unlock("admin");
            assertNotEquals(first, second);
            assertEquals(200, api.post("/lock", "", "Bearer " + first).status());
            assertEquals(401, api.get("/auth-check", first).status());
            assertEquals(200, api.get("/auth-check", second).status());
            assertEquals(200, api.post("/settings", "{\"password\":{\"current\":\"admin\",\"pw\":\"s3cret\"}}",
                    "Bearer " + second).status());
            assertEquals(403, api.post("/unlock", "{\"pw\":\"admin\"}", null).status());
            assertEquals(200, api.post("/system/reboot", "{}", "Bearer " + second).status());
            farm.advance(Duration.ofMinutes(3));
            assertEquals(401, api.get("/auth-check", second).status(), "a reboot forgets every session");
            assertEquals(32, api.unlock("s3cret").length());
        }
    }
}
