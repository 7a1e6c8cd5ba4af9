package io.hashdesk.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hashdesk.core.settings.DataFolder.Source;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    private static final String HOME = "/home/op";

    /** Paths written Unix-style and made absolute the way the JVM running the test does, so this passes on any OS. */
    private static Path abs(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    @Test
    void theSystemPropertyBeatsTheEnvironmentAndTheOsDefault() {
        DataFolder folder = DataFolder.resolve("/srv/hashdesk-prop",
                Map.of(DataFolder.ENV, "/srv/hashdesk-env", "XDG_DATA_HOME", "/xdg"), "Linux", HOME);

        assertEquals(new DataFolder(abs("/srv/hashdesk-prop"), Source.SYSTEM_PROPERTY), folder);
    }

    @Test
    void theEnvironmentVariableBeatsTheOsDefault() {
        DataFolder folder = DataFolder.resolve(null,
                Map.of(DataFolder.ENV, "/srv/hashdesk-env", "XDG_DATA_HOME", "/xdg"), "Linux", HOME);

        assertEquals(new DataFolder(abs("/srv/hashdesk-env"), Source.ENVIRONMENT), folder);
    }

    @Test
    void blankOverridesAreIgnored() {
        DataFolder folder = DataFolder.resolve("  ", Map.of(DataFolder.ENV, ""), "Linux", HOME);

        assertEquals(new DataFolder(abs("/home/op/.local/share/hashdesk"), Source.OS_DEFAULT), folder);
    }

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        DataFolder folder = DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/data/op"), "Linux", HOME);

        assertEquals(new DataFolder(abs("/data/op/hashdesk"), Source.OS_DEFAULT), folder);
    }

    @Test
    void linuxFallsBackToLocalShareInTheHomeFolder() {
        DataFolder folder = DataFolder.resolve(null, Map.of(), "Linux", HOME);

        assertEquals(abs("/home/op/.local/share/hashdesk"), folder.path());
    }

    @Test
    void windowsUsesAppData() {
        DataFolder folder = DataFolder.resolve(null, Map.of("APPDATA", "/users/op/AppData/Roaming"), "Windows 11", HOME);

        assertEquals(new DataFolder(abs("/users/op/AppData/Roaming/Hashdesk"), Source.OS_DEFAULT), folder);
    }

    @Test
    void windowsWithoutAppDataFallsBackToRoamingInTheHomeFolder() {
        DataFolder folder = DataFolder.resolve(null, Map.of(), "Windows 10", HOME);

        assertEquals(abs("/home/op/AppData/Roaming/Hashdesk"), folder.path());
    }

    @Test
    void macOsUsesApplicationSupportAndIgnoresXdg() {
        DataFolder folder = DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Mac OS X", HOME);

        assertEquals(new DataFolder(abs("/home/op/Library/Application Support/Hashdesk"), Source.OS_DEFAULT), folder);
    }

    @Test
    void aRelativeOverrideIsMadeAbsoluteAndNormalised() {
        DataFolder folder = DataFolder.resolve("data/../hashdesk-data", Map.of(), "Linux", HOME);

        assertEquals(Path.of("hashdesk-data").toAbsolutePath(), folder.path());
    }

    @Test
    void theDatabaseAndLogsLiveInsideTheFolder() {
        DataFolder folder = DataFolder.resolve("/srv/hd", Map.of(), "Linux", HOME);

        assertEquals(abs("/srv/hd/hashdesk.db"), folder.databaseFile());
        assertEquals(abs("/srv/hd/logs"), folder.logFolder());
    }
}
