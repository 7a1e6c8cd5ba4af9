package io.hashdesk.drivers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Corrupts a good reply the ways real networks and broken firmware do: flipped bytes, cut-off bodies, random bytes,
 * oversized bodies, and JSON that parses but has a field of the wrong type, a {@code null}, a missing field, a huge
 * number, a huge string or absurd nesting. Timing faults (drips, stalls) are for the transport to play; this class
 * only decides them. Deterministic for a given {@link Random}.
 */
final class ReplyMutator {

    /** What was done to a reply. */
    enum Kind {
        BYTE_FLIPS, TRUNCATED, RANDOM_BYTES, EMPTY, HUGE_DECLARED, HUGE_UNDECLARED, WRONG_TYPE, NULL_VALUE,
        MISSING_FIELD, HUGE_NUMBER, LONG_STRING, STRANGE_TEXT, DEEP_NESTING, SLOW_DRIP, STALL, BAD_STATUS,
        CUT_CONNECTION
    }

    /** Relative frequencies; timing faults are rarer because each one costs a whole timeout. */
    private static final int[] WEIGHTS = {10, 8, 6, 2, 3, 3, 14, 10, 10, 5, 3, 6, 4, 3, 2, 6, 4};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A corrupted reply: the kind, a readable description, and the bytes to send (for byte-level kinds). */
    record Mutation(Kind kind, String description, byte[] body, int hugeSize, int status) {
    }

    private ReplyMutator() {
    }

    static Mutation mutate(byte[] good, Random random, int hugeSize) {
        Kind kind = pick(random);
        return switch (kind) {
            case BYTE_FLIPS -> flips(good, random);
            case TRUNCATED -> {
                int keep = good.length == 0 ? 0 : random.nextInt(good.length);
                yield new Mutation(kind, "cut to " + keep + " of " + good.length + " bytes",
                        Arrays.copyOf(good, keep), 0, 200);
            }
            case RANDOM_BYTES -> {
                byte[] noise = new byte[random.nextInt(2_000) + 1];
                random.nextBytes(noise);
                yield new Mutation(kind, noise.length + " random bytes", noise, 0, 200);
            }
            case EMPTY -> new Mutation(kind, "empty body", new byte[0], 0, 200);
            case HUGE_DECLARED, HUGE_UNDECLARED -> new Mutation(kind, hugeSize + "-byte body", good, hugeSize, 200);
            case WRONG_TYPE, NULL_VALUE, MISSING_FIELD, HUGE_NUMBER, LONG_STRING, STRANGE_TEXT, DEEP_NESTING ->
                    jsonMutation(kind, good, random);
            case SLOW_DRIP, STALL, CUT_CONNECTION -> new Mutation(kind, kind.name().toLowerCase(), good, 0, 200);
            case BAD_STATUS -> {
                int[] statuses = {204, 302, 400, 401, 403, 404, 405, 429, 500, 503};
                int status = statuses[random.nextInt(statuses.length)];
                yield new Mutation(kind, "HTTP " + status, random.nextBoolean() ? good : new byte[0], 0, status);
            }
        };
    }

    private static Kind pick(Random random) {
        int total = Arrays.stream(WEIGHTS).sum();
        int roll = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                return Kind.values()[i];
            }
        }
        throw new IllegalStateException("weights do not cover the roll");
    }

    private static Mutation flips(byte[] good, Random random) {
        byte[] body = good.clone();
        int flips = 1 + random.nextInt(20);
        for (int i = 0; i < flips && body.length > 0; i++) {
            int at = random.nextInt(body.length);
            body[at] ^= (byte) (1 + random.nextInt(255));
        }
        return new Mutation(Kind.BYTE_FLIPS, flips + " flipped bytes", body, 0, 200);
    }

    /** Parses the good reply, changes one randomly chosen node, writes it back. */
    private static Mutation jsonMutation(Kind kind, byte[] good, Random random) {
        JsonNode root;
        try {
            root = JSON.readTree(good);
        } catch (IOException e) {
            return flips(good, random);
        }
        if (!(root instanceof ContainerNode<?>)) {
            return flips(good, random);
        }
        List<Slot> slots = slots(root).stream()
                .filter(slot -> kind != Kind.STRANGE_TEXT || slot.value().isTextual()).toList();
        if (slots.isEmpty()) {
            return flips(good, random);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode replacement = switch (kind) {
            case WRONG_TYPE -> wrongType(slot.value(), random);
            case NULL_VALUE -> JsonNodeFactory.instance.nullNode();
            case HUGE_NUMBER -> random.nextBoolean()
                    ? JsonNodeFactory.instance.numberNode(new BigDecimal("1e400"))
                    : JsonNodeFactory.instance.numberNode(BigInteger.TWO.pow(70).negate());
            case LONG_STRING -> JsonNodeFactory.instance.textNode("x".repeat(100_000));
            // Escaped control characters, a NUL, non-ASCII and a right-to-left override: valid JSON, hostile text.
            case STRANGE_TEXT -> JsonNodeFactory.instance.textNode(slot.value().asText() + "\n\u0000é\u202e\r");
            case DEEP_NESTING -> nested(30 + random.nextInt(300));
            default -> null;
        };
        slot.replace(replacement);
        String description = kind + " at " + slot.path();
        return new Mutation(kind, description, root.toString().getBytes(StandardCharsets.UTF_8), 0, 200);
    }

    private static JsonNode wrongType(JsonNode value, Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value.isNumber()) {
            return random.nextBoolean() ? f.textNode(value.asText()) : f.objectNode().put("value", value.asText());
        }
        if (value.isTextual()) {
            return random.nextBoolean() ? f.numberNode(42) : f.arrayNode().add(value.textValue());
        }
        if (value.isBoolean()) {
            return f.textNode(value.asText());
        }
        if (value.isArray()) {
            return f.objectNode().set("items", value);
        }
        if (value.isObject()) {
            return random.nextBoolean() ? f.arrayNode().add(value) : f.textNode("object");
        }
        return f.numberNode(-1);
    }

    private static JsonNode nested(int depth) {
        ArrayNode outer = JsonNodeFactory.instance.arrayNode();
        ArrayNode current = outer;
        for (int i = 1; i < depth; i++) {
            current = current.addArray();
        }
        return outer;
    }

    /** A place in the tree that can be replaced or removed. */
    private record Slot(ContainerNode<?> parent, String field, int index, JsonNode value, String path) {
        void replace(JsonNode replacement) {
            if (parent instanceof ObjectNode object) {
                if (replacement == null) {
                    object.remove(field);
                } else {
                    object.set(field, replacement);
                }
            } else if (parent instanceof ArrayNode array) {
                if (replacement == null) {
                    array.remove(index);
                } else {
                    array.set(index, replacement);
                }
            }
        }
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        Deque<Slot> pending = new ArrayDeque<>();
        pending.push(new Slot(null, null, -1, root, "$"));
        while (!pending.isEmpty()) {
            Slot slot = pending.pop();
            if (slot.parent() != null) {
                slots.add(slot);
            }
            JsonNode node = slot.value();
            if (node instanceof ObjectNode object) {
                for (var entry : object.properties()) {
                    pending.push(new Slot(object, entry.getKey(), -1, entry.getValue(),
                            slot.path() + "." + entry.getKey()));
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(new Slot(array, null, i, array.get(i), slot.path() + "[" + i + "]"));
                }
            }
        }
        return slots;
    }
}
