package io.hashdesk.drivers.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.settings.JsonFileProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads fleet files into {@link FleetDefinition}s. Strict: unknown fields, wrong types and invalid values are
 * refused with a {@link FleetDefinitionException} naming the field by its JSON path and the line it is on.
 */
public final class FleetDefinitionReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** How Jackson starts its message for a missing number field of a record. */

    private FleetDefinitionReader() {
    }

    public static FleetDefinition read(Path file) {
        String source = "fleet file " + file.toAbsolutePath();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new FleetDefinitionException(source, "", "file does not exist", e);
        } catch (IOException e) {
            throw new FleetDefinitionException(source, "", "could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads a definition from a stream; {@code source} names it in error messages. */
    public static FleetDefinition read(InputStream in, String source) throws IOException {
        try {
            return JSON.readValue(in, FleetDefinition.class);
        } catch (JsonProcessingException e) {
            throw new FleetDefinitionException(source, JsonFileProblem.field(e), JsonFileProblem.describe(e), e);
        }
    }


}
