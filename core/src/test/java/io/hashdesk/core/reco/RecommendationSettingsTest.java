package io.hashdesk.core.reco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theBundledDefaultsCoverEveryType() {
        RecommendationSettings settings = RecommendationSettings.defaults();

        assertThat(settings.types()).containsOnlyKeys(RecommendationType.values());
        assertThat(settings.runInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.conflicts().protectiveTypes()).containsExactly(RecommendationType.COOLING);
    }

    @Test
    void anOperatorOverridesOneFieldOfOneTypeAndKeepsTheRest() throws IOException {
        Files.writeString(dir.resolve(RecommendationSettings.OVERRIDES_FILE),
                "{\"types\": {\"POWER\": {\"cooldown\": \"P7D\"}}, \"cooling\": {\"minHeadroomC\": 8}}");

        RecommendationSettings settings = RecommendationSettings.load(dir);

        assertThat(settings.rules(RecommendationType.POWER).cooldown()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.rules(RecommendationType.POWER).minGainUsdPerDayPerMiner())
                .isEqualTo(RecommendationSettings.defaults().rules(RecommendationType.POWER).minGainUsdPerDayPerMiner());
        assertThat(settings.cooling().minHeadroomC()).isEqualTo(8);
        assertThat(settings.cooling().fanMinRaisedPercent()).isEqualTo(60);
    }

    @Test
    void anInvalidValueIsRefusedNamingTheFileAndTheField() throws IOException {
        Path file = dir.resolve(RecommendationSettings.OVERRIDES_FILE);
        Files.writeString(file, "{\"types\": {\"OVERCLOCK\": {\"minConfidence\": 1.5}}}");

        assertThatThrownBy(() -> RecommendationSettings.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("minConfidence must be 0–1, got 1.5");
    }

    @Test
    void urgencyThresholdsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new RecommendationSettings.MaintenanceRules(0.3, 0.8, 0.01, 0.03, 0.1))
                .hasMessageContaining("mediumProbabilityPerDay ≤ highProbabilityPerDay");
    }
}
