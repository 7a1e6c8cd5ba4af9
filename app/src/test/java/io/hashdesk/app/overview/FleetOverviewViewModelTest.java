package io.hashdesk.app.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.store.AlgorithmTotals;
import io.hashdesk.core.store.FleetSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetOverviewViewModelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private final FleetOverviewViewModel viewModel = new FleetOverviewViewModel(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void showsTotalsEfficiencyAndTheHottestMiner() {
        viewModel.update(new FleetSummary(60, Map.of(MinerStatus.MINING, 57, MinerStatus.OFFLINE, 2, MinerStatus.AUTH_FAILED, 1),
                0, Map.of(Algorithm.SHA256, new AlgorithmTotals(55, 5_820.5, 162_300)), 176_000, 88.0,
                MinerId.of("r2-s3-07"), NOW.minusSeconds(20)));

        assertTrue(viewModel.hasMinersProperty().get());
        assertEquals(5_820.5, viewModel.hashrateThsProperty().get());
        assertEquals(176.0, viewModel.powerKilowattsProperty().get());
        assertEquals(162_300 / 5_820.5, viewModel.efficiencyJPerThProperty().get(), 1e-9);
        assertEquals("", viewModel.otherAlgorithmsProperty().get());
        assertEquals(57, viewModel.miningProperty().get());
        assertEquals(3, viewModel.notMiningProperty().get());
        assertEquals("1 auth failed · 2 offline", viewModel.statusBreakdownProperty().get());
        assertEquals(88.0, viewModel.hottestChipCProperty().get());
        assertEquals("r2-s3-07", viewModel.hottestMinerProperty().get());
        assertEquals("Newest reading 20 s ago", viewModel.freshnessProperty().get());
    }

    @Test
    void saysHowOldTheDataIsAndHowManyMinersWentQuiet() {
        viewModel.update(new FleetSummary(3, Map.of(MinerStatus.MINING, 3), 2,
                Map.of(Algorithm.SHA256, new AlgorithmTotals(1, 300, 9_000)), 9_000, 70.0, MinerId.of("a"),
                NOW.minusSeconds(600)));
        assertEquals("Newest reading 10 min ago · 2 miner(s) not heard from recently", viewModel.freshnessProperty().get());
        assertEquals("all mining", viewModel.statusBreakdownProperty().get());
    }

    @Test
    void scryptMinersHashrateIsShownInItsOwnUnitAndKeptOutOfTheSha256FiguresAndEfficiency() {
        viewModel.update(new FleetSummary(14, Map.of(MinerStatus.MINING, 14), 0,
                Map.of(Algorithm.SHA256, new AlgorithmTotals(10, 1_100, 33_000),
                        Algorithm.SCRYPT, new AlgorithmTotals(4, 0.038, 13_700)), 46_700, 70.0, MinerId.of("a"),
                NOW.minusSeconds(5)));

        assertEquals(1_100, viewModel.hashrateThsProperty().get());
        assertEquals(30.0, viewModel.efficiencyJPerThProperty().get(), 1e-9);
        assertEquals(46.7, viewModel.powerKilowattsProperty().get(), 1e-9);
        assertEquals("+ Scrypt 38.0 GH/s (4 miners)", viewModel.otherAlgorithmsProperty().get());
    }

    @Test
    void profitShowsTheFleetFigureInTheTariffCurrencyAndSaysWhatWasAssumedAndWhoWasLeftOut() {
        MinerProfit a = new MinerProfit(MinerId.of("a"), "hall-a", 100, 3000, 72, 12.0, 12.0, 5.0, 7.0, 0.16, 0.05,
                30, 0.05);
        MinerProfit b = new MinerProfit(MinerId.of("b"), "hall-a", 100, 3000, 72, 11.0, 11.0, 5.0, 6.0, 0.15, 0.05,
                30, 0.05);
        FleetProfit fleet = FleetProfit.of(NOW, NOW.plusSeconds(86_400), "EUR", List.of(a, b));

        viewModel.updateProfit(new FarmProfitReport(fleet, Map.of(), Map.of(MinerId.of("l7"), "no market data for LTC"),
                Map.of(), List.of("No electricity tariff is set: 0.0700 USD/kWh assumed")));

        assertEquals(13.0, viewModel.profitPerDayProperty().get(), 1e-9);
        assertEquals("EUR/day", viewModel.profitUnitProperty().get());
        assertEquals("2 of 3 miners · No electricity tariff is set: 0.0700 USD/kWh assumed",
                viewModel.profitSummaryProperty().get());
        assertTrue(viewModel.profitDetailsProperty().get().contains("l7 not priced: no market data for LTC"));
        assertTrue(viewModel.profitDetailsProperty().get().startsWith("Revenue 23.00, electricity 10.00 EUR"),
                viewModel.profitDetailsProperty().get());
    }

    @Test
    void anEmptyFarmHasNothingToShow() {
        viewModel.update(new FleetSummary(0, Map.of(), 0, Map.of(), 0, null, null, null));
        assertFalse(viewModel.hasMinersProperty().get());
        assertEquals("No telemetry yet", viewModel.freshnessProperty().get());
        assertEquals(0.0, viewModel.efficiencyJPerThProperty().get());
    }

    @Test
    void theAlertsTileAppearsWithTheFirstCountAndItsClickOpensTheAlerts() {
        int[] opened = {0};
        viewModel.setOnOpenAlerts(() -> opened[0]++);
        assertFalse(viewModel.alertsAvailableProperty().get());

        viewModel.showActiveAlerts(4);
        viewModel.openAlerts();

        assertTrue(viewModel.alertsAvailableProperty().get());
        assertEquals(4, viewModel.activeAlertsProperty().get());
        assertEquals("unacknowledged · click to review", viewModel.alertsSummaryProperty().get());
        assertEquals(1, opened[0]);
        viewModel.showActiveAlerts(0);
        assertEquals("none to acknowledge", viewModel.alertsSummaryProperty().get());
    }
}
