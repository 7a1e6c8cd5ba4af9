package io.hashdesk.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("store.json"), json);
    }

    private void assertRejectedNamingTheFile(String json, String why) throws IOException {
        Path file = file(json);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreSettings.withOverrides(file), why);

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void defaultsKeepRawForAWeekFiveMinuteForNinetyDaysAndHourlyForTwoYears() {
        StoreSettings defaults = StoreSettings.defaults();

        assertEquals(Duration.ofDays(7), defaults.rawRetention());
        assertEquals(Duration.ofDays(90), defaults.fiveMinuteRetention());
        assertEquals(Duration.ofDays(730), defaults.oneHourRetention());
    }

    @Test
    void anOverrideFileReplacesOnlyTheFieldsItNames() throws IOException {
        StoreSettings defaults = StoreSettings.defaults();

        StoreSettings settings = StoreSettings.withOverrides(file("""
                {"rawRetention": "P14D", "maintenanceBatchSize": 50}"""));

        assertEquals(new StoreSettings(Duration.ofDays(14), defaults.fiveMinuteRetention(), defaults.oneHourRetention(),
                defaults.rollupGrace(), defaults.maxClockSkew(), defaults.staleAfter(), 50, defaults.maintenanceInterval()),
                settings);
    }

    @Test
    void aMissingOverrideFileMeansTheDefaults() {
        assertEquals(StoreSettings.defaults(), StoreSettings.withOverrides(dir.resolve("absent.json")));
    }

    @Test
    void anEmptyObjectMeansTheDefaults() throws IOException {
        assertEquals(StoreSettings.defaults(), StoreSettings.withOverrides(file("{}")));
    }

    @Test
    void malformedJsonIsRejectedNamingTheFile() throws IOException {
        assertRejectedNamingTheFile("{\"rawRetention\": \"P14D\"", "unclosed object");
        assertRejectedNamingTheFile("[\"P14D\"]", "an array instead of an object");
        assertRejectedNamingTheFile("", "an empty file");
    }

    @Test
    void anUnknownFieldIsRejectedNamingTheFile() throws IOException {
        assertRejectedNamingTheFile("{\"rawRetension\": \"P14D\"}", "misspelt field");
    }

    @Test
    void invalidValuesAreRejectedNamingTheFile() throws IOException {
        assertRejectedNamingTheFile("{\"fiveMinuteRetention\": \"-P1D\"}", "negative duration");
        assertRejectedNamingTheFile("{\"rawRetention\": \"PT1H\"}", "raw kept shorter than the 2 h rollup needs");
        assertRejectedNamingTheFile("{\"rollupGrace\": \"PT1H\"}", "grace of a whole hour");
        assertRejectedNamingTheFile("{\"maintenanceBatchSize\": 0}", "empty batches");
        assertRejectedNamingTheFile("{\"staleAfter\": \"soon\"}", "not a duration");
        assertRejectedNamingTheFile("{\"oneHourRetention\": null}", "null");
    }

    @Test
    void theConstructorRejectsARawRetentionShorterThanTwoHours() {
        StoreSettings d = StoreSettings.defaults();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StoreSettings(Duration.ofHours(1),
                d.fiveMinuteRetention(), d.oneHourRetention(), d.rollupGrace(), d.maxClockSkew(), d.staleAfter(),
                d.maintenanceBatchSize(), d.maintenanceInterval()));

        assertTrue(e.getMessage().contains("rawRetention"), e.getMessage());
    }
}
