package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.profit.CoinEconomics;
import io.hashdesk.core.profit.DailyProfit;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerInput;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.profit.ProfitCalculator;
import io.hashdesk.core.profit.ProfitHistory;
import io.hashdesk.core.profit.RevenueTerms;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteProfitHistoryTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final LocalDate MONDAY = LocalDate.of(2026, 4, 6);
    private static final ProfitCalculator CALCULATOR = new ProfitCalculator(RevenueTerms.of(
            new CoinEconomics("BTC", Algorithm.SHA256, 91_000, 152e12, 3.125, 0.05, 600),
            new PoolTerms(2, PayoutScheme.FPPS)), 1.0);
    private static final ElectricityPrices PRICES = ElectricityPrices.of(Tariff.flat("site", "USD", ALMATY, 0.05),
            Clock.systemUTC());

    @TempDir
    Path dir;
    SqliteFarmStore store;
    ProfitHistory history;

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        history = store.profitHistory();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void register(String... ids) {
        store.registry().saveSite(new Site("north", "North", ALMATY));
        store.registry().saveRoom(new Room("hall-a", "north", "Hall A"));
        for (String id : ids) {
            store.registry().saveMiner(new Miner(MinerId.of(id), "north", new RackPosition("hall-a", "R1", 1, 1),
                    new MinerAddress("10.0.0.1", 80, 4028), "antminer-s19", "Vnish 1.2.6", Optional.empty()));
        }
    }

    private static FleetProfit day(LocalDate date, double s19Ths) {
        return CALCULATOR.fleet(List.of(new MinerInput(MinerId.of("s19"), "hall-a", s19Ths, 3250),
                new MinerInput(MinerId.of("s21"), "hall-a", 200, 3500)), PRICES.day(date));
    }

    private static DailyProfit expected(LocalDate date, MinerProfit m) {
        return new DailyProfit(m.miner(), date, "USD", m.hashrateThs(), m.powerWatts(), m.energyKwh(), m.revenueUsd(),
                m.revenue(), m.energyCost());
    }

    @Test
    void aMinersDaysAreReadBackBetweenTwoDatesOldestFirst() {
        register("s19", "s21");
        for (int d = 0; d < 5; d++) {
            history.recordDay(MONDAY.plusDays(d), day(MONDAY.plusDays(d), 90 + d));
        }
        store.close();
        open();

        List<DailyProfit> s19 = history.history(MinerId.of("s19"), MONDAY.plusDays(1), MONDAY.plusDays(3));

        assertEquals(List.of(MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3)),
                s19.stream().map(DailyProfit::day).toList());
        MinerProfit tuesday = day(MONDAY.plusDays(1), 91).miners().getFirst();
        assertEquals(expected(MONDAY.plusDays(1), tuesday), s19.getFirst());
        assertEquals(tuesday.profit(), s19.getFirst().profit(), 1e-12);
    }

    @Test
    void recordingADayAgainReplacesItsFigures() {
        register("s19", "s21");
        history.recordDay(MONDAY, day(MONDAY, 90));

        history.recordDay(MONDAY, day(MONDAY, 80));

        List<DailyProfit> s19 = history.history(MinerId.of("s19"), MONDAY, MONDAY);
        assertEquals(1, s19.size());
        assertEquals(80, s19.getFirst().hashrateThs());
    }

    @Test
    void aMinerNotInTheInventoryIsRefusedAndNothingOfThatDayIsRecorded() {
        register("s19");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> history.recordDay(MONDAY, day(MONDAY, 90)));

        assertEquals("Cannot record the profit of miner s21 for 2026-04-06: it is not in the inventory", e.getMessage());
        assertEquals(List.of(), history.history(MinerId.of("s19"), MONDAY, MONDAY));
    }

    @Test
    void aRemovedMinersHistoryCanStillBeRead() {
        register("s19", "s21");
        history.recordDay(MONDAY, day(MONDAY, 90));

        store.registry().removeMiner(MinerId.of("s21"));

        assertEquals(1, history.history(MinerId.of("s21"), MONDAY, MONDAY).size());
        assertEquals(List.of(), history.history(MinerId.of("never-registered"), MONDAY, MONDAY));
    }
}
