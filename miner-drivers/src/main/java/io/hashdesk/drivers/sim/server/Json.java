package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** The one JSON mapper of the simulator's wire layer, and tree-building shorthands for the reply documents. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a reply tree could not be written", e);
        }
    }

    /** {@code {"min": min, "max": max}}, the firmware's temperature range shape. */
    static ObjectNode range(int min, int max) {
        ObjectNode node = object();
        node.put("min", min);
        node.put("max", max);
        return node;
    }

    /**
     * Removes fields named by dotted paths, where {@code []} steps into every element of an array, e.g.
     * {@code miner.chains[].chip_statuses}.
     */
    static void drop(JsonNode root, List<String> paths) {
        for (String path : paths) {
            drop(root, path.split("\\."), 0);
        }
    }

    private static void drop(JsonNode node, String[] steps, int at) {
        if (node == null || at >= steps.length) {
            return;
        }
        String step = steps[at];
        boolean each = step.endsWith("[]");
        String name = each ? step.substring(0, step.length() - 2) : step;
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (at == steps.length - 1 && !each) {
            object.remove(name);
            return;
        }
        JsonNode child = object.get(name);
        if (each && child instanceof ArrayNode elements) {
            elements.forEach(element -> drop(element, steps, at + 1));
        } else if (!each) {
            drop(child, steps, at + 1);
        }
    }
}
