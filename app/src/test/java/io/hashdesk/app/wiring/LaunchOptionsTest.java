package io.hashdesk.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    @TempDir
    Path dataFolder;

    @Test
    void theDemoFarmRunsByDefaultAndTheCommandLineCanTurnItOff() {
        AppSettings defaults = AppSettings.load(dataFolder);
        assertTrue(defaults.demoFarm());
        assertEquals(Duration.ofSeconds(2), defaults.fleetRefresh());
        assertFalse(LaunchOptions.apply(List.of("--real-miners"), null, defaults).demoFarm());
        assertTrue(LaunchOptions.apply(List.of("--real-miners", "--demo-farm"), null, defaults).demoFarm());
    }

    @Test
    void theSystemPropertyTurnsTheDemoOffAndAnEmptyOneLeavesItToTheSettings() {
        AppSettings defaults = AppSettings.load(dataFolder);
        assertFalse(LaunchOptions.apply(List.of(), "false", defaults).demoFarm());
        assertTrue(LaunchOptions.apply(List.of(), "", defaults).demoFarm());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.apply(List.of(), "no", defaults));
    }

    @Test
    void anUnknownOptionIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.apply(List.of("--real"), null, AppSettings.load(dataFolder)));
        assertTrue(e.getMessage().contains("--real-miners"), e.getMessage());
    }

    @Test
    void theSettingsFileInTheDataFolderOverridesTheDefaults() throws Exception {
        java.nio.file.Files.writeString(dataFolder.resolve("app-settings.json"), "{\"demoFarm\": false}");
        assertFalse(AppSettings.load(dataFolder).demoFarm());
        java.nio.file.Files.writeString(dataFolder.resolve("app-settings.json"), "{\"fleetRefresh\": \"PT0.1S\"}");
        assertThrows(IllegalArgumentException.class, () -> AppSettings.load(dataFolder));
    }
}
