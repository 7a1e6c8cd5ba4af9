package io.hashdesk.drivers.vnish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.api.Fixtures;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The settings document of a {@link FakeVnish}, merged with every {@code POST /settings} the way the firmware does
 * (nested objects merged, arrays replaced, vnish-api.md §5.2) unless told to ignore writes, as a firmware that
 * "accepts" an untuned preset does.
 */
final class MergingSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode settings;
    private volatile boolean ignoreWrites;
    private volatile boolean restartRequired;

    private MergingSettings(ObjectNode settings) {
        this.settings = settings;
    }

    /** Starts from the real S19j capture (preset 3486) and serves GET/POST /settings on {@code miner}. */
    static MergingSettings install(FakeVnish miner) {
        try {
            MergingSettings state = new MergingSettings(
                    (ObjectNode) JSON.readTree(Fixtures.vnish("web-settings-s19j-1.2.x.json")));
            miner.respond("GET /settings", r -> FakeVnish.jsonResponse(200, state.json()));
            miner.respond("POST /settings", r -> {
                state.write(r.getBody().string(StandardCharsets.UTF_8));
                return FakeVnish.jsonResponse(200, "{\"restart_required\":" + state.restartRequired
                        + ",\"reboot_required\":false}");
            });
            return state;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void ignoreWrites() {
        ignoreWrites = true;
    }

    void requireRestart() {
        restartRequired = true;
    }

    synchronized String json() {
        return settings.toString();
    }

    synchronized String configuredPreset() {
        return settings.path("miner").path("overclock").path("preset").asText();
    }

    private synchronized void write(String body) {
        if (ignoreWrites) {
            return;
        }
        try {
            merge(settings, JSON.readTree(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
