package io.hashdesk.app.market;

import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.market.ManualMarketEntry;
import io.hashdesk.core.market.MarketField;
import io.hashdesk.core.market.MarketSnapshot;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "enter figures by hand" form: a coin and any of price, difficulty, block reward and fees. Each field is
 * checked with the same rule the store applies, and a problem is shown next to its field as one sentence; the
 * figures are stored through the job runner with the source "manual".
 */
final class ManualEntryViewModel {

    /** The fields of the form, in the order shown, with the figure each one fills. */
    enum Field {
        PRICE("Price (USD)", MarketField.PRICE_USD),
        DIFFICULTY("Network difficulty", MarketField.NETWORK_DIFFICULTY),
        REWARD("Block reward (coins)", MarketField.BLOCK_REWARD_COINS),
        FEES("Fees per block (coins)", MarketField.FEES_PER_BLOCK_COINS);

        final String label;
        final MarketField figure;

        Field(String label, MarketField figure) {
            this.label = label;
            this.figure = figure;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ManualMarketEntry entry;
    private final JobRunner jobs;
    private final Clock clock;
    private final ZoneId displayZone;
    private final Runnable onSaved;
    private final List<String> coins;
    private final StringProperty coin = new SimpleStringProperty(this, "coin");
    private final Map<Field, StringProperty> values = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper(this, "formMessage", "");
    private final ReadOnlyBooleanWrapper formFailed = new ReadOnlyBooleanWrapper(this, "formFailed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    /** @param onSaved runs on the FX thread after figures were stored, e.g. to re-read the screen */
    ManualEntryViewModel(ManualMarketEntry entry, List<String> coins, JobRunner jobs, Clock clock, ZoneId displayZone,
                         Runnable onSaved) {
        this.entry = entry;
        this.coins = List.copyOf(coins);
        this.jobs = jobs;
        this.clock = clock;
        this.displayZone = displayZone;
        this.onSaved = onSaved;
        coin.set(this.coins.isEmpty() ? null : this.coins.getFirst());
        for (Field field : Field.values()) {
            values.put(field, new SimpleStringProperty(this, field.name().toLowerCase(Locale.ROOT), ""));
            errors.put(field, new ReadOnlyStringWrapper(this, field.name().toLowerCase(Locale.ROOT) + "Error", ""));
        }
    }

    /**
     * Checks the form and, when it is right, stores the figures in the background.
     *
     * @return the job, or empty when the form has a problem (shown next to its field)
     */
    Optional<JobHandle> save() {
        errors.values().forEach(e -> e.set(""));
        setMessage("", false);
        Map<Field, Double> figures = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String text = values.get(field).get() == null ? "" : values.get(field).get().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(text).matches()) {
                errors.get(field).set(field.label + " must be a plain number such as 1234.5 (no commas), not '"
                        + text + "'.");
                continue;
            }
            double value = Double.parseDouble(text);
            field.figure.problemWith(value).ifPresentOrElse(
                    problem -> errors.get(field).set(field.label + " " + problem + "."),
                    () -> figures.put(field, value));
        }
        if (errors.values().stream().anyMatch(e -> !e.get().isEmpty())) {
            return Optional.empty();
        }
        if (figures.isEmpty()) {
            setMessage("Enter at least one figure for " + coin.get() + ".", true);
            return Optional.empty();
        }
        String symbol = coin.get();
        running.set(true);
        return Optional.of(jobs.submit("Save " + symbol + " figures", context -> entry.enter(symbol, clock.instant(),
                        figures.get(Field.PRICE), figures.get(Field.DIFFICULTY), null, figures.get(Field.REWARD),
                        figures.get(Field.FEES)),
                this::saved, this::failed));
    }

    private void saved(MarketSnapshot snapshot) {
        running.set(false);
        values.values().forEach(v -> v.set(""));
        setMessage("Saved " + snapshot.coin() + " figures at " + CLOCK.format(snapshot.fetchedAt().atZone(displayZone))
                + "; they count as the latest until a newer figure arrives.", false);
        onSaved.run();
    }

    private void failed(Exception e) {
        running.set(false);
        setMessage(e instanceof IllegalArgumentException ? "Not saved: " + e.getMessage() + "."
                : "Not saved: the database refused the figures (" + e.getMessage() + "). See the log for details.",
                true);
    }

    private void setMessage(String text, boolean failure) {
        formMessage.set(text);
        formFailed.set(failure);
    }

    List<String> coins() {
        return coins;
    }

    StringProperty coinProperty() {
        return coin;
    }

    StringProperty valueProperty(Field field) {
        return values.get(field);
    }

    /** The problem with this field as one sentence, empty when none. */
    ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** What the last save did, or a problem with the form as a whole. */
    ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty formFailedProperty() {
        return formFailed.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
