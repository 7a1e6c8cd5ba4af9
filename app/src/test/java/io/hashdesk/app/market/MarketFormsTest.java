package io.hashdesk.app.market;

import io.hashdesk.app.common.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.csv.CsvProblem;
import io.hashdesk.core.energy.FlatPrice;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TimeOfUse;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.ManualMarketEntry;
import io.hashdesk.core.market.MarketCsvImport;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's three forms against a real farm database, with the job runner handing results over directly. */
class MarketFormsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CoinCatalog COINS = CoinCatalog.bundled();

    @TempDir
    Path dir;
    private SqliteFarmStore store;
    private final JobRunner jobs = new JobRunner(Runnable::run);
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), CLOCK);
    }

    @AfterEach
    void close() {
        jobs.close();
        store.close();
    }

    private ManualEntryViewModel manualEntry() {
        return new ManualEntryViewModel(new ManualMarketEntry(COINS, store.market(), MarketSettings.defaults(), CLOCK),
                List.of("BTC", "LTC"), jobs, CLOCK, ZoneOffset.UTC, refreshes::incrementAndGet);
    }

    @Test
    void aZeroPriceIsRefusedNextToThePriceFieldAndNothingIsStored() {
        ManualEntryViewModel form = manualEntry();
        form.valueProperty(ManualEntryViewModel.Field.PRICE).set("0");
        form.valueProperty(ManualEntryViewModel.Field.DIFFICULTY).set("1.2e14");
        form.valueProperty(ManualEntryViewModel.Field.FEES).set("lots");

        assertThat(form.save()).isEmpty();

        assertThat(form.errorProperty(ManualEntryViewModel.Field.PRICE).get())
                .isEqualTo("Price (USD) must be above 0, got 0.");
        assertThat(form.errorProperty(ManualEntryViewModel.Field.FEES).get())
                .isEqualTo("Fees per block (coins) must be a plain number such as 1234.5 (no commas), not 'lots'.");
        assertThat(form.errorProperty(ManualEntryViewModel.Field.DIFFICULTY).get()).isEmpty();
        assertThat(store.market().latest()).isEmpty();
    }

    @Test
    void anEmptyFormAsksForAtLeastOneFigure() {
        ManualEntryViewModel form = manualEntry();
        assertThat(form.save()).isEmpty();
        assertThat(form.formMessageProperty().get()).isEqualTo("Enter at least one figure for BTC.");
        assertThat(form.formFailedProperty().get()).isTrue();
    }

    @Test
    void goodFiguresAreStoredAsManualAndTheScreenIsReread() throws InterruptedException {
        ManualEntryViewModel form = manualEntry();
        form.coinProperty().set("LTC");
        form.valueProperty(ManualEntryViewModel.Field.PRICE).set("84.20");
        form.valueProperty(ManualEntryViewModel.Field.FEES).set("0");

        assertThat(form.save()).isPresent();
        Eventually.until(() -> refreshes.get() == 1, "the save to finish");

        var figure = store.market().latest("LTC").orElseThrow().priceUsd().orElseThrow();
        assertThat(figure.value()).isEqualTo(84.2);
        assertThat(figure.source()).isEqualTo(MarketSnapshot.MANUAL);
        assertThat(form.valueProperty(ManualEntryViewModel.Field.PRICE).get()).isEmpty();
        assertThat(form.formMessageProperty().get()).startsWith("Saved LTC figures at 12:00");
        assertThat(form.formFailedProperty().get()).isFalse();
    }

    private CsvImportViewModel csvImport() {
        return new CsvImportViewModel(new MarketCsvImport(COINS, store.market(), MarketSettings.defaults(), CLOCK),
                jobs, refreshes::incrementAndGet);
    }

    private Path badCsv() throws IOException {
        return Files.writeString(dir.resolve("prices.csv"), """
                time,coin,price_usd,difficulty
                2026-05-01T10:00:00Z,BTC,97000,1.2e14
                2026-05-01T10:00:00Z,XYZ,1,1
                2026-05-01T11:00:00Z,BTC,abc,1.2e14
                2026-05-01T11:00:00Z,LTC,84,2.9e7
                """);
    }

    @Test
    void aCsvWithBadRowsStoresNothingAndListsEveryBadRowWithItsColumn() throws Exception {
        CsvImportViewModel csv = csvImport();

        csv.importFile(badCsv());
        Eventually.until(() -> !csv.problems().isEmpty(), "the import result");

        assertThat(csv.problems()).extracting(CsvProblem::row, CsvProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "coin"),
                        org.assertj.core.groups.Tuple.tuple(4, "price_usd"));
        assertThat(csv.summaryProperty().get()).startsWith("Nothing imported from prices.csv: 2 of 4 rows have problems.");
        assertThat(csv.failedProperty().get()).isTrue();
        assertThat(csv.goodRowsOfferedProperty().get()).isTrue();
        assertThat(store.market().latest()).isEmpty();
        assertThat(refreshes.get()).isZero();
    }

    @Test
    void importingOnlyTheGoodRowsStoresThemAndStillReportsTheSkippedOnes() throws Exception {
        CsvImportViewModel csv = csvImport();
        csv.importFile(badCsv());
        Eventually.until(() -> csv.goodRowsOfferedProperty().get(), "the refused import");

        csv.importGoodRows();
        Eventually.until(() -> refreshes.get() == 1, "the good rows to be stored");

        assertThat(store.market().latest()).extracting(c -> c.coin()).containsExactly("BTC", "LTC");
        assertThat(csv.summaryProperty().get()).startsWith("Imported 2 rows from prices.csv; skipped 2 rows");
        assertThat(csv.problems()).hasSize(2);
        assertThat(csv.goodRowsOfferedProperty().get()).isFalse();
    }

    @Test
    void aFileThatIsNotAMarketCsvIsRefusedInOneSentence() throws Exception {
        CsvImportViewModel csv = csvImport();
        csv.importFile(Files.writeString(dir.resolve("notes.csv"), "hello,world\n1,2\n"));
        Eventually.until(() -> csv.failedProperty().get(), "the refusal");

        assertThat(csv.summaryProperty().get()).startsWith("notes.csv: the first line is not a market CSV header");
        assertThat(csv.problems()).isEmpty();
    }

    private TariffEditorViewModel tariffEditor() {
        return new TariffEditorViewModel(store.energy(), jobs, ZoneId.of("Europe/Berlin"), CLOCK,
                refreshes::incrementAndGet);
    }

    @Test
    void overlappingBandsAreRefusedWithTheTariffCheckSentence() {
        TariffEditorViewModel editor = tariffEditor();
        editor.kindProperty().set(TariffEditorViewModel.Kind.TIME_OF_USE);
        editor.weekday().setAll(new BandDraft("night", "22:00", "08:00", "0.05"),
                new BandDraft("day", "07:00", "22:00", "0.15"));

        assertThat(editor.save()).isEmpty();

        assertThat(editor.messageProperty().get()).isEqualTo("Season 'all year' weekday bands: band 'day' (07:00–22:00)"
                + " overlaps band 'night' (22:00–08:00) from 07:00.");
        assertThat(editor.failedProperty().get()).isTrue();
        assertThat(store.energy().tariffs()).isEmpty();
    }

    @Test
    void aBandTimeThatIsNotATimeNamesTheBandAndField() {
        TariffEditorViewModel editor = tariffEditor();
        editor.kindProperty().set(TariffEditorViewModel.Kind.TIME_OF_USE);
        editor.weekday().setAll(new BandDraft("all", "0:00", "7", "0.05"));

        assertThat(editor.save()).isEmpty();
        assertThat(editor.messageProperty().get()).isEqualTo("Weekday band 1 'to' must be a time such as 07:00, not '7'.");
    }

    @Test
    void aTimeOfUseTariffIsSavedAndMadeActive() throws InterruptedException {
        TariffEditorViewModel editor = tariffEditor();
        editor.nameProperty().set("Grid 2026");
        editor.currencyProperty().set("eur");
        editor.kindProperty().set(TariffEditorViewModel.Kind.TIME_OF_USE);
        editor.weekday().setAll(new BandDraft("night", "23:00", "07:00", "0.08"),
                new BandDraft("day", "07:00", "23:00", "0.21"));
        editor.weekendLikeWeekdayProperty().set(false);
        editor.weekend().setAll(new BandDraft("weekend", "00:00", "00:00", "0.10"));

        assertThat(editor.save()).isPresent();
        Eventually.until(() -> refreshes.get() == 1, "the tariff to be saved");

        Tariff active = store.energy().activeTariff().orElseThrow();
        assertThat(active.name()).isEqualTo("Grid 2026");
        assertThat(active.currency()).isEqualTo("EUR");
        assertThat(active.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        TimeOfUse tou = (TimeOfUse) active.energy();
        assertThat(tou.seasons().getFirst().weekday()).hasSize(2);
        assertThat(tou.seasons().getFirst().weekend().getFirst().pricePerKwh()).isEqualTo(0.10);
        assertThat(editor.messageProperty().get()).startsWith("Saved tariff 'Grid 2026' and made it the active one");
    }

    @Test
    void aStoredFlatTariffLoadsIntoTheEditorAndANegativePriceIsRefused() {
        TariffEditorViewModel editor = tariffEditor();
        editor.load(Tariff.flat("Grid", "USD", ZoneOffset.UTC, 0.065));
        assertThat(editor.kindProperty().get()).isEqualTo(TariffEditorViewModel.Kind.FLAT);
        assertThat(editor.flatPriceProperty().get()).isEqualTo("0.065");

        editor.flatPriceProperty().set("-0.01");
        assertThat(editor.save()).isEmpty();
        assertThat(editor.messageProperty().get()).isEqualTo("Flat price per kWh must be a price of zero or more, got -0.01.");

        editor.flatPriceProperty().set("0.07");
        assertThat(editor.build().energy()).isEqualTo(new FlatPrice(0.07));
    }
}
