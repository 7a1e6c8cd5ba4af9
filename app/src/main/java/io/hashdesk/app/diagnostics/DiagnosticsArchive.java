package io.hashdesk.app.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.app.agent.AgentLock;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.StorageStats;
import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Bundles what support needs into one zip in the data folder's {@value #FOLDER} folder: the log files, an
 * {@value #ABOUT} with the versions (Hashdesk, Java, OS), the data folder, the database's schema version and sizes,
 * and the data folder's settings files with every secret-looking field blanked ({@link SecretRedaction}). The
 * database itself and the environment are never included, so no credential leaves with it.
 */
public final class DiagnosticsArchive {

    static final String FOLDER = "diagnostics";
    static final String ABOUT = "about.txt";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DataFolder dataFolder;
    private final String appVersion;
    private final DatabaseFacts.Source database;
    private final Clock clock;

    public DiagnosticsArchive(DataFolder dataFolder, String appVersion, DatabaseFacts.Source database, Clock clock) {
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes a new bundle and returns its path; a half-written bundle never appears under its final name. */
    public Path write() throws IOException {
        Instant now = clock.instant();
        Path folder = dataFolder.path().resolve(FOLDER);
        Files.createDirectories(folder);
        Path target = folder.resolve("hashdesk-diagnostics-" + STAMP.format(now) + "Z.zip");
        Path partial = folder.resolve(target.getFileName() + ".part");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            text(zip, ABOUT, about(now));
            for (Path settings : files(dataFolder.path(), "*.json")) {
                settings(zip, settings);
            }
            for (Path log : files(dataFolder.logFolder(), "*")) {
                zip.putNextEntry(new ZipEntry("logs/" + log.getFileName()));
                Files.copy(log, zip);
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private String about(Instant now) throws IOException {
        StringBuilder out = new StringBuilder();
        line(out, "Hashdesk diagnostics", now.toString());
        line(out, "Hashdesk version", appVersion);
        line(out, "Java", System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        line(out, "Java home", System.getProperty("java.home"));
        line(out, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        line(out, "Processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line(out, "Max heap", Runtime.getRuntime().maxMemory() / 1_048_576 + " MiB");
        line(out, "Data folder", dataFolder.path() + " (" + dataFolder.source() + ")");
        OptionalLong agent = AgentLock.holder(dataFolder.path());
        line(out, "Site agent", agent.isPresent() ? "running, pid " + agent.getAsLong() : "not running");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = dataFolder.databaseFile().resolveSibling(dataFolder.databaseFile().getFileName() + suffix);
            line(out, "File " + file.getFileName(), Files.exists(file) ? Files.size(file) + " bytes" : "absent");
        }
        try {
            DatabaseFacts facts = database.read();
            StorageStats stats = facts.storage();
            line(out, "Database schema version", Integer.toString(facts.schemaVersion()));
            line(out, "Database opened", facts.readOnly() ? "read-only (beside the site agent)" : "read-write");
            line(out, "Database size", stats.fileBytes() + " bytes with its write-ahead log");
            line(out, "Telemetry", stats.recentSnapshots() + " recent snapshots; chunks: " + stats.rawChunks()
                    + " raw, " + stats.fiveMinuteChunks() + " five-minute, " + stats.oneHourChunks() + " one-hour");
        } catch (StoreException e) {
            line(out, "Database", "unavailable: " + e.getMessage());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append('\n');
    }

    /** A settings file, redacted; one that is not valid JSON is left out (it could not be redacted) and says so. */
    private static void settings(ZipOutputStream zip, Path file) throws IOException {
        String name = "settings/" + file.getFileName();
        JsonNode document;
        try {
            document = JSON.readTree(file.toFile());
        } catch (IOException unreadable) {
            // only where the error is: the parser's message quotes the offending text, which may be a secret
            String where = unreadable instanceof JsonProcessingException json && json.getLocation() != null
                    ? " (error at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")" : "";
            text(zip, name + ".txt", "Left out: " + file.getFileName() + " is not valid JSON" + where
                    + ", so it could not be checked for secrets.\n");
            return;
        }
        text(zip, name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(SecretRedaction.redact(document)));
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static List<Path> files(Path folder, String glob) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            var matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
            return entries.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        }
    }
}
