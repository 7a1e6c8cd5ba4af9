package io.hashdesk.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSettingsTest {

    @TempDir
    Path dataFolder;

    @Test
    void theBundledDefaultsUseEachModelsOwnChipLimit() {
        AlertSettings defaults = AlertSettings.defaults();
        assertThat(defaults.chipTempMaxC()).isNull();
        assertThat(defaults.lowHashratePercent()).isEqualTo(80.0);
        assertThat(defaults.lowHashrateAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anOperatorsFileOverridesOnlyTheFieldsItNames() throws Exception {
        Files.writeString(dataFolder.resolve(AlertSettings.OVERRIDES_FILE),
                "{\"chipTempMaxC\": 80, \"lowHashratePercent\": 70, \"lowHashrateClearPercent\": 75}");
        AlertSettings settings = AlertSettings.load(dataFolder);
        assertThat(settings.chipTempMaxC()).isEqualTo(80.0);
        assertThat(settings.lowHashratePercent()).isEqualTo(70.0);
        assertThat(settings.offlineAfter()).isEqualTo(AlertSettings.defaults().offlineAfter());
    }

    @Test
    void aClearLevelBelowTheRaiseLevelIsRefusedNamingBothFields() throws Exception {
        Files.writeString(dataFolder.resolve(AlertSettings.OVERRIDES_FILE), "{\"lowHashrateClearPercent\": 50}");
        assertThatThrownBy(() -> AlertSettings.load(dataFolder))
                .hasMessageContaining(AlertSettings.OVERRIDES_FILE)
                .hasMessageContaining("lowHashrateClearPercent must be between lowHashratePercent (80.0) and 100");
    }

    @Test
    void anUnknownFieldIsAnErrorNotIgnored() throws Exception {
        Files.writeString(dataFolder.resolve(AlertSettings.OVERRIDES_FILE), "{\"offlineAftr\": \"PT1M\"}");
        assertThatThrownBy(() -> AlertSettings.load(dataFolder)).hasMessageContaining("offlineAftr");
    }
}
