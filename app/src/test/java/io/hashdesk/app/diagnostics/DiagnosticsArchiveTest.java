package io.hashdesk.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.StorageStats;
import io.hashdesk.core.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support bundle as a plain service: what goes in, and that no secret does. */
class DiagnosticsArchiveTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T18:30:05Z"), ZoneOffset.UTC);
    private static final DatabaseFacts FACTS = new DatabaseFacts(4, new StorageStats(1_234, 56, 7, 1, 9_876_543), false);

    @TempDir
    Path folder;
    DataFolder dataFolder;

    @BeforeEach
    void farmFolder() throws IOException {
        dataFolder = new DataFolder(folder, DataFolder.Source.ENVIRONMENT);
        Files.createDirectories(dataFolder.logFolder());
        Files.writeString(dataFolder.logFolder().resolve("hashdesk.log"), "2026-11-27 INFO started\n");
        Files.write(dataFolder.logFolder().resolve("hashdesk.2026-11-26.0.log.gz"), new byte[] {31, -117, 8, 0});
        Files.writeString(dataFolder.logFolder().resolve("hashdesk-agent.log"), "2026-11-27 INFO agent polling\n");
        Files.writeString(dataFolder.databaseFile(), "not really a database");
    }

    private Map<String, String> write(DatabaseFacts.Source database) throws IOException {
        Path bundle = new DiagnosticsArchive(dataFolder, "1.4.2", database, CLOCK).write();
        assertThat(bundle).isEqualTo(folder.resolve("diagnostics/hashdesk-diagnostics-20261127-183005Z.zip"));
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return entries;
    }

    @Test
    void holdsEveryLogFileAndWhatSupportAsksFirst() throws IOException {
        Map<String, String> entries = write(() -> FACTS);

        assertThat(entries).containsKeys("about.txt", "logs/hashdesk.log", "logs/hashdesk.2026-11-26.0.log.gz",
                "logs/hashdesk-agent.log");
        assertThat(entries.get("logs/hashdesk-agent.log")).isEqualTo("2026-11-27 INFO agent polling\n");
        assertThat(entries.get("about.txt")).contains(
                "Hashdesk diagnostics: 2026-11-27T18:30:05Z",
                "Hashdesk version: 1.4.2",
                "Java: " + System.getProperty("java.runtime.version"),
                "OS: " + System.getProperty("os.name"),
                "Data folder: " + folder + " (ENVIRONMENT)",
                "Site agent: not running",
                "File hashdesk.db: 21 bytes",
                "File hashdesk.db-wal: absent",
                "Database schema version: 4",
                "Database opened: read-write",
                "Database size: 9876543 bytes",
                "Telemetry: 1234 recent snapshots; chunks: 56 raw, 7 five-minute, 1 one-hour");
    }

    @Test
    void settingsFilesComeOutWithEverySecretLookingFieldMasked() throws IOException {
        Files.writeString(folder.resolve("market-settings.json"), """
                {"coinGecko": {"enabled": true, "apiKey": "cg-live-123"},
                 "prohashing": {"enabled": false, "credentials": {"Password": "hunter2", "user": "ops"}},
                 "pools": [{"url": "stratum+tcp://pool:3333", "pass": "x", "token": 42}],
                 "staleAfter": "PT2H"}""");
        Files.writeString(folder.resolve("app-settings.json"), "{\"demoFarm\": false, \"SECRET\": {\"a\": 1}}");

        Map<String, String> entries = write(() -> FACTS);

        JsonNode market = JsonMapper.builder().build().readTree(entries.get("settings/market-settings.json"));
        assertThat(market.at("/coinGecko/apiKey").asText()).isEqualTo("***");
        assertThat(market.at("/coinGecko/enabled").asBoolean()).isTrue();
        assertThat(market.at("/prohashing/credentials/Password").asText()).isEqualTo("***");
        assertThat(market.at("/prohashing/credentials/user").asText()).isEqualTo("ops");
        assertThat(market.at("/pools/0/pass").asText()).isEqualTo("***");
        assertThat(market.at("/pools/0/token").asText()).isEqualTo("***");
        assertThat(market.at("/pools/0/url").asText()).isEqualTo("stratum+tcp://pool:3333");
        assertThat(market.at("/staleAfter").asText()).isEqualTo("PT2H");
        assertThat(entries.get("settings/app-settings.json")).contains("\"demoFarm\" : false", "\"SECRET\" : \"***\"");
        assertThat(String.join("\n", entries.values())).doesNotContain("cg-live-123", "hunter2");
    }

    @Test
    void aSettingsFileThatCannotBeParsedIsLeftOutWithoutQuotingIt() throws IOException {
        Files.writeString(folder.resolve("poll-settings.json"), "{\"password\": hunter2}");

        Map<String, String> entries = write(() -> FACTS);

        assertThat(entries).doesNotContainKey("settings/poll-settings.json");
        assertThat(entries.get("settings/poll-settings.json.txt"))
                .startsWith("Left out: poll-settings.json is not valid JSON (error at line 1, column")
                .doesNotContain("hunter2");
    }

    @Test
    void neverTakesTheDatabaseOrOtherFilesFromTheDataFolder() throws IOException {
        Files.writeString(folder.resolve("credentials.bin"), "s3cr3t");

        assertThat(write(() -> FACTS).keySet()).allMatch(name -> name.equals("about.txt")
                || name.startsWith("logs/") || name.startsWith("settings/"));
    }

    @Test
    void aDatabaseThatCouldNotBeOpenedIsReportedInsteadOfFailingTheBundle() throws IOException {
        Map<String, String> entries = write(() -> {
            throw new StoreException("The database was written by a newer Hashdesk");
        });

        assertThat(entries.get("about.txt")).contains("Database: unavailable: The database was written by a newer Hashdesk");
    }

    @Test
    void aConsoleBesideTheAgentSaysSo() throws IOException {
        Map<String, String> entries = write(() -> new DatabaseFacts(4, FACTS.storage(), true));

        assertThat(entries.get("about.txt")).contains("Database opened: read-only (beside the site agent)");
    }
}
