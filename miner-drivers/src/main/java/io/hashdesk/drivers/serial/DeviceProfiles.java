package io.hashdesk.drivers.serial;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.domain.SensorQuantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The device profiles Hashdesk knows: those bundled in {@code device-profiles.json} beside this class, plus any in an
 * operator's file of the same shape (a profile there with a bundled id replaces it). Supporting another sensor or
 * meter is adding an entry, not code. A broken entry is an error naming the source, the profile, the field and what
 * is wrong.
 */
public final class DeviceProfiles {

    public static final String FILE = "device-profiles.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, DeviceProfile> byId;

    private DeviceProfiles(Map<String, DeviceProfile> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The bundled profiles. */
    public static DeviceProfiles bundled() {
        try (InputStream in = DeviceProfiles.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing beside " + DeviceProfiles.class.getName()
                        + "; the build is broken");
            }
            return new DeviceProfiles(parse(in.readAllBytes(), "bundled " + FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled " + FILE + " is unreadable", e);
        }
    }

    /** The bundled profiles with an operator's file over them; a missing file adds none. */
    public static DeviceProfiles withOperatorFile(Path file) {
        Map<String, DeviceProfile> all = new TreeMap<>(bundled().byId);
        if (Files.exists(file)) {
            try {
                all.putAll(parse(Files.readAllBytes(file), file.toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("Device profiles in " + file + " are unreadable: " + e.getMessage(), e);
            }
        }
        return new DeviceProfiles(all);
    }

    /** Profiles from JSON text; for tests and tools. */
    static DeviceProfiles of(String json, String source) {
        return new DeviceProfiles(parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), source));
    }

    public Optional<DeviceProfile> profile(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every profile, by id. */
    public List<DeviceProfile> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(DeviceProfile::id)).toList();
    }

    private static Map<String, DeviceProfile> parse(byte[] json, String source) {
        Document document;
        try {
            document = JSON.readValue(json, Document.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Device profiles in " + source + " are not valid JSON of the expected"
                    + " shape: " + e.getMessage(), e);
        }
        if (document.profiles() == null) {
            throw new IllegalArgumentException("Device profiles in " + source + ": \"profiles\" is missing");
        }
        Map<String, DeviceProfile> out = new TreeMap<>();
        for (int p = 0; p < document.profiles().size(); p++) {
            ProfileEntry entry = document.profiles().get(p);
            String where = "Device profiles in " + source + ", profile " + (p + 1)
                    + (entry.id() == null ? "" : " ('" + entry.id() + "')");
            DeviceProfile profile = entry.toProfile(where);
            if (out.put(profile.id(), profile) != null) {
                throw new IllegalArgumentException(where + ": a profile with this id comes earlier in the file");
            }
        }
        return out;
    }

    record Document(List<ProfileEntry> profiles) {
    }

    record ProfileEntry(String id, String name, Integer maxGapRegisters, List<FieldEntry> fields) {

        DeviceProfile toProfile(String where) {
            List<RegisterField> parsed = new ArrayList<>();
            List<FieldEntry> entries = fields == null ? List.of() : fields;
            for (int f = 0; f < entries.size(); f++) {
                FieldEntry field = entries.get(f);
                try {
                    parsed.add(field.toField());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ", field " + (f + 1)
                            + (field.quantity() == null ? "" : " (" + field.quantity() + ")") + ": " + e.getMessage(), e);
                }
            }
            try {
                return new DeviceProfile(id, name, maxGapRegisters == null ? 0 : maxGapRegisters, parsed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
    }

    record FieldEntry(String quantity, String table, Integer address, String type, String wordOrder, Double scale,
                      Double min, Double max) {

        RegisterField toField() {
            return new RegisterField(SensorQuantity.ofFieldName(required(quantity, "quantity")),
                    named(RegisterTable.class, required(table, "table"), "table"),
                    required(address, "address"), named(DataType.class, required(type, "type"), "type"),
                    wordOrder == null ? null : named(WordOrder.class, wordOrder, "wordOrder"),
                    scale == null ? 1.0 : scale, required(min, "min"), required(max, "max"));
        }

        private static <T> T required(T value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return value;
        }

        private static <E extends Enum<E>> E named(Class<E> type, String text, String field) {
            try {
                return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
                        + ", got '" + text + "'", e);
            }
        }
    }
}
