package io.hashdesk.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.app.welcome.ElectricityPrice;
import io.hashdesk.app.welcome.WelcomeChoice;
import io.hashdesk.core.energy.FlatPrice;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The welcome's answer lands where the rest of the app reads it: the active tariff and app-settings.json. */
class ConsoleFirstRunTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dataFolder;
    FarmStore store;
    final List<Boolean> started = new ArrayList<>();

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dataFolder.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ConsoleFirstRun firstRun() {
        return new ConsoleFirstRun(store, dataFolder, ProfitSettings.defaults(), ZONE, started::add);
    }

    @Test
    void aNewFarmIsOfferedThePriceProfitWouldAssume() {
        ProfitSettings.FallbackTariff fallback = ProfitSettings.defaults().fallbackTariff();

        assertThat(firstRun().suggestedPrice())
                .isEqualTo(new ElectricityPrice(fallback.pricePerKwh(), fallback.currency()));
    }

    @Test
    void findMyMinersStoresTheActiveFlatTariffTurnsTheDemoOffAndStartsPolling() throws IOException {
        firstRun().complete(new WelcomeChoice(false, new ElectricityPrice(0.095, "EUR"), true));

        Tariff active = store.energy().activeTariff().orElseThrow();
        assertThat(active.name()).isEqualTo(ConsoleFirstRun.TARIFF_NAME);
        assertThat(active.currency()).isEqualTo("EUR");
        assertThat(active.zone()).isEqualTo(ZONE);
        assertThat(active.energy()).isEqualTo(new FlatPrice(0.095));
        AppSettings remembered = AppSettings.load(dataFolder);
        assertThat(remembered.demoFarm()).isFalse();
        assertThat(remembered.welcomeDone()).isTrue();
        assertThat(started).containsExactly(false);
    }

    @Test
    void anUntouchedSuggestionIsStillStoredWhenNoTariffIsActive() throws IOException {
        firstRun().complete(new WelcomeChoice(true, new ElectricityPrice(0.07, "USD"), false));

        assertThat(store.energy().activeTariff()).map(Tariff::energy).contains(new FlatPrice(0.07));
        assertThat(AppSettings.load(dataFolder).demoFarm()).isTrue();
        assertThat(started).containsExactly(true);
    }

    @Test
    void anOperatorsActiveTariffIsSuggestedAndKeptUnlessThePriceIsChanged() throws IOException {
        Tariff own = Tariff.flat("Utility contract", "CAD", ZONE, 0.081);
        store.energy().saveTariff(own);
        store.energy().activateTariff(own.name());
        ConsoleFirstRun firstRun = firstRun();
        assertThat(firstRun.suggestedPrice()).isEqualTo(new ElectricityPrice(0.081, "CAD"));

        firstRun.complete(new WelcomeChoice(false, firstRun.suggestedPrice(), false));

        assertThat(store.energy().activeTariff()).contains(own);
    }

    @Test
    void otherSettingsTheOperatorWroteAreKept() throws IOException {
        Files.writeString(dataFolder.resolve(AppSettings.OVERRIDES_FILE), "{\"fleetRefresh\": \"PT5S\"}");

        firstRun().complete(new WelcomeChoice(false, new ElectricityPrice(0.07, "USD"), false));

        AppSettings remembered = AppSettings.load(dataFolder);
        assertThat(remembered.fleetRefresh()).hasSeconds(5);
        assertThat(remembered.welcomeDone()).isTrue();
        try (var files = Files.list(dataFolder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aSettingsFileThatIsNotAnObjectIsLeftAloneAndTheFailureSaysWhy() throws IOException {
        Files.writeString(dataFolder.resolve(AppSettings.OVERRIDES_FILE), "[1, 2]");

        assertThatThrownBy(() -> firstRun().complete(new WelcomeChoice(false, new ElectricityPrice(0.07, "USD"), false)))
                .isInstanceOf(IOException.class).hasMessageContaining("app-settings.json is not a JSON object");
        assertThat(Files.readString(dataFolder.resolve(AppSettings.OVERRIDES_FILE))).isEqualTo("[1, 2]");
        assertThat(started).isEmpty();
    }
}
