package io.hashdesk.app.settings;

import io.hashdesk.app.common.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.settings.DisplaySettings.HashrateUnit;
import io.hashdesk.app.settings.DisplaySettings.ThemeChoice;
import io.hashdesk.app.settings.SettingsViewModel.PollField;
import io.hashdesk.core.polling.PollSettings;
import io.hashdesk.core.settings.DataFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    private JobRunner jobs;
    private SettingsViewModel model;
    private final List<ThemeChoice> applied = new ArrayList<>();

    @BeforeEach
    void open() throws InterruptedException {
        jobs = new JobRunner(Runnable::run);
        model = new SettingsViewModel(new DataFolder(dir, DataFolder.Source.ENVIRONMENT), jobs,
                () -> Optional.of("EUR"), applied::add, Optional.empty());
        model.load();
        Eventually.until(() -> model.loadedProperty().get(), "the settings read");
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    private Path pollFile() {
        return dir.resolve("poll-settings.json");
    }

    @Test
    void showsTheDefaultsAndTheTariffCurrency() {
        assertThat(model.pollValueProperty(PollField.INTERVAL).get()).isEqualTo("60");
        assertThat(model.pollValueProperty(PollField.PER_MINER_TIMEOUT).get()).isEqualTo("10");
        assertThat(model.currencyProperty().get()).isEqualTo("EUR");
        assertThat(model.dataFolderReason()).contains(DataFolder.ENV);
        assertThat(model.dataFolderHowToMove()).contains(DataFolder.ENV).contains(DataFolder.PROPERTY);
    }

    @Test
    void savingWritesOnlyTheChangedFieldAndPollingReadsIt() throws Exception {
        model.pollValueProperty(PollField.INTERVAL).set("120");
        model.savePolling();
        Eventually.until(() -> model.pollMessageProperty().get().startsWith("Saved"), "saved");

        String written = Files.readString(pollFile());
        assertThat(written).contains("\"interval\"").doesNotContain("troubleInterval").doesNotContain("perMinerTimeout");
        assertThat(PollSettings.withOverrides(pollFile()).interval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(model.pollMessageProperty().get()).contains("next start");
    }

    @Test
    void anInvalidCombinationIsRefusedWithPollSettingsSentenceBesideTheField() throws Exception {
        model.pollValueProperty(PollField.TROUBLE_INTERVAL).set("90");
        model.savePolling();
        Eventually.until(() -> model.pollMessageProperty().get().startsWith("Not saved"), "refused");

        assertThat(model.pollErrorProperty(PollField.TROUBLE_INTERVAL).get())
                .contains("troubleInterval").contains("must not be longer than interval");
        assertThat(model.pollErrorProperty(PollField.INTERVAL).get()).isEmpty();
        assertThat(Files.exists(pollFile())).isFalse();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void aValueThatIsNotANumberOfSecondsIsMarkedAndNothingIsWritten() {
        model.pollValueProperty(PollField.PER_MINER_TIMEOUT).set("ten");
        model.savePolling();

        assertThat(model.pollErrorProperty(PollField.PER_MINER_TIMEOUT).get()).contains("number of seconds");
        assertThat(Files.exists(pollFile())).isFalse();
    }

    @Test
    void theThemeAppliesAtOnceAndIsRememberedWithTheUnit() throws InterruptedException {
        model.themeProperty().set(ThemeChoice.LIGHT);
        model.hashrateUnitProperty().set(HashrateUnit.PH_PER_S);
        model.saveDisplay();
        Eventually.until(() -> model.displayMessageProperty().get().startsWith("Saved"), "saved");

        assertThat(applied).containsExactly(ThemeChoice.LIGHT);
        assertThat(DisplaySettings.load(dir)).isEqualTo(new DisplaySettings(ThemeChoice.LIGHT, HashrateUnit.PH_PER_S));
    }
}
