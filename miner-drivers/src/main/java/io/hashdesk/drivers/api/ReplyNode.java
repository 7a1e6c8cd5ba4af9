package io.hashdesk.drivers.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A node of a parsed miner reply that knows where it sits ({@code summary.miner.chains[1]}), so that every missing or
 * mistyped field becomes a {@link MalformedReplyException} naming it. Drivers read replies only through this: absent
 * and {@code null} optional fields read as {@code null} ("not reported"); a present field of the wrong type is an
 * error, never a silent zero.
 */
public final class ReplyNode {

    /**
     * Miner replies are a few levels deep with short strings; tight parser limits turn a hostile or corrupted reply
     * (thousands of nested brackets, megabyte strings, 10,000-digit numbers) into a quick parse error.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int MAX_PROBLEM_LENGTH = 160;

    private final JsonNode node;
    private final String path;

    private ReplyNode(JsonNode node, String path) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
    }

    /** The top of a reply; {@code name} starts every field path (e.g. {@code summary}). */
    public static ReplyNode root(String name, JsonNode node) {
        return new ReplyNode(node, name);
    }

    /**
     * Parses a whole reply.
     *
     * @throws MalformedReplyException naming the reply when it is empty or not JSON
     */
    public static ReplyNode parse(String name, byte[] json) throws MalformedReplyException {
        if (json.length == 0) {
            throw new MalformedReplyException(name, "empty reply");
        }
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedReplyException(name, "reply holds no JSON value");
            }
            return new ReplyNode(tree, name);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at byte " + at.getByteOffset();
            throw new MalformedReplyException(name, "not valid JSON" + where + ": " + shorten(e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new MalformedReplyException(name, "not readable: " + shorten(e.getMessage()), e);
        }
    }

    private static String shorten(String message) {
        String line = String.valueOf(message).lines().findFirst().orElse("");
        return line.length() > MAX_PROBLEM_LENGTH ? line.substring(0, MAX_PROBLEM_LENGTH) + "…" : line;
    }

    public String path() {
        return path;
    }

    /** Absent or JSON {@code null}. */
    public boolean isAbsent() {
        return node.isMissingNode() || node.isNull();
    }

    public boolean has(String name) {
        return !field(name).isAbsent();
    }

    /** A child by name, possibly absent; reading it decides whether that is allowed. */
    public ReplyNode field(String name) {
        JsonNode child = node.isObject() ? node.get(name) : null;
        return new ReplyNode(child, path + "." + name);
    }

    /** This node, which must be a JSON object. */
    public ReplyNode requireObject() throws MalformedReplyException {
        if (!node.isObject()) {
            throw wrong("an object");
        }
        return this;
    }

    public ReplyNode object(String name) throws MalformedReplyException {
        return field(name).requireObject();
    }

    /** The named object, or empty when absent or {@code null}. */
    public Optional<ReplyNode> optionalObject(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        return child.isAbsent() ? Optional.empty() : Optional.of(child.requireObject());
    }

    /** The elements of this node, which must be a JSON array. */
    public List<ReplyNode> elements() throws MalformedReplyException {
        if (!node.isArray()) {
            throw wrong("an array");
        }
        List<ReplyNode> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new ReplyNode(node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    public List<ReplyNode> array(String name) throws MalformedReplyException {
        return field(name).elements();
    }

    /** The named array's elements, or none when it is absent or {@code null}. */
    public List<ReplyNode> optionalArray(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        return child.isAbsent() ? List.of() : child.elements();
    }

    public double requiredDouble(String name) throws MalformedReplyException {
        return field(name).requirePresent().asDouble();
    }

    public Double optionalDouble(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        return child.isAbsent() ? null : child.asDouble();
    }

    public long requiredLong(String name) throws MalformedReplyException {
        return field(name).requirePresent().asLong();
    }

    public Long optionalLong(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        return child.isAbsent() ? null : child.asLong();
    }

    public int requiredInt(String name) throws MalformedReplyException {
        return field(name).requirePresent().asInt();
    }

    public Integer optionalInt(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        return child.isAbsent() ? null : child.asInt();
    }

    public String requiredText(String name) throws MalformedReplyException {
        return field(name).requirePresent().asText();
    }

    public String optionalText(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        return child.isAbsent() ? null : child.asText();
    }

    public Boolean optionalBoolean(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        if (child.isAbsent()) {
            return null;
        }
        if (!child.node.isBoolean()) {
            throw child.wrong("true or false");
        }
        return child.node.booleanValue();
    }

    /**
     * A number that some firmware sends as a string ({@code "GHS 5s":"140258.58"} on CGMiner RPC); {@code null} when
     * absent or an empty string.
     */
    public Double optionalLenientDouble(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        if (child.isAbsent()) {
            return null;
        }
        if (child.node.isTextual()) {
            String text = child.node.textValue().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return child.finite(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw child.wrong("a number (got text that is not one)");
            }
        }
        return child.asDouble();
    }

    /** A whole number that may arrive as a string; {@code null} when absent or an empty string. */
    public Long optionalLenientLong(String name) throws MalformedReplyException {
        Double value = optionalLenientDouble(name);
        if (value == null) {
            return null;
        }
        return field(name).whole(value);
    }

    /** Text that may arrive as a number (RPC version fields); {@code null} when absent. */
    public String optionalLenientText(String name) throws MalformedReplyException {
        ReplyNode child = field(name);
        if (child.isAbsent()) {
            return null;
        }
        if (child.node.isValueNode()) {
            return child.node.asText();
        }
        throw child.wrong("text");
    }

    /** This node as text; it must be a JSON string. */
    public String asText() throws MalformedReplyException {
        if (!node.isTextual()) {
            throw wrong("text");
        }
        return node.textValue();
    }

    /** This node as a finite number; it must be a JSON number. */
    public double asDouble() throws MalformedReplyException {
        if (!node.isNumber()) {
            throw wrong("a number");
        }
        return finite(node.doubleValue());
    }

    /** This node as a whole number; a JSON number with no fraction ({@code 3733.0} is fine). */
    public long asLong() throws MalformedReplyException {
        if (!node.isNumber()) {
            throw wrong("a whole number");
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw wrong("a whole number that fits 64 bits");
            }
            return node.longValue();
        }
        return whole(finite(node.doubleValue()));
    }

    public int asInt() throws MalformedReplyException {
        long value = asLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrong("a whole number that fits 32 bits");
        }
        return (int) value;
    }

    /** This node as compact JSON text ({@code null} for an absent node). */
    public String toJson() {
        return node.isMissingNode() ? null : node.toString();
    }

    /** A problem with this node's value that its type alone does not show. */
    public MalformedReplyException problem(String description) {
        return new MalformedReplyException(path, description);
    }

    private ReplyNode requirePresent() throws MalformedReplyException {
        if (node.isMissingNode()) {
            throw new MalformedReplyException(path, "required field is missing");
        }
        if (node.isNull()) {
            throw new MalformedReplyException(path, "required field is null");
        }
        return this;
    }

    private double finite(double value) throws MalformedReplyException {
        if (!Double.isFinite(value)) {
            throw wrong("a finite number");
        }
        return value;
    }

    private long whole(double value) throws MalformedReplyException {
        if (value != Math.rint(value) || Math.abs(value) > (double) Long.MAX_VALUE) {
            throw wrong("a whole number");
        }
        return (long) value;
    }

    private MalformedReplyException wrong(String expected) {
        return new MalformedReplyException(path, "expected " + expected + ", got " + describe(node));
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "an array" : "an object";
        }
        String text = node.asText();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " '" + shown + "'";
    }
}
