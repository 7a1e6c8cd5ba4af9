package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.EventLog;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.util.Map;
import java.util.Optional;

/**
 * Notes and API keys. {@code GET /notes} and {@code GET /notes/{key}} are open; {@code POST /notes}
 * ({@code {key, value}}, 409 when the key exists, 507 when the store or the value is too big), {@code PUT} and
 * {@code DELETE /notes/{key}} (404 for a missing note) need auth. {@code GET /apikeys}, {@code POST /apikeys}
 * ({@code {key: 32 characters, description}} → {@code {status: inserted|updated|nochanges}}) and
 * {@code POST /apikeys/delete} ({@code {key}}) need auth; a stored key then authorizes requests in the
 * {@code x-api-key} header, as the firmware's {@code apikeyAuth} scheme says.
 */
final class StorageRoutes {

    private static final String NOTES = "/notes";
    private static final String APIKEYS = "/apikeys";
    private static final String APIKEYS_DELETE = "/apikeys/delete";
    private static final int API_KEY_LENGTH = 32;

    private final SimulatedMiner miner;
    private final FirmwareStorage storage;
    private final ControlReplies replies;

    StorageRoutes(SimulatedMiner miner, FirmwareStorage storage, ControlReplies replies) {
        this.miner = miner;
        this.storage = storage;
        this.replies = replies;
    }

    /** The reply for a notes or API-key route, empty when {@code route} is none of them. */
    Optional<HttpResponse> handle(HttpRequest request, String route, boolean authorized) {
        String method = request.method();
        boolean read = method.equals("GET");
        if (route.equals(NOTES)) {
            return Optional.of(switch (method) {
                case "GET" -> HttpResponse.json(200, Json.write(Json.MAPPER.valueToTree(storage.notes())));
                case "POST" -> authorized ? createNote(request) : HttpResponse.empty(401);
                default -> HttpResponse.empty(405);
            });
        }
        if (route.startsWith(NOTES + "/") && route.length() > NOTES.length() + 1) {
            String key = QueryString.segment(route.substring(NOTES.length() + 1));
            return Optional.of(switch (method) {
                case "GET" -> storage.note(key).map(StorageRoutes::noteValue)
                        .orElseGet(() -> missingNote(key));
                case "PUT", "DELETE" -> authorized ? changeNote(method, key, request) : HttpResponse.empty(401);
                default -> HttpResponse.empty(405);
            });
        }
        if (route.equals(APIKEYS) || route.equals(APIKEYS_DELETE)) {
            boolean allowed = route.equals(APIKEYS) ? read || method.equals("POST") : method.equals("POST");
            if (!allowed) {
                return Optional.of(HttpResponse.empty(405));
            }
            if (!authorized) {
                return Optional.of(HttpResponse.empty(401));
            }
            return Optional.of(read ? apiKeys() : route.equals(APIKEYS) ? addApiKey(request) : deleteApiKey(request));
        }
        return Optional.empty();
    }

    private HttpResponse createNote(HttpRequest request) {
        Optional<JsonNode> body = VnishApi.parse(request);
        String key = body.map(b -> b.get("key")).filter(JsonNode::isTextual).map(JsonNode::textValue).orElse("");
        Optional<String> value = text(body, "value");
        if (key.isEmpty() || value.isEmpty()) {
            return VnishApi.error(400, "Expected {\"key\": \"<non-empty>\", \"value\": \"...\"}");
        }
        return switch (storage.createNote(key, value.get())) {
            case EXISTS -> VnishApi.error(409, "Note '" + key + "' already exists");
            case FULL -> full();
            default -> replies.done();
        };
    }

    private HttpResponse changeNote(String method, String key, HttpRequest request) {
        if (method.equals("DELETE")) {
            return storage.deleteNote(key) ? replies.done() : missingNote(key);
        }
        Optional<String> value = text(VnishApi.parse(request), "value");
        if (value.isEmpty()) {
            return VnishApi.error(400, "Expected {\"value\": \"...\"}");
        }
        return switch (storage.updateNote(key, value.get())) {
            case MISSING -> missingNote(key);
            case FULL -> full();
            default -> replies.done();
        };
    }

    private HttpResponse apiKeys() {
        ArrayNode keys = Json.array();
        for (Map.Entry<String, String> entry : storage.apiKeys().entrySet()) {
            ObjectNode key = keys.addObject();
            key.put("key", entry.getKey());
            key.put("description", entry.getValue());
        }
        return HttpResponse.json(200, Json.write(keys));
    }

    private HttpResponse addApiKey(HttpRequest request) {
        Optional<JsonNode> body = VnishApi.parse(request);
        Optional<String> key = apiKey(body);
        Optional<String> description = text(body, "description");
        if (key.isEmpty() || description.isEmpty()) {
            return VnishApi.error(400, "Expected {\"key\": \"<" + API_KEY_LENGTH + " characters>\", "
                    + "\"description\": \"...\"}");
        }
        FirmwareStorage.KeyWrite result = storage.addApiKey(key.get(), description.get());
        if (result == FirmwareStorage.KeyWrite.FULL) {
            return VnishApi.error(500, "No room for another API key (at most " + storage.limits().apiKeys() + ")");
        }
        miner.log().write(EventLog.LogType.SYSTEM, miner.now(), EventLog.Level.INFO, "API key '"
                + description.get() + "' " + result.name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode status = Json.object();
        status.put("status", result.name().toLowerCase(java.util.Locale.ROOT));
        return HttpResponse.json(200, Json.write(status));
    }

    private HttpResponse deleteApiKey(HttpRequest request) {
        Optional<String> key = apiKey(VnishApi.parse(request));
        if (key.isEmpty()) {
            return VnishApi.error(400, "Expected {\"key\": \"<" + API_KEY_LENGTH + " characters>\"}");
        }
        storage.deleteApiKey(key.get());
        return replies.done();
    }

    private static Optional<String> apiKey(Optional<JsonNode> body) {
        return text(body, "key").filter(key -> key.length() == API_KEY_LENGTH);
    }

    private static Optional<String> text(Optional<JsonNode> body, String field) {
        return body.map(b -> b.get(field)).filter(JsonNode::isTextual).map(JsonNode::textValue);
    }

    private static HttpResponse noteValue(String value) {
        ObjectNode node = Json.object();
        node.put("value", value);
        return HttpResponse.json(200, Json.write(node));
    }

    private static HttpResponse missingNote(String key) {
        return VnishApi.error(404, "No note '" + key + "'");
    }

    private HttpResponse full() {
        return VnishApi.error(507, "Notes storage is full: at most " + storage.limits().notes() + " notes of "
                + storage.limits().noteChars() + " characters");
    }
}
