package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulationClock;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reply the simulator serves validates against the firmware's own OpenAPI document: 1.2.7 for 1.2.x miners,
 * 1.3.4 for 1.3.x miners, for every GET route of the document that answers JSON (history, notes, API keys and
 * layout included) and for the replies of the write routes, across models and states (mining, tuning, stopped,
 * failed, immersion, broken board).
 */
class OpenApiConformanceTest {

    /** A note every miner holds, so that {@code /notes/{note}} (requested as {@code /notes/note}) answers 200. */
    private static final String NOTE = "{\"key\":\"note\",\"value\":\"rack A, shelf 3\"}";
    private static final String API_KEY = "k".repeat(32);
    private static final Map<String, String> FIRMWARE = Map.of(OpenApiSchemas.V1_2_7, "1.2.7",
            OpenApiSchemas.V1_3_4, "1.3.4");

    private static OpenApiSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = OpenApiSchemas.load();
    }

    @AfterAll
    static void forget() {
        schemas = null;
    }

    @ParameterizedTest
    @ValueSource(strings = {OpenApiSchemas.V1_2_7, OpenApiSchemas.V1_3_4})
    void everyGetRouteOfTheDocumentValidatesInEveryState(String version) throws IOException {
        String firmware = FIRMWARE.get(version);
        SimulationClock clock = SimulationClock.manual(Instant.parse("2026-11-23T06:00:00Z"));
        SimulatedFleet fleet = SimulatedFleet.create(clock, List.of(
                MinerBlueprint.of("tuned", "antminer-s19", firmware, 1).withPreset("3000", List.of("2710")),
                MinerBlueprint.of("scrypt", "antminer-l7", firmware, 2),
                MinerBlueprint.of("tuning", "antminer-s19j-pro", firmware, 3),
                MinerBlueprint.of("stopped", "antminer-t19", firmware, 4),
                MinerBlueprint.of("broken", "antminer-s21", firmware, 5).withFaults(List.of(
                        new Fault.HashboardFailure(2), new Fault.FanFailure(1))),
                MinerBlueprint.of("immersed", "antminer-s19-xp", firmware, 6)
                        .withFaults(List.of(new Fault.HashboardFailure(3)))), 24);
        try (SimulatorServer server = SimulatorServer.start(fleet)) {
            clock.advance(Duration.ofMinutes(20));
            prepare(server);
            clock.advance(Duration.ofSeconds(90));
            List<String> failures = new ArrayList<>();
            int validated = 0;
            for (MinerEndpoint endpoint : server.endpoints()) {
                ApiClient api = new ApiClient(endpoint);
                String token = api.unlock("admin");
                for (String path : getRoutes(version)) {
                    ApiClient.Reply reply = api.get(path.replace("{", "").replace("}", ""), token);
                    if (reply.status() == 404 && !servedBy(path, firmware)) {
                        continue;
                    }
                    validated++;
                    check(failures, version, endpoint.minerId() + " GET " + path, reply, 200,
                            schemas.againstResponse(version, "get", path, 200, reply.body()));
                }
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            assertTrue(validated >= 6 * 10, "expected every served route validated on every miner, got " + validated);
        }
    }

    /**
     * Puts the miners into the states the test wants to see replies from, and gives each a note, an API key and
     * (one of them) a dashboard layout, so that those replies are not empty.
     */
    private static void prepare(SimulatorServer server) {
        for (MinerEndpoint endpoint : server.endpoints()) {
            ApiClient api = new ApiClient(endpoint);
            String bearer = "Bearer " + api.unlock("admin");
            assertEquals(200, api.post("/notes", NOTE, bearer).status());
            assertEquals(200, api.post("/apikeys", "{\"key\":\"" + API_KEY + "\",\"description\":\"console\"}",
                    bearer).status());
        }
        ApiClient layout = new ApiClient(server.endpoint("tuned"));
        assertEquals(200, layout.post("/settings", "{\"layout\":{\"lg\":{\"summary\":\"0,0,6,2\"},\"xs\":null}}",
                "Bearer " + layout.unlock("admin")).status());
        ApiClient tuning = new ApiClient(server.endpoint("tuning"));
        String token = tuning.unlock("admin");
        assertEquals(200, tuning.post("/settings", "{\"miner\":{\"overclock\":{\"preset\":\"2900\"}}}",
                "Bearer " + token).status());
        ApiClient stopped = new ApiClient(server.endpoint("stopped"));
        assertEquals(200, stopped.post("/mining/stop", "", "Bearer " + stopped.unlock("admin")).status());
        ApiClient immersed = new ApiClient(server.endpoint("immersed"));
        assertEquals(200, immersed.post("/settings", "{\"miner\":{\"cooling\":{\"mode\":{\"name\":\"immers\"}}}}",
                "Bearer " + immersed.unlock("admin")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {OpenApiSchemas.V1_2_7, OpenApiSchemas.V1_3_4})
    void postRepliesValidate(String version) throws IOException {
        String firmware = FIRMWARE.get(version);
        SimulationClock clock = SimulationClock.manual(Instant.parse("2026-11-23T06:00:00Z"));
        SimulatedFleet fleet = SimulatedFleet.create(clock,
                List.of(MinerBlueprint.of("m", "antminer-s19-pro", firmware, 7)), 22);
        try (SimulatorServer server = SimulatorServer.start(fleet)) {
            ApiClient api = new ApiClient(server.endpoint("m"));
            List<String> failures = new ArrayList<>();
            check(failures, version, "POST /unlock (wrong)", api.post("/unlock", "{\"pw\":\"nope\"}", null), 403,
                    null);
            String token = api.unlock("admin");
            String bearer = "Bearer " + token;
            check(failures, version, "POST /settings", api.post("/settings",
                    "{\"miner\":{\"cooling\":{\"mode\":{\"name\":\"manual\",\"param\":70}}}}", bearer), 200, null);
            check(failures, version, "POST /find-miner", api.post("/find-miner", "", null), 200, null);
            check(failures, version, "POST /mining/switch-pool",
                    api.post("/mining/switch-pool", "{\"pool_id\":2}", bearer), 500, null);
            if (firmware.startsWith("1.3")) {
                check(failures, version, "POST /locate-miner", api.post("/locate-miner", "", null), 200, null);
                check(failures, version, "POST /mining/throttle",
                        api.post("/mining/throttle", "{\"percent\":80}", bearer), 200, null);
            }
            storageReplies(failures, version, api, bearer);
            maintenanceReplies(failures, version, api, bearer, firmware);
            check(failures, version, "POST /settings", api.post("/settings",
                    "{\"miner\":{\"overclock\":{\"chains\":[{\"disabled\":true}]}}}", bearer), 200, null);
            ApiClient.Reply metrics = api.get("/metrics?time_slice=3600&step=60");
            check(failures, version, "GET /metrics", metrics, 200, null);
            assertTrue(metrics.body().contains("disable_"), "a board event to validate: " + metrics.body());
            check(failures, version, "POST /system/reboot", api.post("/system/reboot", "{\"after\":3}", bearer), 200,
                    null);
            check(failures, version, "POST /settings/factory-reset", api.post("/settings/factory-reset", "", bearer),
                    200, null);
            for (int i = 0; i < 5; i++) {
                api.post("/unlock", "{\"pw\":\"nope\"}", null);
            }
            check(failures, version, "POST /unlock (rate limited)", api.post("/unlock", "{\"pw\":\"x\"}", null), 429,
                    null);
            check(failures, version, "GET /auth-check", api.get("/auth-check"), 401, null);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    /** Notes and API keys: their JSON replies, errors included, and the statuses of their empty ones. */
    private static void storageReplies(List<String> failures, String version, ApiClient api, String bearer) {
        check(failures, version, "POST /notes", api.post("/notes", NOTE, bearer), 200, List.of());
        check(failures, version, "POST /notes", api.post("/notes", NOTE, bearer), 409, null);
        check(failures, version, "GET /notes/{note}", api.get("/notes/ghost"), 404, null);
        check(failures, version, "DELETE /notes/{note}", api.delete("/notes/ghost", bearer), 404, null);
        check(failures, version, "PUT /notes/{note}", api.put("/notes/note", "{\"value\":\"moved\"}", bearer), 200,
                List.of());
        check(failures, version, "DELETE /notes/{note}", api.delete("/notes/note", bearer), 200, List.of());
        String key = "{\"key\":\"" + API_KEY + "\",\"description\":\"console\"}";
        check(failures, version, "POST /apikeys", api.post("/apikeys", key, bearer), 200, null);
        check(failures, version, "POST /apikeys", api.post("/apikeys", key.replace("console", "agent"), bearer), 200,
                null);
        check(failures, version, "GET /apikeys", api.get("/apikeys", bearer.substring("Bearer ".length())), 200,
                null);
        check(failures, version, "POST /apikeys/delete", api.post("/apikeys/delete", "{\"key\":\"" + API_KEY + "\"}",
                bearer), 200, List.of());
        check(failures, version, "POST /logs/{log_type}/clear", api.post("/logs/status/clear", "", bearer), 200,
                List.of());
    }

    /** Firmware refusals, warranty replies and the layout. */
    private static void maintenanceReplies(List<String> failures, String version, ApiClient api, String bearer,
                                           String firmware) {
        check(failures, version, "POST /firmware/update", api.post("/firmware/update", "", bearer), 500, null);
        String remove = firmware.startsWith("1.3") ? "{\"remove_stock_logs\":false}" : "";
        check(failures, version, "POST /firmware/remove", api.post("/firmware/remove", remove, bearer), 400, null);
        check(failures, version, "POST /activate-warranty", api.post("/activate-warranty", "", bearer), 200, null);
        check(failures, version, "GET /status", api.get("/status"), 200, null);
        check(failures, version, "POST /cancel-warranty", api.post("/cancel-warranty", "", bearer), 200, null);
        check(failures, version, "POST /activate-warranty", api.post("/activate-warranty", "", bearer), 200, null);
        check(failures, version, "GET /layout", api.get("/layout"), 200, null);
    }

    @Test
    void brokenRepliesFailValidation() throws IOException {
        SimulationClock clock = SimulationClock.manual(Instant.parse("2026-11-23T06:00:00Z"));
        SimulatedFleet fleet = SimulatedFleet.create(clock,
                List.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 8)), 22);
        try (SimulatorServer server = SimulatorServer.start(fleet)) {
            String summary = new ApiClient(server.endpoint("m")).get("/summary").body();
            assertTrue(schemas.againstComponent(OpenApiSchemas.V1_2_7, "Summary", summary).isEmpty(),
                    "the untouched summary must validate, or the broken one proves nothing");
            String stringHashrate = summary.replaceFirst("\"hr_realtime\":([0-9.]+)", "\"hr_realtime\":\"$1\"");
            String missingChains = summary.replaceFirst("\"chains\":", "\"boards_renamed\":");
            String badState = summary.replaceFirst("\"miner_state\":\"mining\"", "\"miner_state\":\"running\"");
            assertFalse(schemas.againstComponent(OpenApiSchemas.V1_2_7, "Summary", stringHashrate).isEmpty());
            assertFalse(schemas.againstComponent(OpenApiSchemas.V1_2_7, "Summary", missingChains).isEmpty());
            assertFalse(schemas.againstComponent(OpenApiSchemas.V1_2_7, "Summary", badState).isEmpty());
            assertFalse(schemas.againstComponent(OpenApiSchemas.V1_3_4, "Summary", summary).isEmpty(),
                    "a 1.2.x summary lacks restart_count and throttled, which 1.3.4 requires");
            assertFalse(schemas.againstResponse(OpenApiSchemas.V1_2_7, "get", "/info", 200, "{}").isEmpty(),
                    "route pointers must resolve to the documented schema, not to an empty one");
            assertFalse(schemas.againstResponse(OpenApiSchemas.V1_3_4, "get", "/autotune/presets", 200,
                    "[{\"name\":\"3000\"}]").isEmpty());
            assertFalse(schemas.againstResponse(OpenApiSchemas.V1_2_7, "get", "/metrics", 200,
                    "{\"timezone\":\"GMT\",\"metrics\":[{\"time\":1,\"data\":{\"hashrate\":1}}],"
                            + "\"annotations\":[]}").isEmpty(), "a metric sample without its fields is refused");
            assertFalse(schemas.againstResponse(OpenApiSchemas.V1_3_4, "get", "/metrics", 200,
                    "{\"timezone\":\"GMT\",\"metrics\":[],\"annotations\":[{\"time\":1,"
                            + "\"data\":{\"type\":\"disable_chain\"}}]}").isEmpty(),
                    "1.3.4 spells board events disable_board");
            assertFalse(schemas.againstResponse(OpenApiSchemas.V1_2_7, "post", "/apikeys", 200,
                    "{\"status\":\"added\"}").isEmpty());
        }
    }

    private static void check(List<String> failures, String version, String what, ApiClient.Reply reply,
                              int expectedStatus, List<Error> precomputed) {
        if (reply.status() != expectedStatus) {
            failures.add(what + ": status " + reply.status() + ", expected " + expectedStatus + ": " + reply.body());
            return;
        }
        String[] parts = what.split(" ");
        List<Error> errors = precomputed != null ? precomputed
                : schemas.againstResponse(version, parts[0].toLowerCase(java.util.Locale.ROOT), parts[1],
                        expectedStatus, reply.body().isEmpty() ? "null" : reply.body());
        if (!errors.isEmpty()) {
            failures.add(what + ": " + errors + "\n   body: " + abbreviate(reply.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }

    private static boolean servedBy(String path, String firmware) {
        boolean v13 = firmware.startsWith("1.3");
        return switch (path) {
            case "/chains", "/chips" -> !v13;
            case "/boards" -> v13;
            default -> true;
        };
    }

    /** GET routes of the document that answer JSON, minus those the simulator does not serve. */
    private static List<String> getRoutes(String version) throws IOException {
        JsonNode document = Json.MAPPER.readTree(Files.readString(OpenApiSchemas.sharedFolder()
                .resolve("fixtures/vnish-openapi/" + version + "-api-doc.json")));
        List<String> routes = new ArrayList<>();
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            JsonNode get = document.get("paths").get(path).get("get");
            if (get != null && get.at("/responses/200/content/application~1json").isObject()) {
                routes.add(path);
            }
        }
        return routes;
    }
}
