package io.hashdesk.app.market;

import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.energy.DemandCharge;
import io.hashdesk.core.energy.EnergyCharge;
import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.energy.FlatPrice;
import io.hashdesk.core.energy.HourBand;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.Season;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TimeOfUse;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tariff editor: a flat price, or time-of-use hour bands for one all-year season with their own weekend bands.
 * The core records check the tariff (bands covering the day exactly once, prices not negative, a real currency) and
 * their sentence is what the operator reads; a good tariff is saved and made active through the job runner.
 */
final class TariffEditorViewModel {

    enum Kind { FLAT, TIME_OF_USE }

    static final String SEASON = "all year";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

    private final EnergyStore energy;
    private final JobRunner jobs;
    private final ZoneId siteZone;
    private final Runnable onSaved;
    private final java.time.Clock clock;
    private final StringProperty name = new SimpleStringProperty(this, "name", "Site tariff");
    private final StringProperty currency = new SimpleStringProperty(this, "currency", "USD");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.FLAT);
    private final StringProperty flatPrice = new SimpleStringProperty(this, "flatPrice", "");
    private final ObservableList<BandDraft> weekday = FXCollections.observableArrayList();
    private final ObservableList<BandDraft> weekend = FXCollections.observableArrayList();
    private final BooleanProperty weekendLikeWeekday = new SimpleBooleanProperty(this, "weekendLikeWeekday", true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper loadedFrom = new ReadOnlyStringWrapper(this, "loadedFrom", "");
    private List<DemandCharge> demandCharges = List.of();

    /** @param onSaved runs on the FX thread after a tariff was saved and activated */
    TariffEditorViewModel(EnergyStore energy, JobRunner jobs, ZoneId siteZone, java.time.Clock clock,
                          Runnable onSaved) {
        this.energy = energy;
        this.clock = clock;
        this.jobs = jobs;
        this.siteZone = siteZone;
        this.onSaved = onSaved;
        weekday.setAll(new BandDraft("night", "23:00", "07:00", ""), new BandDraft("day", "07:00", "23:00", ""));
        weekend.setAll(new BandDraft("all day", "00:00", "00:00", ""));
    }

    /** Fills the editor from a stored tariff, saying what of it the editor cannot show. */
    void load(Tariff tariff) {
        name.set(tariff.name());
        currency.set(tariff.currency());
        demandCharges = tariff.demandCharges();
        EnergyCharge charge = tariff.energy() instanceof MarketPrice m ? m.fallback() : tariff.energy();
        String note = tariff.energy() instanceof MarketPrice m ? "Tariff '" + tariff.name() + "' follows market"
                + " series '" + m.seriesName() + "'; shown is its fallback price, and saving here replaces the market"
                + " pricing with it." : "";
        switch (charge) {
            case FlatPrice flat -> {
                kind.set(Kind.FLAT);
                flatPrice.set(plain(flat.pricePerKwh()));
            }
            case TimeOfUse tou -> {
                kind.set(Kind.TIME_OF_USE);
                Season first = tou.seasons().stream().filter(this::coversToday).findFirst()
                        .orElse(tou.seasons().getFirst());
                weekday.setAll(drafts(first.weekday()));
                weekend.setAll(drafts(first.weekend()));
                weekendLikeWeekday.set(first.weekday().equals(first.weekend()));
                if (tou.seasons().size() > 1) {
                    note = "Tariff '" + tariff.name() + "' has " + tou.seasons().size() + " seasons; shown is '"
                            + first.name() + "', and saving here replaces them with one all-year season.";
                }
            }
            case MarketPrice market -> throw new IllegalStateException("a market fallback cannot be a market price");
        }
        loadedFrom.set(note);
        message.set("");
        failed.set(false);
    }

    /** Whether the season holds today's date at the site, so the editor opens on the bands in force now. */
    private boolean coversToday(Season season) {
        MonthDay today = MonthDay.now(clock.withZone(siteZone));
        return season.from().compareTo(season.to()) <= 0
                ? !today.isBefore(season.from()) && !today.isAfter(season.to())
                : !today.isBefore(season.from()) || !today.isAfter(season.to());
    }

    void addBand(ObservableList<BandDraft> bands) {
        bands.add(new BandDraft("", "", "", ""));
    }

    /**
     * Checks the tariff and, when it is right, saves and activates it in the background.
     *
     * @return the job, or empty when the tariff has a problem (in {@link #messageProperty()})
     */
    Optional<JobHandle> save() {
        Tariff tariff;
        try {
            tariff = build();
        } catch (IllegalArgumentException e) {
            show(sentence(e.getMessage()), true);
            return Optional.empty();
        }
        running.set(true);
        show("Saving tariff '" + tariff.name() + "'…", false);
        return Optional.of(jobs.submit("Save tariff " + tariff.name(), context -> {
            energy.saveTariff(tariff);
            energy.activateTariff(tariff.name());
            return tariff;
        }, saved -> {
            running.set(false);
            show("Saved tariff '" + saved.name() + "' and made it the active one; profit now uses it.", false);
            onSaved.run();
        }, e -> {
            running.set(false);
            show("The tariff was not saved: " + e.getMessage() + ". See the log for details.", true);
        }));
    }

    /** The tariff the form describes; throws with the operator's sentence when it is not a valid one. */
    Tariff build() {
        String tariffName = name.get() == null ? "" : name.get().strip();
        if (tariffName.isEmpty()) {
            throw new IllegalArgumentException("Give the tariff a name, e.g. 'Grid 2026'");
        }
        String code = currency.get() == null ? "" : currency.get().strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Currency must be an ISO 4217 code such as USD or EUR, not '" + code
                    + "'", e);
        }
        EnergyCharge charge = kind.get() == Kind.FLAT
                ? new FlatPrice(price(flatPrice.get(), "The flat price"))
                : timeOfUse();
        return new Tariff(tariffName, code, siteZone, charge, demandCharges);
    }

    private TimeOfUse timeOfUse() {
        List<HourBand> weekdayBands = bands(weekday, "Weekday");
        List<HourBand> weekendBands = weekendLikeWeekday.get() ? weekdayBands : bands(weekend, "Weekend");
        return TimeOfUse.of(List.of(new Season(SEASON, MonthDay.of(1, 1), MonthDay.of(12, 31), weekdayBands,
                weekendBands)));
    }

    private static List<HourBand> bands(List<BandDraft> drafts, String day) {
        List<HourBand> bands = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            BandDraft draft = drafts.get(i);
            String where = day + " band " + (i + 1);
            bands.add(new HourBand(draft.nameProperty().get() == null || draft.nameProperty().get().isBlank()
                    ? where.toLowerCase(Locale.ROOT) : draft.nameProperty().get().strip(),
                    time(draft.fromProperty().get(), where + " 'from'"), time(draft.toProperty().get(), where + " 'to'"),
                    price(draft.priceProperty().get(), where + " price")));
        }
        return bands;
    }

    private static LocalTime time(String text, String what) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a time such as 07:00, not '" + text + "'", e);
        }
    }

    private static double price(String text, String what) {
        String value = text == null ? "" : text.strip();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number per kWh such as 0.085, not '" + value + "'",
                    e);
        }
    }

    private static List<BandDraft> drafts(List<HourBand> bands) {
        return bands.stream().map(b -> new BandDraft(b.name(), b.from().toString(), b.to().toString(),
                plain(b.pricePerKwh()))).toList();
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A core check's message as the operator reads it: a capital first letter, field names in words, a full stop. */
    private static String sentence(String message) {
        String text = message.replace("pricePerKwh", "price per kWh");
        String first = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return first.endsWith(".") ? first : first + ".";
    }

    private void show(String text, boolean failure) {
        message.set(text);
        failed.set(failure);
    }

    StringProperty nameProperty() {
        return name;
    }

    StringProperty currencyProperty() {
        return currency;
    }

    ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    StringProperty flatPriceProperty() {
        return flatPrice;
    }

    ObservableList<BandDraft> weekday() {
        return weekday;
    }

    ObservableList<BandDraft> weekend() {
        return weekend;
    }

    BooleanProperty weekendLikeWeekdayProperty() {
        return weekendLikeWeekday;
    }

    /** What the last save did, or what is wrong with the tariff, as one sentence. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What of the loaded tariff the editor cannot show, empty when it shows all of it. */
    ReadOnlyStringProperty loadedFromProperty() {
        return loadedFrom.getReadOnlyProperty();
    }
}
