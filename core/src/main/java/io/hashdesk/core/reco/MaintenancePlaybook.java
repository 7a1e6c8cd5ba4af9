package io.hashdesk.core.reco;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a technician does for each kind of failure the maintenance model predicts, with the parts to bring, from
 * {@code maintenance-playbook.json}. A kind the playbook does not know gets its {@code GENERIC} entry.
 */
public record MaintenancePlaybook(Map<String, Entry> kinds) {

    private static final String RESOURCE = "maintenance-playbook.json";
    private static final String GENERIC = "GENERIC";

    public MaintenancePlaybook {
        kinds = Map.copyOf(kinds);
        if (!kinds.containsKey(GENERIC)) {
            throw new IllegalArgumentException("the maintenance playbook needs a " + GENERIC + " entry");
        }
    }

    /** @param title one line for the work order; steps in order; parts a technician should bring */
    public record Entry(String title, List<String> steps, List<String> parts) {

        public Entry {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("every playbook entry needs a title");
            }
            if (steps == null || steps.isEmpty()) {
                throw new IllegalArgumentException("playbook entry '" + title + "' needs at least one step");
            }
            steps = List.copyOf(steps);
            parts = parts == null ? List.of() : List.copyOf(parts);
        }
    }

    /** The playbook bundled with Hashdesk. */
    public static MaintenancePlaybook bundled() {
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = MaintenancePlaybook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + MaintenancePlaybook.class.getName()
                        + "; the build is broken");
            }
            return json.readValue(in, MaintenancePlaybook.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled " + RESOURCE + " is unreadable", e);
        }
    }

    /** The entry for a failure kind (case does not matter), or the generic one. */
    public Entry forKind(String kind) {
        Entry entry = kind == null ? null : kinds.get(kind.toUpperCase(Locale.ROOT));
        return entry == null ? kinds.get(GENERIC) : entry;
    }
}
