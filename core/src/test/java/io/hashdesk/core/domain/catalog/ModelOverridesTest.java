package io.hashdesk.core.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelOverridesTest {

    /** A well-formed operator model; tests break one thing at a time with {@link String#replace}. */
    private static final String GOOD_MODEL = """
            {
              "id": "antminer-s19k-pro",
              "vendor": "Bitmain",
              "name": "Antminer S19k Pro",
              "algorithm": "SHA256",
              "asicChip": "BM1366",
              "ratedHashrateThs": 120,
              "ratedPowerWatts": 2760,
              "publishedEfficiencyJPerTh": 23.0,
              "hashboards": 3,
              "chipsPerBoard": 77,
              "fans": 4,
              "safeLimits": {
                "frequencyMinMhz": 250, "frequencyMaxMhz": 600,
                "voltageMinVolts": 12.0, "voltageMaxVolts": 15.0,
                "powerMaxWatts": 3000,
                "fanMinPercent": 10, "fanMaxPercent": 100,
                "chipTempMaxC": 85, "boardTempMaxC": 75
              },
              "firmwareNames": ["Antminer S19k Pro", "S19k Pro"],
              "source": "operator's own measurement, 2025",
              "limitsBasis": "copied from the S19 XP entry",
              "releaseYear": 2023
            }""";

    @TempDir
    Path dir;

    private final MinerModelCatalog bundled = MinerModelCatalog.bundled();

    @Test
    void overrideFileAddsANewModelThatFirmwareNamesThenFind() throws IOException {
        MinerModelCatalog catalog = bundled.withOverrides(write(models(GOOD_MODEL)));
        assertEquals(bundled.all().size() + 1, catalog.all().size());
        assertEquals("antminer-s19k-pro", catalog.matchFirmwareName("Antminer S19k Pro (Vnish 1.2.6)")
                .orElseThrow().id());
        assertTrue(bundled.byId("antminer-s19k-pro").isEmpty(), "the original catalog is unchanged");
    }

    @Test
    void overrideWithAKnownIdReplacesTheBundledModel() throws IOException {
        String s19 = GOOD_MODEL.replace("antminer-s19k-pro", "antminer-s19")
                .replace("\"Antminer S19k Pro\", \"S19k Pro\"", "\"Antminer S19\"")
                .replace("\"ratedHashrateThs\": 120", "\"ratedHashrateThs\": 86")
                .replace("\"ratedPowerWatts\": 2760", "\"ratedPowerWatts\": 2967")
                .replace("\"publishedEfficiencyJPerTh\": 23.0", "\"publishedEfficiencyJPerTh\": 34.5");
        MinerModelCatalog catalog = bundled.withOverrides(write(models(s19)));
        assertEquals(bundled.all().size(), catalog.all().size());
        assertEquals(86, catalog.byId("antminer-s19").orElseThrow().ratedHashrateThs());
        assertEquals("antminer-s19", catalog.matchFirmwareName("Antminer S19").orElseThrow().id());
    }

    @Test
    void fileThatIsNotJsonNamesTheFileAndLine() throws IOException {
        Path file = write("{\"models\": [\n {\"id\": \"x\",, } ]}");
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void outOfRangeLimitNamesTheFileTheModelAndTheField() throws IOException {
        Path file = write(models(GOOD_MODEL.replace("\"voltageMaxVolts\": 15.0", "\"voltageMaxVolts\": 11.0")));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[0].safeLimits", e.field());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("voltageMaxVolts (11)"), e.getMessage());
    }

    @Test
    void misspelledFieldIsRejectedNamingIt() throws IOException {
        Path file = write(models(GOOD_MODEL.replace("\"fans\": 4,", "\"fans\": 4, \"fanCount\": 4,")));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[0].fanCount", e.field());
        assertTrue(e.getMessage().contains("unknown field 'fanCount'") && e.getMessage().contains("fans"),
                e.getMessage());
    }

    @Test
    void missingFieldIsRejectedNamingIt() throws IOException {
        Path file = write(models(GOOD_MODEL.replace("\"ratedPowerWatts\": 2760,", "")));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[0].ratedPowerWatts", e.field());
        assertTrue(e.getMessage().contains("at models[0].ratedPowerWatts: required field is missing"),
                e.getMessage());
    }

    @Test
    void unknownAlgorithmIsRejectedNamingTheField() throws IOException {
        Path file = write(models(GOOD_MODEL.replace("\"SHA256\"", "\"SHA-256\"")));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[0].algorithm", e.field());
    }

    @Test
    void efficiencyThatDisagreesWithPowerAndHashrateIsRejected() throws IOException {
        Path file = write(models(GOOD_MODEL.replace("\"publishedEfficiencyJPerTh\": 23.0",
                "\"publishedEfficiencyJPerTh\": 21.5")));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[0].publishedEfficiencyJPerTh", e.field());
        assertTrue(e.getMessage().contains("23.00 J/TH"), e.getMessage());
    }

    @Test
    void ratedPowerAbovePowerLimitIsRejected() throws IOException {
        Path file = write(models(GOOD_MODEL.replace("\"powerMaxWatts\": 3000", "\"powerMaxWatts\": 2500")));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertTrue(e.getMessage().contains("powerMaxWatts (2500 W)"), e.getMessage());
    }

    @Test
    void firmwareNameAlreadyClaimedByAnotherModelIsRejected() throws IOException {
        Path file = write(models(GOOD_MODEL.replace("\"S19k Pro\"]", "\"S19j Pro\"]")));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[0].firmwareNames", e.field());
        assertTrue(e.getMessage().contains("already claimed by model 'antminer-s19j-pro'"), e.getMessage());
    }

    @Test
    void replacementThatStealsALaterModelsFirmwareNameIsBlamedNotTheBundledModel() throws IOException {
        String s9 = GOOD_MODEL.replace("antminer-s19k-pro", "antminer-s9")
                .replace("\"Antminer S19k Pro\", \"S19k Pro\"", "\"Antminer S9\", \"Antminer S19\"");
        Path file = write(models(s9));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[0].firmwareNames", e.field());
        assertTrue(e.getMessage().contains("model 'antminer-s9' is already claimed by model 'antminer-s19'"),
                e.getMessage());
    }

    @Test
    void duplicateIdInsideOneFileIsRejected() throws IOException {
        Path file = write(models(GOOD_MODEL, GOOD_MODEL));
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("models[1].id", e.field());
    }

    @Test
    void topLevelKeysOtherThanModelsAreRejected() throws IOException {
        Path file = write("{\"schemaVersion\": 1, \"models\": []}");
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertEquals("schemaVersion", e.field());
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("nope.json");
        ModelCatalogException e = assertThrows(ModelCatalogException.class, () -> bundled.withOverrides(file));
        assertTrue(e.getMessage().contains("nope.json") && e.getMessage().contains("does not exist"),
                e.getMessage());
    }

    private static String models(String... entries) {
        return "{\"models\": [" + String.join(",", entries) + "]}";
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("extra-models.json"), json);
    }
}
