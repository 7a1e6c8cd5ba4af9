package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.energy.DemandCharge;
import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.energy.FlatPrice;
import io.hashdesk.core.energy.HourBand;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.PricePoint;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.Season;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TimeOfUse;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEnergyStoreTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MIDNIGHT = Instant.parse("2026-04-01T00:00:00Z");
    private static final Tariff FLAT = Tariff.flat("flat", "EUR", BERLIN, 0.28);
    private static final Tariff TOU = new Tariff("time of use", "EUR", BERLIN, TimeOfUse.of(List.of(
            Season.everyDay("all", MonthDay.of(1, 1), MonthDay.of(12, 31), List.of(
                    new HourBand("night", LocalTime.of(22, 0), LocalTime.of(6, 0), 0.18),
                    new HourBand("day", LocalTime.of(6, 0), LocalTime.of(22, 0), 0.31))))),
            List.of(new DemandCharge("facility", 11.2, Duration.ofMinutes(15))));
    private static final Tariff SPOT = new Tariff("spot", "EUR", BERLIN,
            new MarketPrice("epex-de", 0.14, new FlatPrice(0.3)), List.of());

    @TempDir
    Path dir;
    SqliteFarmStore store;
    EnergyStore energy;

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        energy = store.energy();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        open();
    }

    private static Instant hour(int h) {
        return MIDNIGHT.plus(Duration.ofHours(h));
    }

    private static PriceSeries hourly(int fromHour, double... prices) {
        List<PricePoint> points = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            points.add(new PricePoint(hour(fromHour + i), prices[i]));
        }
        return new PriceSeries("epex-de", "EUR", Duration.ofHours(1), points);
    }

    @Test
    void everyKindOfTariffRoundTripsAcrossAReopen() {
        energy.saveTariff(TOU);
        energy.saveTariff(FLAT);
        energy.saveTariff(SPOT);

        reopen();

        assertEquals(List.of(FLAT, SPOT, TOU), energy.tariffs()); // by name
        assertEquals(Optional.of(TOU), energy.tariff("time of use"));
        assertEquals(Optional.empty(), energy.tariff("nope"));
    }

    @Test
    void exactlyOneTariffIsActiveAfterActivatingAndSavingKeepsTheFlag() {
        energy.saveTariff(FLAT);
        energy.saveTariff(TOU);
        assertEquals(Optional.empty(), energy.activeTariff());

        energy.activateTariff("flat");
        energy.activateTariff("time of use");
        energy.saveTariff(new Tariff("time of use", "EUR", BERLIN, new FlatPrice(0.2), List.of()));
        reopen();

        assertEquals(new FlatPrice(0.2), energy.activeTariff().orElseThrow().energy());
        assertEquals("time of use", energy.activeTariff().orElseThrow().name());
    }

    @Test
    void activatingAnUnknownTariffFailsAndLeavesTheActiveOneAsItWas() {
        energy.saveTariff(FLAT);
        energy.activateTariff("flat");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> energy.activateTariff("nope"));

        assertEquals("Cannot activate tariff 'nope': no tariff has that name", e.getMessage());
        assertEquals(Optional.of(FLAT), energy.activeTariff());
    }

    @Test
    void deletingTheActiveTariffLeavesNoneActive() {
        energy.saveTariff(FLAT);
        energy.activateTariff("flat");

        assertTrue(energy.deleteTariff("flat"));
        assertFalse(energy.deleteTariff("flat"));
        assertEquals(Optional.empty(), energy.activeTariff());
    }

    @Test
    void aDamagedTariffDocumentIsReportedAsCorruptData() throws SQLException {
        energy.saveTariff(FLAT);
        store.close();
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hashdesk.db"));
             Statement st = conn.createStatement()) {
            st.execute("UPDATE tariff SET document = '{\"name\": \"flat\"}'");
        }
        open();

        CorruptDataException e = assertThrows(CorruptDataException.class, () -> energy.tariffs());

        assertTrue(e.getMessage().startsWith("Tariff in the stored tariff 'flat' is invalid"), e.getMessage());
    }

    @Test
    void pricePointsAreReadByTheSpanTheyOverlap() {
        energy.savePriceSeries(hourly(0, 0.10, 0.11, 0.12, 0.13, 0.14));
        reopen();

        PriceSeries read = energy.priceSeries("epex-de", hour(1).plus(Duration.ofMinutes(30)), hour(3)).orElseThrow();

        assertEquals(List.of(new PricePoint(hour(1), 0.11), new PricePoint(hour(2), 0.12)), read.points());
        assertEquals(Duration.ofHours(1), read.interval());
        assertEquals("EUR", read.currency());
        assertEquals(List.of("epex-de"), energy.priceSeriesNames());
        assertEquals(Optional.empty(), energy.priceSeries("nordpool", hour(0), hour(5)));
    }

    @Test
    void reimportingASpanReplacesItsPointsAndKeepsTheOthers() {
        energy.savePriceSeries(hourly(0, 0.10, 0.11, 0.12, 0.13, 0.14));

        // a corrected import for hours 1–3 that lacks hour 2: the old hour 2 goes too, the gap stays a gap
        energy.savePriceSeries(PriceSeries.sorted("epex-de", "EUR", Duration.ofHours(1),
                List.of(new PricePoint(hour(1), 0.21), new PricePoint(hour(3), 0.23))));

        assertEquals(List.of(new PricePoint(hour(0), 0.10), new PricePoint(hour(1), 0.21), new PricePoint(hour(3), 0.23),
                        new PricePoint(hour(4), 0.14)),
                energy.priceSeries("epex-de", hour(0), hour(5)).orElseThrow().points());
    }

    @Test
    void pointsInAnotherCurrencyOrIntervalCannotJoinAStoredSeries() {
        energy.savePriceSeries(hourly(0, 0.10));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> energy.savePriceSeries(
                new PriceSeries("epex-de", "EUR", Duration.ofMinutes(15), List.of(new PricePoint(hour(5), 0.1)))));

        assertEquals("Price series 'epex-de' is stored in EUR every PT1H; the new points are in EUR every PT15M."
                + " Import them under another name.", e.getMessage());
        assertEquals(1, energy.priceSeries("epex-de", hour(0), hour(24)).orElseThrow().points().size());
    }
}
