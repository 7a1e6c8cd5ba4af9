package io.hashdesk.core.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollSettingsTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("poll.json"), json);
    }

    private void assertRejectedNamingTheFile(String json, String why) throws IOException {
        Path file = file(json);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PollSettings.withOverrides(file),
                why);

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void defaultsPollEveryMinuteEveryFifteenSecondsInTroubleAndGiveUpOnAReadAfterTenSeconds() {
        PollSettings defaults = PollSettings.defaults();

        assertEquals(Duration.ofSeconds(60), defaults.interval());
        assertEquals(Duration.ofSeconds(15), defaults.troubleInterval());
        assertEquals(Duration.ofSeconds(10), defaults.perMinerTimeout());
        assertEquals(512, defaults.maxConcurrency());
        assertEquals(Map.of(), defaults.minerIntervals());
    }

    @Test
    void anOverrideFileReplacesOnlyTheFieldsItNames() throws IOException {
        PollSettings defaults = PollSettings.defaults();

        PollSettings settings = PollSettings.withOverrides(file("""
                {"interval": "PT30S", "maxConcurrency": 64, "minerIntervals": {"m-7": "PT2M"}}"""));

        assertEquals(Duration.ofSeconds(30), settings.interval());
        assertEquals(64, settings.maxConcurrency());
        assertEquals(Duration.ofMinutes(2), settings.intervalFor(MinerId.of("m-7")));
        assertEquals(Duration.ofSeconds(30), settings.intervalFor(MinerId.of("m-8")));
        assertEquals(defaults.troubleInterval(), settings.troubleInterval());
        assertEquals(defaults.breakerFailureThreshold(), settings.breakerFailureThreshold());
    }

    @Test
    void aMissingOverrideFileOrAnEmptyObjectMeansTheDefaults() throws IOException {
        assertEquals(PollSettings.defaults(), PollSettings.withOverrides(dir.resolve("absent.json")));
        assertEquals(PollSettings.defaults(), PollSettings.withOverrides(file("{}")));
    }

    @Test
    void malformedJsonAndUnknownFieldsAreRejectedNamingTheFile() throws IOException {
        assertRejectedNamingTheFile("{\"interval\": \"PT30S\"", "unclosed object");
        assertRejectedNamingTheFile("[\"PT30S\"]", "an array instead of an object");
        assertRejectedNamingTheFile("", "an empty file");
        assertRejectedNamingTheFile("{\"intervall\": \"PT30S\"}", "misspelt field");
    }

    @Test
    void invalidValuesAreRejectedNamingTheFile() throws IOException {
        assertRejectedNamingTheFile("{\"interval\": \"-PT1S\"}", "negative interval");
        assertRejectedNamingTheFile("{\"troubleInterval\": \"PT5M\"}", "trouble slower than healthy");
        assertRejectedNamingTheFile("{\"maxConcurrency\": 0}", "no reads at all");
        assertRejectedNamingTheFile("{\"backoffJitter\": 1.5}", "jitter beyond the wait itself");
        assertRejectedNamingTheFile("{\"backoffInitial\": \"PT10M\"}", "first wait longer than the longest");
        assertRejectedNamingTheFile("{\"breakerFailureThreshold\": 0}", "breaker open before any failure");
        assertRejectedNamingTheFile("{\"minerIntervals\": {\" m-1\": \"PT1M\"}}", "not a miner id");
        assertRejectedNamingTheFile("{\"minerIntervals\": {\"m-1\": \"PT0S\"}}", "zero interval");
        assertRejectedNamingTheFile("{\"perMinerTimeout\": \"soon\"}", "not a duration");
    }
}
