package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.EventLog;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.SaveResult;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Vnish web API of one simulated miner: routes under {@code /api/v1} with the firmware's methods, auth matrix,
 * status codes and reply shapes for its firmware line, plus the web root that says {@code AnthillOS} and the
 * firmware's OpenAPI document at {@code /docs/api-doc.json}. A request is authorized by an unlock token
 * ({@code Authorization}, bearer or raw) or by a stored API key ({@code x-api-key}); {@code /lock} takes only a
 * token, as the firmware's security schemes say. Writes and refused requests are written to the unit's
 * {@code api} log (reads are not: polling would push everything else out of it). Wire faults (500s, broken or
 * truncated JSON, missing fields) are applied here on the way out.
 */
final class VnishApi {

    static final String BASE = "/api/v1";
    private static final String ROOT_PAGE = "<!doctype html><html><head><title>AnthillOS</title></head>"
            + "<body><div id=\"root\">AnthillOS</div></body></html>";
    /** What a stripped or older build leaves out, per route; applied by {@link Fault.MissingFields}. */
    private static final Map<String, List<String>> MISSING_FIELDS = Map.of(
            "/summary", List.of("miner.hr_stock", "miner.hr_nominal", "miner.hr_realtime", "miner.hr_average",
                    "miner.power_consumption", "miner.cooling.fans[].status", "miner.cooling.fans[].max_rpm",
                    "miner.chains[].chip_statuses", "miner.chains[].power_consumption", "miner.restart_count",
                    "miner.psu"),
            "/info", List.of("serial", "system.network_status.hostname"),
            "/status", List.of("find_miner"),
            "/perf-summary", List.of("current_preset"),
            "/settings", List.of("miner.misc", "ui"));
    /** Share of a reply kept by {@link Fault.MalformedJson}: enough to look like JSON, never enough to parse. */
    private static final double MALFORMED_SHARE = 0.6;

    private final SimulatedMiner miner;
    private final AuthSessions auth;
    private final FirmwareStorage storage;
    private final ControlRoutes control;
    private final HistoryRoutes history;
    private final StorageRoutes stored;
    private final MaintenanceRoutes maintenance;

    VnishApi(SimulatedMiner miner, AuthSessions auth, boolean emptyControlReplies) {
        this.miner = miner;
        this.auth = auth;
        this.storage = new FirmwareStorage(miner.limits());
        ControlReplies replies = new ControlReplies(emptyControlReplies);
        this.control = new ControlRoutes(miner, auth, storage, replies);
        this.history = new HistoryRoutes(miner, replies);
        this.stored = new StorageRoutes(miner, storage, replies);
        this.maintenance = new MaintenanceRoutes(miner, storage);
    }

    HttpResponse handle(HttpRequest request) {
        auth.onBoot(miner.bootCount());
        List<Fault> faults = miner.faults();
        if (request.path().equals("/") || request.path().equals("/index.html")) {
            return request.method().equals("GET")
                    ? HttpResponse.of(200, HttpResponse.HTML, ROOT_PAGE.getBytes(StandardCharsets.UTF_8))
                    : HttpResponse.empty(405);
        }
        if (request.path().equals(ApiDocuments.PATH)) {
            return request.method().equals("GET") ? ApiDocuments.of(miner.firmware()) : HttpResponse.empty(405);
        }
        if (!request.path().startsWith(BASE + "/")) {
            return notFound();
        }
        if (faults.stream().anyMatch(Fault.ServerError.class::isInstance)) {
            return HttpResponse.json(500, "{\"err\":\"Internal Server Error\"}");
        }
        String route = request.path().substring(BASE.length());
        HttpResponse response = route(request, route, faults);
        logRequest(request, response);
        if (response.isJson() && faults.stream().anyMatch(Fault.MalformedJson.class::isInstance)) {
            byte[] body = response.body();
            response = HttpResponse.of(response.status(), response.contentType(),
                    java.util.Arrays.copyOf(body, (int) (body.length * MALFORMED_SHARE)));
        }
        if (faults.stream().anyMatch(Fault.TruncatedBody.class::isInstance) && response.body().length > 0) {
            response = response.truncated();
        }
        return response;
    }

    private HttpResponse route(HttpRequest request, String route, List<Fault> faults) {
        boolean boards = miner.firmware().boardsApi();
        boolean bearer = auth.authorized(request.header("authorization"));
        boolean authorized = bearer || storage.authorizes(request.header("x-api-key"));
        Optional<HttpResponse> other = history.handle(request, route, authorized)
                .or(() -> stored.handle(request, route, authorized))
                .or(() -> maintenance.handle(request, route, authorized));
        if (other.isPresent()) {
            return other.get();
        }
        String method = request.method();
        if (method.equals("GET")) {
            Optional<JsonNode> document = document(route, authorized, boards);
            if (document.isPresent()) {
                JsonNode node = document.get();
                if (faults.stream().anyMatch(Fault.MissingFields.class::isInstance)) {
                    Json.drop(node, MISSING_FIELDS.getOrDefault(route, List.of()));
                }
                return HttpResponse.json(200, Json.write(node));
            }
            if (route.equals("/auth-check")) {
                return HttpResponse.json(401, "{}");
            }
            if (PROTECTED_READS.contains(route)) {
                return HttpResponse.empty(401);
            }
        } else if (method.equals("POST")) {
            Optional<HttpResponse> result = control.handle(route, request, authorized, bearer);
            if (result.isPresent()) {
                return result.get();
            }
        }
        return knownRoute(route, boards) ? HttpResponse.empty(405) : notFound();
    }

    private static final List<String> PROTECTED_READS = List.of("/settings", "/autotune/presets");

    /** The GET document for a route, empty when the route has none for this caller or firmware. */
    private Optional<JsonNode> document(String route, boolean authorized, boolean boards) {
        MinerReading reading = miner.reading();
        JsonNode node = switch (route) {
            case "/info" -> DeviceDocuments.info(miner, reading);
            case "/model" -> DeviceDocuments.model(miner);
            case "/status" -> DeviceDocuments.status(miner, reading, authorized, storage.warranty().wireName());
            case "/summary" -> TelemetryDocuments.summary(miner, reading);
            case "/perf-summary" -> DeviceDocuments.perfSummary(miner);
            case "/chains/factory-info" -> DeviceDocuments.factoryInfo(miner);
            case "/ui" -> DeviceDocuments.ui(miner);
            case "/chains", "/chips" -> boards ? null
                    : route.equals("/chains") ? TelemetryDocuments.chipsPerBoard(miner, reading)
                    : TelemetryDocuments.chips(miner, reading);
            case "/boards" -> boards ? TelemetryDocuments.chipsPerBoard(miner, reading) : null;
            case "/autotune/presets" -> authorized ? DeviceDocuments.presets(miner) : null;
            case "/settings" -> authorized ? SettingsDocument.of(miner, true, storage.layout()) : null;
            case "/auth-check" -> authorized ? Json.object() : null;
            default -> null;
        };
        return Optional.ofNullable(node);
    }

    private static boolean knownRoute(String route, boolean boards) {
        return switch (route) {
            case "/info", "/model", "/status", "/summary", "/perf-summary", "/chains/factory-info", "/ui",
                 "/autotune/presets", "/settings", "/auth-check", "/unlock", "/lock", "/lock/others",
                 "/settings/backup", "/settings/restore", "/mining/start", "/mining/stop", "/mining/pause",
                 "/mining/resume", "/mining/restart", "/mining/switch-pool", "/system/reboot", "/find-miner",
                 "/autotune/reset", "/autotune/reset-all" -> true;
            case "/chains", "/chips" -> !boards;
            case "/boards", "/locate-miner", "/mining/throttle" -> boards;
            default -> false;
        };
    }

    /** The {@code api} log's line for a write or a refusal; secrets in bodies never reach it. */
    private void logRequest(HttpRequest request, HttpResponse response) {
        int status = response.status();
        boolean refused = status == 401 || status == 403 || status == 429;
        if (request.method().equals("GET") && !refused) {
            return;
        }
        EventLog.Level level = status >= 500 ? EventLog.Level.ERROR : status >= 400 ? EventLog.Level.WARN
                : EventLog.Level.INFO;
        miner.log().write(EventLog.LogType.API, miner.now(), level, request.method() + " " + request.path() + " "
                + status);
    }

    private static HttpResponse notFound() {
        return HttpResponse.json(404, "{\"err\":\"Not Found\"}");
    }

    static Optional<JsonNode> parse(HttpRequest request) {
        if (request.body().length == 0) {
            return Optional.of(Json.object());
        }
        try {
            return Optional.of(Json.MAPPER.readTree(request.body()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    static HttpResponse error(int status, String message) {
        ObjectNode err = Json.object();
        err.put("err", message);
        return HttpResponse.json(status, Json.write(err));
    }

    static HttpResponse saved(SaveResult result) {
        ObjectNode node = Json.object();
        node.put("restart_required", result.restartRequired());
        node.put("reboot_required", result.rebootRequired());
        return HttpResponse.json(200, Json.write(node));
    }
}
