package io.hashdesk.core.sensor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's room sensors and power meters, kept as {@code sensors.json} in the data folder: replaced as a whole
 * by the settings screen (validated, written to a temporary file and moved over the old one) and read by the poller at
 * every tick. The file is the meeting point: an inventory re-reads it when it changed on disk, so the poller (in the
 * console or the site agent) follows what the settings screen saved. A device in the file that is invalid is an error
 * naming its place, id and field.
 */
public final class SensorInventory {

    public static final String FILE = "sensors.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final Path file;
    private volatile List<SensorDevice> devices;
    /** The file's modification time when last read; {@code null} while there is no file. */
    private FileTime seen;

    private SensorInventory(Path file, List<SensorDevice> devices, FileTime seen) {
        this.file = file;
        this.devices = devices;
        this.seen = seen;
    }

    /**
     * The file's devices; a missing file means none.
     *
     * @throws IllegalArgumentException naming the file, the device and the field when the file is invalid
     */
    public static SensorInventory load(Path file) {
        Objects.requireNonNull(file, "file");
        FileTime modified = modifiedTime(file);
        return new SensorInventory(file, modified == null ? List.of() : parse(file), modified);
    }

    private static List<SensorDevice> parse(Path file) {
        Document document;
        try {
            document = JSON.readValue(file.toFile(), Document.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Sensors in " + file + " are unreadable: " + e.getMessage(), e);
        }
        List<SensorDevice> parsed = new ArrayList<>();
        List<Entry> entries = document.devices() == null ? List.of() : document.devices();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            try {
                parsed.add(entry.toDevice());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Sensors in " + file + ", device " + (i + 1) + " (id '"
                        + entry.id() + "'): " + e.getMessage(), e);
            }
        }
        try {
            check(parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Sensors in " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(parsed);
    }

    private static FileTime modifiedTime(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * The devices, re-read first when the file changed since it was last read.
     *
     * @throws IllegalArgumentException once per change, when the changed file is invalid; the devices read before
     *                                  stay in force
     */
    public List<SensorDevice> devices() {
        reloadIfChanged();
        return devices;
    }

    private synchronized void reloadIfChanged() {
        FileTime modified = modifiedTime(file);
        if (Objects.equals(modified, seen)) {
            return;
        }
        seen = modified;
        devices = modified == null ? List.of() : parse(file);
    }

    /**
     * Replaces every device and saves the file.
     *
     * @throws IllegalArgumentException naming the device and field when the list is not valid; nothing changes then
     */
    public synchronized void replace(List<SensorDevice> next) throws IOException {
        List<SensorDevice> copy = List.copyOf(next);
        check(copy);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path candidate = Files.createTempFile(folder, FILE, ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(candidate.toFile(),
                    new Document(copy.stream().map(Entry::of).toList()));
            Files.move(candidate, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(candidate);
        }
        devices = copy;
        seen = modifiedTime(file);
    }

    /**
     * What must hold across devices: unique ids, one unit id per device on a bus, and one set of line settings per
     * port (an RS-485 bus runs at one speed).
     */
    public static void check(List<SensorDevice> devices) {
        Set<SensorId> ids = new HashSet<>();
        Map<String, SerialLine> lines = new HashMap<>();
        Map<String, SensorDevice> units = new HashMap<>();
        for (SensorDevice device : devices) {
            if (!ids.add(device.id())) {
                throw new IllegalArgumentException("two devices have the id '" + device.id() + "'");
            }
            SerialLine line = lines.putIfAbsent(device.line().port(), device.line());
            if (line != null && !line.sameSettings(device.line())) {
                throw new IllegalArgumentException("device '" + device.id() + "' uses " + device.line().port() + " at "
                        + device.line().settingsLabel() + ", but another device on that port uses "
                        + line.settingsLabel() + "; devices sharing a bus must use the same settings");
            }
            SensorDevice sameUnit = units.putIfAbsent(device.line().port() + "#" + device.unitId(), device);
            if (sameUnit != null) {
                throw new IllegalArgumentException("devices '" + sameUnit.id() + "' and '" + device.id()
                        + "' both have unit id " + device.unitId() + " on " + device.line().port());
            }
        }
    }

    /** The file's shape. */
    record Document(List<Entry> devices) {
    }

    /** One device as the file writes it: flat, with the usual 9600 8N1 when the line settings are left out. */
    record Entry(String id, String name, String port, Integer baudRate, Integer dataBits, Parity parity,
                 Integer stopBits, Integer unitId, String profile, String room, String rack, SensorPosition position) {

        static Entry of(SensorDevice d) {
            return new Entry(d.id().value(), d.name(), d.line().port(), d.line().baudRate(), d.line().dataBits(),
                    d.line().parity(), d.line().stopBits(), d.unitId(), d.profile(), d.placement().roomId(),
                    d.placement().rack(), d.placement().position());
        }

        SensorDevice toDevice() {
            SerialLine usual = SerialLine.of(Objects.requireNonNull(port, "port is missing"));
            SerialLine line = new SerialLine(port, baudRate == null ? usual.baudRate() : baudRate,
                    dataBits == null ? usual.dataBits() : dataBits, parity == null ? usual.parity() : parity,
                    stopBits == null ? usual.stopBits() : stopBits);
            return new SensorDevice(SensorId.of(id), name, line,
                    Objects.requireNonNull(unitId, "unitId is missing"), profile,
                    new SensorPlacement(room, rack, Objects.requireNonNull(position,
                            "position is missing (INTAKE, EXHAUST or CIRCUIT)")));
        }
    }
}
