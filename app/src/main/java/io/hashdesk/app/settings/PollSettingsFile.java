package io.hashdesk.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.core.polling.PollSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * The operator's {@code poll-settings.json} in the data folder: read as the poller reads it at start, and written
 * with only the fields the operator changed added to what is already there. A candidate file is validated by
 * {@link PollSettings} itself before it replaces the old one (atomic move), so a saved file always loads.
 */
final class PollSettingsFile {

    /** The name the app's polling reads at start (MinerPolling.OVERRIDES_FILE). */
    static final String FILE = "poll-settings.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path dataFolder;

    PollSettingsFile(Path dataFolder) {
        this.dataFolder = dataFolder;
    }

    Path file() {
        return dataFolder.resolve(FILE);
    }

    /** The settings polling starts with: the defaults with this file over them. */
    PollSettings current() {
        return PollSettings.withOverrides(file());
    }

    private static ObjectNode readOverrides(Path file) throws IOException {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        JsonNode existing = JSON.readTree(file.toFile());
        if (!(existing instanceof ObjectNode object)) {
            throw new IOException(file + " is not a JSON object; fix or delete it, then save again");
        }
        return object;
    }

    /**
     * Sets {@code changed} (field name to value) in the file, keeping every other field in it.
     *
     * @throws IllegalArgumentException with {@link PollSettings}'s sentence (naming the field) when the result is
     *                                  not valid; the file is then left as it was
     * @throws IOException              when the existing file is not a JSON object or cannot be replaced
     */
    void save(Map<String, Duration> changed) throws IOException {
        Path file = file();
        ObjectNode overrides = readOverrides(file);
        changed.forEach((field, value) -> overrides.put(field, value.toString()));
        Files.createDirectories(dataFolder);
        Path candidate = Files.createTempFile(dataFolder, FILE, ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(candidate.toFile(), overrides);
            PollSettings.withOverrides(candidate);
            Files.move(candidate, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(candidate);
        }
    }
}
