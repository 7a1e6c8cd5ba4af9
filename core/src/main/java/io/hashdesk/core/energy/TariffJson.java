package io.hashdesk.core.energy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.settings.JsonFileProblem;

/**
 * A tariff as a JSON document, the form the store keeps and an operator imports or exports. Times are text
 * ({@code "07:00"}, {@code "06-01"} for seasons, {@code "PT15M"}, {@code "Europe/Berlin"}); every field is required,
 * lists may be empty; unknown fields are errors.
 */
public final class TariffJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private TariffJson() {
    }

    public static String write(Tariff tariff) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tariff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tariff '" + tariff.name() + "' could not be written as JSON", e);
        }
    }

    /**
     * @param source how the document is named in an error, e.g. a file name
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    public static Tariff read(String json, String source) {
        try {
            return JSON.readValue(json, Tariff.class);
        } catch (JsonProcessingException e) {
            String field = JsonFileProblem.field(e);
            throw new IllegalArgumentException("Tariff in " + source + " is invalid"
                    + (field.isEmpty() ? "" : " at " + field) + ": " + JsonFileProblem.describe(e), e);
        }
    }
}
