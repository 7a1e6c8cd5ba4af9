package io.hashdesk.core.reco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EconomicAdviceSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsPauseAtBreakEvenWithNoCapAndLabelTheUpgradePricesAsExamples() {
        EconomicAdviceSettings settings = EconomicAdviceSettings.defaults();

        assertThat(settings.schedule().strikePricePerKwh()).isEmpty();
        assertThat(settings.schedule().sitePowerCapKw()).isNull();
        assertThat(settings.upgrade().pricesAreExamples()).isTrue();
        assertThat(settings.upgrade().candidates()).isNotEmpty();
    }

    @Test
    void anOperatorFileOverridesOneFieldOfABlock() throws Exception {
        Files.writeString(dir.resolve(EconomicAdviceSettings.OVERRIDES_FILE),
                "{\"schedule\": {\"strikePrice\": \"0.12\", \"sitePowerCapKw\": 500}}");

        EconomicAdviceSettings settings = EconomicAdviceSettings.inDataFolder(dir);

        assertThat(settings.schedule().strikePricePerKwh()).hasValue(0.12);
        assertThat(settings.schedule().sitePowerCapKw()).isEqualTo(500.0);
        assertThat(settings.schedule().pauseAfterIntervalsAbove()).isEqualTo(2);
        assertThat(settings.upgrade().pricesAsOf()).isEqualTo(EconomicAdviceSettings.defaults().upgrade().pricesAsOf());
    }

    @Test
    void aStrikeThatIsNeitherAPriceNorBreakEvenIsRefusedNamingTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"schedule\": {\"strikePrice\": \"cheap\"}}");

        assertThatThrownBy(() -> EconomicAdviceSettings.withOverrides(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("schedule.strikePrice").hasMessageContaining("\"cheap\"");
    }

    @Test
    void anIntervalThatDoesNotDivideAnHourIsRefused() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"schedule\": {\"interval\": \"PT7M\"}}");

        assertThatThrownBy(() -> EconomicAdviceSettings.withOverrides(file))
                .hasMessageContaining("schedule.interval");
    }
}
