package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.SaveResult;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web API's POST routes: unlock and lock, settings write, backup and restore, mining control, pool switch,
 * throttle (1.3.x), locate LED, reboot and autotune resets. Everything but unlock and the locate LED needs a token
 * or an API key; lock needs a token. A restore is refused (403) while the warranty is active.
 */
final class ControlRoutes {

    private static final String CONTROL = "/mining/";

    private final SimulatedMiner miner;
    private final AuthSessions auth;
    private final FirmwareStorage storage;
    private final ControlReplies replies;

    ControlRoutes(SimulatedMiner miner, AuthSessions auth, FirmwareStorage storage, ControlReplies replies) {
        this.miner = miner;
        this.auth = auth;
        this.storage = storage;
        this.replies = replies;
    }

    /**
     * The reply for a POST route, empty when this firmware has no such POST route.
     *
     * @param authorized a token or an API key came with the request
     * @param bearer     a token came with it (what {@code /lock} takes)
     */
    Optional<HttpResponse> handle(String route, HttpRequest request, boolean authorized, boolean bearer) {
        boolean boards = miner.firmware().boardsApi();
        switch (route) {
            case "/unlock" -> {
                return Optional.of(unlock(request));
            }
            case "/find-miner" -> {
                ObjectNode on = Json.object();
                on.put("on", miner.toggleLocate());
                return Optional.of(HttpResponse.json(200, Json.write(on)));
            }
            case "/locate-miner" -> {
                if (!boards) {
                    return Optional.empty();
                }
                ObjectNode enabled = Json.object();
                enabled.put("is_enabled", miner.toggleLocate());
                return Optional.of(HttpResponse.json(200, Json.write(enabled)));
            }
            default -> {
                if (!protectedRoute(route, boards)) {
                    return Optional.empty();
                }
                boolean allowed = route.startsWith("/lock") ? bearer : authorized;
                return Optional.of(allowed ? protectedRoute(route, request) : HttpResponse.empty(401));
            }
        }
    }

    private static boolean protectedRoute(String route, boolean boards) {
        return switch (route) {
            case "/lock", "/lock/others", "/settings", "/settings/backup", "/settings/restore", "/mining/start",
                 "/mining/stop", "/mining/pause", "/mining/resume", "/mining/restart", "/mining/switch-pool",
                 "/system/reboot", "/autotune/reset", "/autotune/reset-all" -> true;
            case "/mining/throttle" -> boards;
            default -> false;
        };
    }

    private HttpResponse protectedRoute(String route, HttpRequest request) {
        if (route.equals("/settings/restore")) {
            return restore(request);
        }
        if (route.equals("/settings/backup")) {
            byte[] settings = Json.write(SettingsDocument.of(miner, false, storage.layout()))
                    .getBytes(StandardCharsets.UTF_8);
            return HttpResponse.of(200, HttpResponse.OCTETS,
                    BackupArchive.write(settings, miner.now().getEpochSecond()));
        }
        Optional<JsonNode> parsed = VnishApi.parse(request);
        if (parsed.isEmpty()) {
            return VnishApi.error(400, "Request body is not valid JSON");
        }
        JsonNode body = parsed.get();
        return switch (route) {
            case "/lock" -> {
                auth.lock(request.header("authorization"));
                yield HttpResponse.empty(200);
            }
            case "/lock/others" -> lockOthers(request, body);
            case "/settings" -> writeSettings(body);
            case "/system/reboot" -> {
                ObjectNode after = Json.object();
                after.put("after", miner.reboot().toSeconds());
                yield HttpResponse.json(200, Json.write(after));
            }
            case "/mining/switch-pool" -> switchPool(body);
            case "/mining/throttle" -> throttle(body);
            case "/autotune/reset", "/autotune/reset-all" -> resetAutotune(route, body);
            default -> mining(route.substring(CONTROL.length()));
        };
    }

    private HttpResponse unlock(HttpRequest request) {
        Optional<JsonNode> body = VnishApi.parse(request);
        JsonNode pw = body.map(b -> b.get("pw")).orElse(null);
        if (pw == null || !pw.isTextual()) {
            return VnishApi.error(400, "Expected {\"pw\": \"...\"}");
        }
        return switch (auth.unlock(pw.textValue(), miner.password(), miner.now())) {
            case AuthSessions.Unlock.Granted granted -> {
                ObjectNode token = Json.object();
                token.put("token", granted.token());
                yield HttpResponse.json(200, Json.write(token));
            }
            case AuthSessions.Unlock.WrongPassword _ -> HttpResponse.json(403, "{}");
            case AuthSessions.Unlock.RateLimited limited -> {
                ObjectNode timeout = Json.object();
                timeout.put("unlock_timeout", Math.max(1, limited.retryAfter().toSeconds()));
                yield HttpResponse.json(429, Json.write(timeout));
            }
        };
    }

    private HttpResponse lockOthers(HttpRequest request, JsonNode body) {
        JsonNode pw = body.get("pw");
        if (pw == null || !miner.password().equals(pw.asText())) {
            return VnishApi.error(400, "Wrong password");
        }
        auth.lockOthers(request.header("authorization"));
        return HttpResponse.empty(200);
    }

    private HttpResponse writeSettings(JsonNode body) {
        try {
            SettingsPatch.Result result = SettingsPatch.apply(body, miner);
            JsonNode layout = SettingsPatch.present(body, "layout");
            if (layout != null) {
                storage.layout(MaintenanceRoutes.checkLayout(layout));
            }
            result.newPassword().ifPresent(miner::changePassword);
            return VnishApi.saved(miner.applySettings(result.settings()));
        } catch (SettingsPatch.InvalidSettingsException e) {
            return VnishApi.error(400, e.getMessage());
        }
    }

    private HttpResponse restore(HttpRequest request) {
        if (storage.warranty() == FirmwareStorage.Warranty.ACTIVE) {
            return HttpResponse.empty(403);
        }
        Optional<JsonNode> settings = BackupArchive.formField(request, "file").flatMap(BackupArchive::read)
                .flatMap(json -> VnishApi.parse(new HttpRequest("POST", "", "", java.util.Map.of(), json)));
        if (settings.isEmpty() || !settings.get().isObject()) {
            return VnishApi.error(400, "Not a settings backup: expected a multipart field 'file' with the archive");
        }
        ObjectNode document = (ObjectNode) settings.get();
        document.remove("password");
        try {
            SettingsPatch.Result restored = SettingsPatch.apply(document, miner);
            JsonNode layout = SettingsPatch.present(document, "layout");
            storage.layout(layout == null ? null : MaintenanceRoutes.checkLayout(layout));
            miner.applySettings(restored.settings());
        } catch (SettingsPatch.InvalidSettingsException e) {
            return VnishApi.error(400, "Backup does not fit this miner: " + e.getMessage());
        }
        ObjectNode after = Json.object();
        after.put("after", miner.reboot().toSeconds());
        return HttpResponse.json(200, Json.write(after));
    }

    private HttpResponse switchPool(JsonNode body) {
        JsonNode id = body.get("pool_id");
        if (id == null || !id.isIntegralNumber()) {
            return VnishApi.error(400, "Expected {\"pool_id\": <int>}");
        }
        return miner.switchPool(id.intValue()) ? done() : VnishApi.error(500, "Could not find pool");
    }

    private HttpResponse throttle(JsonNode body) {
        JsonNode percent = body.get("percent");
        if (percent == null || !percent.isIntegralNumber() || percent.intValue() < SimulatedMiner.MIN_THROTTLE_PERCENT
                || percent.intValue() > 100) {
            return VnishApi.error(400, "percent: expected an integer within "
                    + SimulatedMiner.MIN_THROTTLE_PERCENT + "..100");
        }
        miner.throttle(percent.intValue());
        return VnishApi.saved(new SaveResult(false, false));
    }

    private HttpResponse resetAutotune(String route, JsonNode body) {
        boolean restart = body.path("restart").asBoolean(false);
        if (route.equals("/autotune/reset-all")) {
            miner.resetAllAutotune(restart);
            return done();
        }
        List<String> names = new ArrayList<>();
        body.path("presets").forEach(name -> names.add(name.asText()));
        miner.resetAutotune(names, restart);
        return done();
    }

    private HttpResponse mining(String action) {
        switch (action) {
            case "start" -> miner.startMining();
            case "resume" -> miner.startMining();
            case "stop" -> miner.stopMining();
            case "pause" -> miner.pauseMining();
            case "restart" -> miner.restartMining();
            default -> {
                return VnishApi.error(404, "Not Found");
            }
        }
        return done();
    }

    private HttpResponse done() {
        return replies.done();
    }
}
