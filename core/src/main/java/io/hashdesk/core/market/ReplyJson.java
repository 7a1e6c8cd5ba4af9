package io.hashdesk.core.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reading providers' JSON replies leniently where they are loose (numbers as text) and strictly elsewhere. */
final class ReplyJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int MAX_QUOTED = 60;

    private ReplyJson() {
    }

    /** The reply as a JSON object. */
    static JsonNode object(String body) throws ReplyFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ReplyFormatException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new ReplyFormatException("expected a JSON object, got " + (root == null ? "nothing" : kind(root)));
        }
        return root;
    }

    /** A JSON object member, or a format error naming where it was expected. */
    static JsonNode requireObject(JsonNode parent, String field, String where) throws ReplyFormatException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new ReplyFormatException(where + field + " should be an object, got "
                    + (node == null ? "nothing" : kind(node)));
        }
        return node;
    }

    /**
     * A number that may come as JSON number or numeric text (WhatToMine sends {@code "block_time": "600.0"});
     * empty when absent or null.
     */
    static OptionalDouble number(JsonNode parent, String field, String where) throws ReplyFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return OptionalDouble.empty();
        }
        if (node.isNumber()) {
            return finite(node.asDouble(), where + field);
        }
        if (node.isTextual()) {
            try {
                return finite(Double.parseDouble(node.asText().strip()), where + field);
            } catch (NumberFormatException e) {
                throw new ReplyFormatException(where + field + " is " + quote(node.asText()) + ", not a number");
            }
        }
        throw new ReplyFormatException(where + field + " should be a number, got " + kind(node));
    }

    /** A text member; empty when absent or null. */
    static Optional<String> text(JsonNode parent, String field, String where) throws ReplyFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw new ReplyFormatException(where + field + " should be text, got " + kind(node));
        }
        return Optional.of(node.asText());
    }

    static String quote(String text) {
        return "'" + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text) + "'";
    }

    private static OptionalDouble finite(double value, String where) throws ReplyFormatException {
        if (!Double.isFinite(value)) {
            throw new ReplyFormatException(where + " is " + value + ", not a number");
        }
        return OptionalDouble.of(value);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "text " + quote(node.asText());
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }
}
