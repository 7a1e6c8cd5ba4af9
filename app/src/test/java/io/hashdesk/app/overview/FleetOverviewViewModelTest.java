package io.hashdesk.app.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.store.FleetSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetOverviewViewModelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private final FleetOverviewViewModel viewModel = new FleetOverviewViewModel(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void showsTotalsEfficiencyAndTheHottestMiner() {
        viewModel.update(new FleetSummary(60, Map.of(MinerStatus.MINING, 57, MinerStatus.OFFLINE, 2, MinerStatus.AUTH_FAILED, 1),
                0, 5_820.5, 176_000, 88.0, MinerId.of("r2-s3-07"), NOW.minusSeconds(20)));

        assertTrue(viewModel.hasMinersProperty().get());
        assertEquals(5_820.5, viewModel.hashrateThsProperty().get());
        assertEquals(176.0, viewModel.powerKilowattsProperty().get());
        assertEquals(176_000 / 5_820.5, viewModel.efficiencyJPerThProperty().get(), 1e-9);
        assertEquals(57, viewModel.miningProperty().get());
        assertEquals(3, viewModel.notMiningProperty().get());
        assertEquals("1 auth failed · 2 offline", viewModel.statusBreakdownProperty().get());
        assertEquals(88.0, viewModel.hottestChipCProperty().get());
        assertEquals("r2-s3-07", viewModel.hottestMinerProperty().get());
        assertEquals("Newest reading 20 s ago", viewModel.freshnessProperty().get());
    }

    @Test
    void saysHowOldTheDataIsAndHowManyMinersWentQuiet() {
        viewModel.update(new FleetSummary(3, Map.of(MinerStatus.MINING, 3), 2, 300, 9_000, 70.0, MinerId.of("a"),
                NOW.minusSeconds(600)));
        assertEquals("Newest reading 10 min ago · 2 miner(s) not heard from recently", viewModel.freshnessProperty().get());
        assertEquals("all mining", viewModel.statusBreakdownProperty().get());
    }

    @Test
    void anEmptyFarmHasNothingToShow() {
        viewModel.update(new FleetSummary(0, Map.of(), 0, 0, 0, null, null, null));
        assertFalse(viewModel.hasMinersProperty().get());
        assertEquals("No telemetry yet", viewModel.freshnessProperty().get());
        assertEquals(0.0, viewModel.efficiencyJPerThProperty().get());
    }
}
