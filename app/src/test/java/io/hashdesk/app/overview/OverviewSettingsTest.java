package io.hashdesk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewSettingsTest {

    @Test
    void theBundledDefaultsRefreshTheChartEveryFewMinutesAndTheMapEverySecond() {
        OverviewSettings defaults = OverviewSettings.defaults();

        assertThat(defaults.chartRefresh()).isEqualTo(Duration.ofMinutes(3));
        assertThat(defaults.chartWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.mapRefresh()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.chipTempBandsC()).containsExactly(60.0, 70.0, 80.0, 90.0);
    }

    @Test
    void theOperatorsFileOverridesOnlyWhatItNames(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(OverviewSettings.OVERRIDES_FILE), "{\"chipTempBandsC\": [65, 85]}");

        OverviewSettings settings = OverviewSettings.load(folder);

        assertThat(settings.chipTempBandsC()).containsExactly(65.0, 85.0);
        assertThat(settings.mapRefresh()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsBandsThatDoNotAscendAndAMapFasterThanOnceASecond() {
        assertThatThrownBy(() -> new OverviewSettings(Duration.ofMinutes(3), Duration.ofSeconds(10), Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofMinutes(5), List.of(80.0, 70.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must ascend");
        assertThatThrownBy(() -> new OverviewSettings(Duration.ofMinutes(3), Duration.ofSeconds(10), Duration.ofHours(24),
                Duration.ofMillis(200), Duration.ofMinutes(5), List.of(80.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapRefresh");
    }
}
