package io.hashdesk.core.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings as data: a record's defaults in a JSON resource beside its class, and an operator's JSON file that
 * overrides any subset of them (nested objects field by field). Unknown fields and invalid values are errors naming
 * the file, never ignored. Durations are ISO-8601 text ({@code "PT60S"}).
 */
public final class JsonSettings {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private JsonSettings() {
    }

    /** The defaults bundled as {@code resource} beside {@code type}. */
    public static <T> T defaults(Class<T> type, String resource) {
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing beside " + type.getName() + "; the build is broken");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled " + resource + " is unreadable", e);
        }
    }

    /** The defaults with the fields present in {@code overridesFile} replacing them; a missing file means none. */
    public static <T> T withOverrides(Class<T> type, String resource, Path overridesFile) {
        T defaults = defaults(type, resource);
        if (!Files.exists(overridesFile)) {
            return defaults;
        }
        try {
            JsonNode overrides = JSON.readTree(overridesFile.toFile());
            if (!(overrides instanceof ObjectNode overrideFields)) {
                throw new IllegalArgumentException("expected a JSON object with the settings to change");
            }
            ObjectNode merged = JSON.valueToTree(defaults);
            overlay(merged, overrideFields);
            return JSON.treeToValue(merged, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Settings in " + overridesFile + " are invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Lays {@code overrides} over {@code base} field by field, descending into objects present in both, so an
     * operator can change one field of a nested block ({@code {"coinGecko": {"enabled": true}}}) without repeating
     * the rest of it.
     */
    private static void overlay(ObjectNode base, ObjectNode overrides) {
        overrides.properties().forEach(entry -> {
            if (base.get(entry.getKey()) instanceof ObjectNode nestedBase
                    && entry.getValue() instanceof ObjectNode nestedOverrides) {
                overlay(nestedBase, nestedOverrides);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        });
    }
}
