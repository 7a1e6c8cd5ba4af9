package io.hashdesk.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreBundledAndCareful() {
        ActionSettings defaults = ActionSettings.defaults();

        assertThat(defaults.minersAtOncePerRoom()).isLessThanOrEqualTo(defaults.minersAtOnce());
        assertThat(defaults.watchWindow()).isGreaterThan(defaults.observeEvery());
        assertThat(defaults.atNewSettingsOnRecovery()).isEqualTo(ActionSettings.RecoveryChoice.ROLL_BACK);
        assertThat(defaults.operatorLimits()).isEmpty();
    }

    @Test
    void anOperatorFileOverridesSomeFieldsAndAddsModelLimits() throws IOException {
        Files.writeString(dir.resolve(ActionSettings.OVERRIDES_FILE), """
                {"watchWindow": "PT30M", "stepSizes": {"frequencyMhz": 25},
                 "operatorLimits": {"antminer-s19j-pro": {"powerMaxWatts": 3000}}}""");

        ActionSettings loaded = ActionSettings.load(dir);

        assertThat(loaded.watchWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(loaded.stepSizes().frequencyMhz()).isEqualTo(25);
        assertThat(loaded.stepSizes().voltageVolts()).isEqualTo(ActionSettings.defaults().stepSizes().voltageVolts());
        assertThat(loaded.operatorLimitsOf("antminer-s19j-pro").powerMaxWatts()).isEqualTo(3000.0);
        assertThat(loaded.operatorLimitsOf("antminer-s9")).isEqualTo(OperatorLimits.NONE);
    }

    @Test
    void invalidValuesAreRefusedNamingTheFieldAndTheFile() throws IOException {
        Path file = dir.resolve(ActionSettings.OVERRIDES_FILE);
        Files.writeString(file, "{\"minersAtOncePerRoom\": 50}");
        assertThatThrownBy(() -> ActionSettings.load(dir)).hasMessageContaining(file.toString())
                .hasMessageContaining("minersAtOncePerRoom (50) must not be above minersAtOnce");

        Files.writeString(file, "{\"rollbackWhen\": {\"hashrateBelowFraction\": 1.5}}");
        assertThatThrownBy(() -> ActionSettings.load(dir)).hasMessageContaining("rollbackWhen.hashrateBelowFraction");

        Files.writeString(file, "{\"operatorLimits\": {\"antminer-s19j-pro\": {\"fanMinPercent\": 120}}}");
        assertThatThrownBy(() -> ActionSettings.load(dir)).hasMessageContaining("fanMinPercent must be 0–100 %");

        Files.writeString(file, "{\"observeEvery\": \"PT0S\"}");
        assertThatThrownBy(() -> ActionSettings.load(dir)).hasMessageContaining("observeEvery must be a positive");

        Files.writeString(file, "{\"atNewSettingsOnRecovery\": \"KEEP\"}");
        assertThatThrownBy(() -> ActionSettings.load(dir)).hasMessageContaining(file.toString());
    }
}
