package io.hashdesk.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSettingsTest {

    @TempDir
    Path dir;

    @Test
    void anOperatorsFileOverridesOneRoomsAmbientAndOneFamilysWindowKeepingTheRest() throws IOException {
        Files.writeString(dir.resolve(TrainingSettings.FILE), """
                {"assumedAmbientByRoomC": {"container-2": 32.5}, "thermal": {"history": "P3D"}}""");

        TrainingSettings settings = TrainingSettings.load(dir);

        TrainingSettings defaults = TrainingSettings.defaults();
        assertThat(settings.assumedAmbientC("container-2")).isEqualTo(32.5);
        assertThat(settings.assumedAmbientC("hall-a")).isEqualTo(defaults.assumedAmbientC());
        assertThat(settings.thermal().history()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.thermal().recent()).isEqualTo(defaults.thermal().recent());
        assertThat(settings.profitForecast()).isEqualTo(defaults.profitForecast());
    }

    @Test
    void anImplausibleRoomTemperatureIsRefusedNamingTheRoomAndTheFile() throws IOException {
        Path file = dir.resolve(TrainingSettings.FILE);
        Files.writeString(file, """
                {"assumedAmbientByRoomC": {"container-2": 250}}""");

        assertThatThrownBy(() -> TrainingSettings.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("assumedAmbientByRoomC.container-2");
    }

    @Test
    void aMissingFileMeansTheDefaults() {
        assertThat(TrainingSettings.load(dir)).isEqualTo(TrainingSettings.defaults());
    }
}
