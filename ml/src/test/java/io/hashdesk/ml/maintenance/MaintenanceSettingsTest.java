package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceSettingsTest {

    @TempDir
    Path dir;

    @Test
    void bundledDefaultsPredictAWeekAhead() {
        MaintenanceSettings settings = MaintenanceSettings.defaults();

        assertThat(settings.horizon()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.historyNeeded()).isEqualTo(Duration.ofDays(8));
    }

    @Test
    void anOperatorFileChangesOneNestedFieldAndKeepsTheRest() throws Exception {
        Path file = dir.resolve("maintenance.json");
        Files.writeString(file, "{\"forest\": {\"trees\": 40}}");

        MaintenanceSettings settings = MaintenanceSettings.withOverrides(file);

        assertThat(settings.forest().trees()).isEqualTo(40);
        assertThat(settings.forest().maxDepth()).isEqualTo(MaintenanceSettings.defaults().forest().maxDepth());
    }

    @Test
    void anInvalidValueIsRefusedNamingTheField() throws Exception {
        Path file = dir.resolve("maintenance.json");
        Files.writeString(file, "{\"minRecentHours\": 0}");

        assertThatThrownBy(() -> MaintenanceSettings.withOverrides(file)).hasMessageContaining("minRecentHours");
    }
}
