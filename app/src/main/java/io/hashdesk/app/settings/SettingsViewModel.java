package io.hashdesk.app.settings;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.settings.DisplaySettings.HashrateUnit;
import io.hashdesk.app.settings.DisplaySettings.ThemeChoice;
import io.hashdesk.core.polling.PollSettings;
import io.hashdesk.core.settings.DataFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The data folder, polling and display parts of Settings. Polling values are edited as seconds and saved to
 * {@code poll-settings.json} (only the changed fields, validated by {@link PollSettings}); they take effect at the
 * next start. The theme applies at once and is remembered with the hashrate unit in {@code display-settings.json}.
 */
public final class SettingsViewModel {

    /** The polling fields on the screen, by their name in {@link PollSettings}. */
    public enum PollField {
        INTERVAL("interval"), TROUBLE_INTERVAL("troubleInterval"), PER_MINER_TIMEOUT("perMinerTimeout");

        private final String json;

        PollField(String json) {
            this.json = json;
        }

        Duration of(PollSettings settings) {
            return switch (this) {
                case INTERVAL -> settings.interval();
                case TROUBLE_INTERVAL -> settings.troubleInterval();
                case PER_MINER_TIMEOUT -> settings.perMinerTimeout();
            };
        }
    }

    private final DataFolder dataFolder;
    private final PollSettingsFile pollFile;
    private final JobRunner jobs;
    private final Supplier<Optional<String>> tariffCurrency;
    private final Consumer<ThemeChoice> applyTheme;
    private final Optional<Consumer<Path>> openFolder;
    private final Map<PollField, StringProperty> pollValues = new LinkedHashMap<>();
    private final Map<PollField, ReadOnlyStringWrapper> pollErrors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper pollMessage = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.DARK);
    private final ObjectProperty<HashrateUnit> hashrateUnit = new SimpleObjectProperty<>(HashrateUnit.TH_PER_S);
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper displayMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private PollSettings pollSettings;

    /**
     * @param tariffCurrency the active tariff's currency, read on the job runner
     * @param applyTheme     switches the running console's theme (on the FX thread)
     * @param openFolder     opens a folder in the desktop's file manager, when the desktop can
     */
    public SettingsViewModel(DataFolder dataFolder, JobRunner jobs, Supplier<Optional<String>> tariffCurrency,
                             Consumer<ThemeChoice> applyTheme, Optional<Consumer<Path>> openFolder) {
        this.dataFolder = dataFolder;
        this.pollFile = new PollSettingsFile(dataFolder.path());
        this.jobs = jobs;
        this.tariffCurrency = tariffCurrency;
        this.applyTheme = applyTheme;
        this.openFolder = openFolder;
        for (PollField field : PollField.values()) {
            pollValues.put(field, new SimpleStringProperty(""));
            pollErrors.put(field, new ReadOnlyStringWrapper(""));
        }
    }

    private record Current(PollSettings poll, DisplaySettings display, Optional<String> currency) {
    }

    /** Reads the saved settings; a broken file is reported in the part it belongs to. */
    public void load() {
        jobs.submit("Read the settings", context -> new Current(pollFile.current(),
                DisplaySettings.load(dataFolder.path()), tariffCurrency.get()), current -> {
            showPoll(current.poll());
            theme.set(current.display().theme());
            hashrateUnit.set(current.display().hashrateUnit());
            currency.set(current.currency().orElse("no tariff set"));
            loaded.set(true);
        }, error -> pollMessage.set(error.getMessage()));
    }

    private void showPoll(PollSettings settings) {
        pollSettings = settings;
        pollValues.forEach((field, value) -> value.set(seconds(field.of(settings))));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    /** Saves the polling fields that differ from the saved settings; each error is shown beside its field. */
    public void savePolling() {
        pollErrors.values().forEach(error -> error.set(""));
        if (pollSettings == null) {
            pollMessage.set("The polling settings have not been read yet.");
            return;
        }
        Map<String, Duration> changed = new LinkedHashMap<>();
        for (PollField field : PollField.values()) {
            Optional<Duration> value = parseSeconds(pollValues.get(field).get());
            if (value.isEmpty()) {
                pollErrors.get(field).set("Enter a number of seconds greater than 0, e.g. 60.");
                pollMessage.set("Not saved: fix the field marked in red.");
                return;
            }
            if (!value.get().equals(field.of(pollSettings))) {
                changed.put(field.json, value.get());
            }
        }
        if (changed.isEmpty()) {
            pollMessage.set("Nothing changed.");
            return;
        }
        jobs.submit("Save the polling settings", context -> {
            pollFile.save(changed);
            return pollFile.current();
        }, saved -> {
            showPoll(saved);
            pollMessage.set("Saved to " + pollFile.file() + ". Takes effect at the next start of Hashdesk.");
        }, this::pollRefused);
    }

    private static final Pattern PROBLEM = Pattern.compile("problem: ([^\\n]+)");

    private void pollRefused(Exception error) {
        String text = error.getMessage() == null ? error.toString() : error.getMessage();
        Matcher problem = PROBLEM.matcher(text);
        String sentence = problem.find() ? problem.group(1) : text;
        Optional<PollField> first = List.of(PollField.values()).stream()
                .filter(f -> Pattern.compile("\\b" + f.json + "\\b").matcher(sentence).find())
                .min((a, b) -> Integer.compare(sentence.indexOf(a.json), sentence.indexOf(b.json)));
        first.ifPresent(field -> pollErrors.get(field).set(sentence));
        pollMessage.set("Not saved: " + sentence);
    }

    private static Optional<Duration> parseSeconds(String text) {
        try {
            double seconds = Double.parseDouble(text.strip().replace(',', '.'));
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Applies the theme now and remembers it with the hashrate unit. */
    public void saveDisplay() {
        DisplaySettings chosen = new DisplaySettings(theme.get(), hashrateUnit.get());
        applyTheme.accept(chosen.theme());
        jobs.submit("Save the display settings", context -> {
            chosen.save(dataFolder.path());
            return chosen;
        }, saved -> displayMessage.set("Saved. The theme is applied; fleet totals use " + saved.hashrateUnit().label()
                + " from the next start."), error -> displayMessage.set(error.getMessage()));
    }

    public void openDataFolder() {
        openFolder.ifPresent(open -> open.accept(dataFolder.path()));
    }

    public boolean canOpenDataFolder() {
        return openFolder.isPresent();
    }

    public String dataFolderPath() {
        return dataFolder.path().toString();
    }

    /** Why this folder: which setting chose it. */
    public String dataFolderReason() {
        return switch (dataFolder.source()) {
            case SYSTEM_PROPERTY -> "Chosen by the Java system property -D" + DataFolder.PROPERTY + ".";
            case ENVIRONMENT -> "Chosen by the environment variable " + DataFolder.ENV + ".";
            case OS_DEFAULT -> "The operating system's folder for this user's application data (the default).";
        };
    }

    public String dataFolderHowToMove() {
        return "To use another folder, quit Hashdesk, move this folder (keep keys/ with it: it holds the key to the"
                + " stored passwords), then start Hashdesk with the environment variable " + DataFolder.ENV
                + " or -D" + DataFolder.PROPERTY + " set to the new place.";
    }

    public StringProperty pollValueProperty(PollField field) {
        return pollValues.get(field);
    }

    public ReadOnlyStringProperty pollErrorProperty(PollField field) {
        return pollErrors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pollMessageProperty() {
        return pollMessage.getReadOnlyProperty();
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ObjectProperty<HashrateUnit> hashrateUnitProperty() {
        return hashrateUnit;
    }

    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty displayMessageProperty() {
        return displayMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
