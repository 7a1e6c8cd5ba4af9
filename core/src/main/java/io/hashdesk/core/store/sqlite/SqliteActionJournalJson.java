package io.hashdesk.core.store.sqlite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.action.WatchBaseline;
import java.util.List;

/**
 * The action journal's JSON: settings in clear always lose their pool passwords here, in one place, so no path can
 * store one; only {@link #wholeSettings} and {@link #backup} keep them, and their text is sealed before it is stored.
 */
final class SqliteActionJournalJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // SettingValues.isEmpty() is not a setting
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<SettingValues>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private SqliteActionJournalJson() {
    }

    /** Settings for the journal's clear columns: pool passwords blanked. */
    static String settings(SettingValues values) {
        return values == null ? null : write(withoutPasswords(values));
    }

    static SettingValues settings(String json) {
        return json == null ? null : read(json, SettingValues.class);
    }

    static String steps(List<SettingValues> steps) {
        return write(steps.stream().map(SqliteActionJournalJson::withoutPasswords).toList());
    }

    static List<SettingValues> steps(String json) {
        try {
            return JSON.readValue(json, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The action journal holds damaged steps: " + e.getOriginalMessage(), e);
        }
    }

    static String texts(List<String> texts) {
        return write(texts);
    }

    static List<String> texts(String json) {
        try {
            return JSON.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The action journal holds damaged refusals: " + e.getOriginalMessage(), e);
        }
    }

    static String baseline(WatchBaseline baseline) {
        return write(baseline);
    }

    static WatchBaseline baseline(String json) {
        return json == null ? null : read(json, WatchBaseline.class);
    }

    /** Settings with their pool passwords, only ever to be sealed. */
    static String wholeSettings(SettingValues values) {
        return write(values);
    }

    /** A firmware backup (the archive as base64), only ever to be sealed. */
    static String backup(FirmwareBackup backup) {
        return write(backup);
    }

    static FirmwareBackup backup(String json) {
        return read(json, FirmwareBackup.class);
    }

    private static SettingValues withoutPasswords(SettingValues values) {
        return values.pools() == null ? values
                : values.withPools(values.pools().stream().map(PoolTarget::withoutPassword).toList());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The action journal holds a damaged " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
