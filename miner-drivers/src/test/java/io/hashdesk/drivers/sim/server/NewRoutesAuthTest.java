package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.sim.MinerBlueprint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The auth matrix of the history, notes, API-key and maintenance routes, from the firmware's {@code security}:
 * writes refuse a caller without credentials (401) and accept an unlock token or a stored API key; reads of
 * metrics, logs, notes and layout need neither.
 */
class NewRoutesAuthTest {

    private static final String KEY = "AuthMatrixKey-0123456789abcdefgh";

    /** A protected call; the factory reset is last, since the reboot it schedules ends the sessions. */
    private record Call(String method, String route, String body) {
    }

    private static List<Call> protectedCalls(String firmware) {
        List<Call> calls = new ArrayList<>(List.of(
                new Call("POST", "/logs/status/clear", ""),
                new Call("POST", "/logs/*/clear", ""),
                new Call("POST", "/notes", "{\"key\":\"k\",\"value\":\"v\"}"),
                new Call("PUT", "/notes/k", "{\"value\":\"w\"}"),
                new Call("DELETE", "/notes/k", null),
                new Call("GET", "/apikeys", null),
                new Call("POST", "/apikeys", "{\"key\":\"" + "z".repeat(32) + "\",\"description\":\"d\"}"),
                new Call("POST", "/apikeys/delete", "{\"key\":\"" + "z".repeat(32) + "\"}"),
                new Call("POST", "/firmware/update", ""),
                new Call("POST", "/firmware/remove", firmware.startsWith("1.3") ? "{\"remove_stock_logs\":false}" : ""),
                new Call("POST", "/activate-warranty", ""),
                new Call("POST", "/cancel-warranty", "")));
        if (firmware.startsWith("1.3")) {
            calls.add(new Call("POST", "/logs/pool/clear", ""));
        }
        calls.add(new Call("POST", "/settings/factory-reset", ""));
        return calls;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.3.4"})
    void writesNeedATokenOrAnApiKey(String firmware) {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19-pro", firmware, 1))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            assertEquals(200, api.post("/apikeys", "{\"key\":\"" + KEY + "\",\"description\":\"matrix\"}", bearer)
                    .status());
            for (Call call : protectedCalls(firmware)) {
                String what = call.method() + " " + call.route();
                assertEquals(401, api.send(call.method(), call.route(), call.body(), null).status(), what + " anonymous");
                assertEquals(401, api.send(call.method(), call.route(), call.body(), "Bearer wrong").status(),
                        what + " with a stale token");
                int withToken = api.send(call.method(), call.route(), call.body(), bearer).status();
                assertNotEquals(401, withToken, what + " with a token");
                int withKey = api.withApiKey(call.method(), call.route(), call.body(), KEY).status();
                assertNotEquals(401, withKey, what + " with an API key");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.3.4"})
    void readsNeedNoCredentials(String firmware) {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19-pro", firmware, 2))) {
            ApiClient api = farm.api("m");
            for (String route : List.of("/metrics", "/logs/status", "/logs/api", "/notes", "/layout",
                    "/docs/api-doc.json")) {
                assertEquals(200, api.get(route).status(), route);
            }
            assertTrue(api.get("/notes/missing").status() == 404, "a missing note is 404, not 401");
        }
    }
}
