package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.EventLog;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The box's maintenance routes: {@code POST /settings/factory-reset} (defaults, then a reboot: {@code {after}}),
 * {@code POST /firmware/update} and {@code /firmware/remove} (refused: the simulator never flashes firmware —
 * 500 and 400 with {@code {"err": ...}}, the statuses the firmware documents for a failed update and for a model
 * without "remove firmware"), {@code POST /activate-warranty} and {@code /cancel-warranty}
 * ({@code {success, warranty}}), and {@code GET /layout}, the dashboard layout saved through {@code POST /settings}.
 */
final class MaintenanceRoutes {

    private static final Set<String> LAYOUT_SIZES = Set.of("lg", "md", "sm", "xs", "xxs");
    private static final Set<String> WRITES = Set.of("/settings/factory-reset", "/firmware/update",
            "/firmware/remove", "/activate-warranty", "/cancel-warranty");

    private final SimulatedMiner miner;
    private final FirmwareStorage storage;

    MaintenanceRoutes(SimulatedMiner miner, FirmwareStorage storage) {
        this.miner = miner;
        this.storage = storage;
    }

    /** The reply for a maintenance route, empty when {@code route} is none of them. */
    Optional<HttpResponse> handle(HttpRequest request, String route, boolean authorized) {
        if (route.equals("/layout")) {
            return Optional.of(request.method().equals("GET") ? layout() : HttpResponse.empty(405));
        }
        if (!WRITES.contains(route)) {
            return Optional.empty();
        }
        if (!request.method().equals("POST")) {
            return Optional.of(HttpResponse.empty(405));
        }
        if (!authorized) {
            return Optional.of(HttpResponse.empty(401));
        }
        return Optional.of(switch (route) {
            case "/settings/factory-reset" -> factoryReset();
            case "/firmware/update" -> refuse(500, "Firmware update is not possible on a simulated miner");
            case "/firmware/remove" -> refuse(400, "This model has no 'remove firmware' (simulated miner)");
            case "/activate-warranty" -> warranty(true);
            default -> warranty(false);
        });
    }

    private HttpResponse factoryReset() {
        storage.layout(null);
        ObjectNode after = Json.object();
        after.put("after", miner.factoryReset().toSeconds());
        return HttpResponse.json(200, Json.write(after));
    }

    private HttpResponse refuse(int status, String why) {
        miner.log().write(EventLog.LogType.SYSTEM, miner.now(), EventLog.Level.ERROR, why);
        return VnishApi.error(status, why);
    }

    /**
     * Activation turns an inactive warranty active; a cancelled one cannot come back. Cancelling ends an active
     * warranty and succeeds as a no-op otherwise ("canceled successfully, or was not provided").
     */
    private HttpResponse warranty(boolean activate) {
        FirmwareStorage.Warranty now = storage.warranty();
        boolean success;
        if (activate) {
            success = now != FirmwareStorage.Warranty.CANCELLED;
            if (success) {
                storage.warranty(FirmwareStorage.Warranty.ACTIVE);
            }
        } else {
            success = true;
            if (now == FirmwareStorage.Warranty.ACTIVE) {
                storage.warranty(FirmwareStorage.Warranty.CANCELLED);
            }
        }
        miner.log().write(EventLog.LogType.SYSTEM, miner.now(), EventLog.Level.INFO, "Warranty "
                + (activate ? "activation" : "cancellation") + (success ? "" : " refused") + ": "
                + storage.warranty().wireName());
        ObjectNode reply = Json.object();
        reply.put("success", success);
        reply.put("warranty", storage.warranty().wireName());
        return HttpResponse.json(200, Json.write(reply));
    }

    private HttpResponse layout() {
        JsonNode layout = storage.layout();
        return HttpResponse.json(200, layout == null ? "null" : Json.write(layout));
    }

    /**
     * The {@code layout} of a settings write, checked against the firmware's {@code Layout}: an object whose
     * {@code lg}, {@code md}, {@code sm}, {@code xs}, {@code xxs} are null or objects of strings.
     */
    static JsonNode checkLayout(JsonNode layout) throws SettingsPatch.InvalidSettingsException {
        Fields.requireObject(layout, "layout");
        for (Iterator<Map.Entry<String, JsonNode>> fields = layout.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> size = fields.next();
            String at = "layout." + size.getKey();
            if (!LAYOUT_SIZES.contains(size.getKey())) {
                throw new SettingsPatch.InvalidSettingsException(at + ": expected one of " + LAYOUT_SIZES);
            }
            if (size.getValue().isNull()) {
                continue;
            }
            Fields.requireObject(size.getValue(), at);
            for (Iterator<Map.Entry<String, JsonNode>> items = size.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (!item.getValue().isTextual()) {
                    throw new SettingsPatch.InvalidSettingsException(at + "." + item.getKey() + ": expected a string");
                }
            }
        }
        return layout;
    }
}
