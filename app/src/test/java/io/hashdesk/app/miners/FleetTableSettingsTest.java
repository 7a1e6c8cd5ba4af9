package io.hashdesk.app.miners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetTableSettingsTest {

    @TempDir
    Path dataFolder;

    @Test
    void settingsComeFromTheBundledDefaultsAndAnOperatorFileMayOverrideThem() throws Exception {
        assertEquals(Duration.ofSeconds(1), FleetTableSettings.load(dataFolder).refresh());

        Files.writeString(dataFolder.resolve(FleetTableSettings.OVERRIDES_FILE), "{\"refresh\": \"PT0.2S\"}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FleetTableSettings.load(dataFolder));
        assertTrue(e.getMessage().contains("refresh must be at least"), e.getMessage());
    }
}
