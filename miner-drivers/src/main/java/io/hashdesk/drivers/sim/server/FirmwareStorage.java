package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.FirmwareLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one miner's firmware keeps on its flash besides the settings: notes, API keys, the warranty state and the
 * dashboard layout. Survives reboots (sessions do not). Bounded by {@link FirmwareLimits}; the maps are allocated
 * on the first write, so a farm of miners nobody writes notes to pays nothing for them.
 */
final class FirmwareStorage {

    /** The firmware's warranty states this simulator moves between ({@code StatusPane.warranty}). */
    enum Warranty {
        INACTIVE("inactive"), ACTIVE("active"), CANCELLED("cancelled");

        private final String wireName;

        Warranty(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    /** What a note write did. */
    enum NoteWrite {
        SAVED, EXISTS, MISSING, FULL
    }

    /** What adding an API key did; the first three are the firmware's {@code AddApiKeyStatus}. */
    enum KeyWrite {
        INSERTED, UPDATED, NOCHANGES, FULL
    }

    private final FirmwareLimits limits;
    private Map<String, String> notes;
    private Map<String, String> apiKeys;
    private Warranty warranty = Warranty.INACTIVE;
    private JsonNode layout;

    FirmwareStorage(FirmwareLimits limits) {
        this.limits = limits;
    }

    synchronized Map<String, String> notes() {
        return notes == null ? Map.of() : new LinkedHashMap<>(notes);
    }

    synchronized Optional<String> note(String key) {
        return notes == null ? Optional.empty() : Optional.ofNullable(notes.get(key));
    }

    /** {@code POST /notes}: a new note; an existing key is a conflict, a full store or too long a value is full. */
    synchronized NoteWrite createNote(String key, String value) {
        if (notes != null && notes.containsKey(key)) {
            return NoteWrite.EXISTS;
        }
        if (value.length() > limits.noteChars() || (notes != null && notes.size() >= limits.notes())) {
            return NoteWrite.FULL;
        }
        if (notes == null) {
            notes = new LinkedHashMap<>();
        }
        notes.put(key, value);
        return NoteWrite.SAVED;
    }

    /** {@code PUT /notes/{key}}: a new value for an existing note. */
    synchronized NoteWrite updateNote(String key, String value) {
        if (notes == null || !notes.containsKey(key)) {
            return NoteWrite.MISSING;
        }
        if (value.length() > limits.noteChars()) {
            return NoteWrite.FULL;
        }
        notes.put(key, value);
        return NoteWrite.SAVED;
    }

    synchronized boolean deleteNote(String key) {
        return notes != null && notes.remove(key) != null;
    }

    /** API keys and their descriptions, in the order they were added. */
    synchronized Map<String, String> apiKeys() {
        return apiKeys == null ? Map.of() : new LinkedHashMap<>(apiKeys);
    }

    synchronized KeyWrite addApiKey(String key, String description) {
        if (apiKeys != null && apiKeys.containsKey(key)) {
            return apiKeys.put(key, description).equals(description) ? KeyWrite.NOCHANGES : KeyWrite.UPDATED;
        }
        if (apiKeys != null && apiKeys.size() >= limits.apiKeys()) {
            return KeyWrite.FULL;
        }
        if (apiKeys == null) {
            apiKeys = new LinkedHashMap<>();
        }
        apiKeys.put(key, description);
        return KeyWrite.INSERTED;
    }

    synchronized void deleteApiKey(String key) {
        if (apiKeys != null) {
            apiKeys.remove(key);
        }
    }

    /** Whether an {@code x-api-key} header carries a stored key. */
    synchronized boolean authorizes(Optional<String> apiKeyHeader) {
        return apiKeys != null && apiKeyHeader.map(String::strip).filter(apiKeys::containsKey).isPresent();
    }

    synchronized Warranty warranty() {
        return warranty;
    }

    synchronized void warranty(Warranty value) {
        warranty = value;
    }

    /** The dashboard layout the web UI saved through {@code POST /settings}, or null. */
    synchronized JsonNode layout() {
        return layout == null ? null : layout.deepCopy();
    }

    synchronized void layout(JsonNode value) {
        layout = value == null || value.isNull() ? null : value.deepCopy();
    }

    FirmwareLimits limits() {
        return limits;
    }
}
