package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.api.Fixtures;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.ReplyNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real Vnish capture in ../shared/fixtures/vnish reads into the right domain values. */
class VnishFixtureSnapshotTest {

    private static final double EPS = 1e-9;
    private static final MinerId ID = MinerId.of("rack1-07");

    @Test
    void everySharedFixtureYieldsDomainValues() throws Exception {
        List<Path> files = Fixtures.vnishFiles();
        assertFalse(files.isEmpty(), "no fixtures found");
        for (Path file : files) {
            String name = file.getFileName().toString();
            ReplyNode reply = ReplyNode.parse(name, Fixtures.vnish(name).getBytes(StandardCharsets.UTF_8));
            if (name.startsWith("web-summary-")) {
                ReplyNode miner = SummaryMapper.minerOf(reply).orElseThrow();
                TelemetrySnapshot snapshot = SummaryMapper.toSnapshot(ID, Instant.EPOCH, miner, HashrateUnit.GH_S,
                        null, SummaryMapper.uptime(reply, miner));
                assertTrue(snapshot.problems().isEmpty(), name + ": " + snapshot.problems());
                assertFalse(snapshot.boards().isEmpty(), name);
            } else if (name.startsWith("web-settings-")) {
                assertFalse(ModelLimits.fromSettings(reply, RouteSet.V1_2).operations().isEmpty(), name);
            } else if (name.startsWith("web-autotune-presets-") || name.startsWith("web-preset-")) {
                assertFalse(PresetParser.parse(reply).isEmpty(), name);
            } else {
                fail("fixture " + name + " has no mapping under test; add one here");
            }
        }
    }

    @Test
    void beta10SummaryMapsToTerahashVoltsAndZeroBasedBoards() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.0-beta10");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            TelemetrySnapshot s = driver.readSnapshot(ID);

            assertAll(
                    () -> assertEquals(MinerStatus.MINING, s.status()),
                    // beta10 has no hr_realtime: the deprecated instant_hashrate, already TH/s, stands in.
                    () -> assertEquals(66.62962, s.hashrateThs(), EPS),
                    () -> assertEquals(67.4193, s.hashrateAvgThs(), EPS),
                    () -> assertEquals(51.0, s.chipTempMaxC()),
                    () -> assertEquals(39.0, s.boardTempMaxC()),
                    () -> assertEquals(List.of(6360, 5040, 6120, 5040), s.fanRpm()),
                    () -> assertEquals(100.0, s.fanPercent()),
                    // No power_consumption in beta10: the boards' power_usage adds up to 1242 + 1248 + 1243.
                    () -> assertEquals(3733.0, s.powerWatts(), EPS),
                    () -> assertEquals(14.0, s.voltageVolts(), EPS),
                    () -> assertEquals(680.0, s.frequencyMhz(), EPS),
                    () -> assertEquals("3000", s.preset()),
                    () -> assertEquals("btc.foundryusapool.com:3333", s.poolUrl()),
                    () -> assertEquals(153L, s.acceptedShares()),
                    () -> assertEquals(148L, s.rejectedShares()),
                    () -> assertEquals(0L, s.hardwareErrors()),
                    () -> assertEquals(Duration.ofSeconds(6412), s.uptime()),
                    () -> assertTrue(s.problems().isEmpty(), s.problems().toString()));

            assertEquals(3, s.boards().size());
            assertBoard(s.boards().get(0), 0, 31.563244, 47.0, 37.0, 1242.0);
            assertBoard(s.boards().get(1), 1, 31.51817, 50.0, 40.0, 1248.0);
            assertBoard(s.boards().get(2), 2, 32.103768, 51.0, 41.0, 1243.0);
            double boardSum = s.boards().stream().map(HashboardReading::hashrateThs).reduce(0.0, Double::sum);
            assertEquals(95.185182, boardSum, 1e-6, "the boards are reported as they are");
            assertTrue(Math.abs(boardSum - s.hashrateThs()) > 20, "the total is the firmware's, not the boards' sum");
        }
    }

    @Test
    void presetFallsBackToSettingsWhenPerfSummaryHasNoCurrentPreset() throws Exception {
        try (FakeVnish miner = new FakeVnish("1.2.0-beta10");
             VnishDrivers drivers = new VnishDrivers(TestOptions.fast());
             VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            miner.json("GET /perf-summary", "{\"current_preset\":null,\"preset_switcher\":{\"enabled\":false}}");

            assertEquals("3486", driver.readSnapshot(ID).preset());
        }
    }

    @Test
    void settingsFixtureGivesFirmwareLimitsInVolts() throws Exception {
        ReplyNode settings = ReplyNode.parse("settings",
                Fixtures.vnish("web-settings-s19j-1.2.x.json").getBytes(StandardCharsets.UTF_8));

        MinerCapabilities caps = ModelLimits.fromSettings(settings, RouteSet.V1_2);

        assertAll(
                () -> assertEquals(50, caps.clocks().frequencyMinMhz()),
                () -> assertEquals(1000, caps.clocks().frequencyMaxMhz()),
                () -> assertEquals(600, caps.clocks().frequencyDefaultMhz()),
                () -> assertEquals(12.0, caps.clocks().voltageMinVolts(), EPS),
                () -> assertEquals(15.35, caps.clocks().voltageMaxVolts(), EPS),
                () -> assertEquals(13.4, caps.clocks().voltageDefaultVolts(), EPS),
                () -> assertEquals(15.0, caps.clocks().voltageMaxStockPsuVolts(), EPS),
                () -> assertEquals(10, caps.cooling().fanMinPercent()),
                () -> assertEquals(100, caps.cooling().targetTempMaxC()),
                () -> assertNull(caps.cooling().fanMinCountMax()),
                () -> assertEquals(3, caps.boardCount()));
    }

    @Test
    void presetListFixtureGivesWattsExpectedHashrateAndTunedFlag() throws Exception {
        List<PowerPreset> presets = PresetParser.parse(ReplyNode.parse("presets",
                Fixtures.vnish("web-autotune-presets-s19.json").getBytes(StandardCharsets.UTF_8)));

        assertEquals(8, presets.size());
        assertTrue(presets.getFirst().isManual());
        assertNull(presets.getFirst().targetWatts());
        assertEquals(new PowerPreset("3000", "3000 watt ~ 96 Th", 3000, 96.0, true, false), presets.get(3));
        assertEquals(106.0, presets.get(6).expectedHashrateThs(), EPS, "the LC suffix is not part of the number");
        assertEquals(List.of("3000"), presets.stream().filter(PowerPreset::tuned).map(PowerPreset::name).toList());
    }

    @Test
    void lonePresetFixtureReadsAsOnePreset() throws Exception {
        List<PowerPreset> presets = PresetParser.parse(ReplyNode.parse("preset",
                Fixtures.vnish("web-preset-one.json").getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(new PowerPreset("2000", "2000 watt ~ 80 TH", 2000, 80.0, false, false)), presets);
    }

    private static void assertBoard(HashboardReading board, int index, double ths, double chipC, double pcbC,
                                    double watts) {
        assertAll("board " + index,
                () -> assertEquals(index, board.index()),
                () -> assertEquals(ths, board.hashrateThs(), EPS),
                () -> assertEquals(chipC, board.chipTempMaxC()),
                () -> assertEquals(pcbC, board.boardTempMaxC(), "hottest sensor in 'measure' state"),
                () -> assertEquals(680.0, board.frequencyMhz()),
                () -> assertEquals(14.0, board.voltageVolts(), EPS),
                () -> assertEquals(watts, board.powerWatts()),
                () -> assertEquals(0L, board.hardwareErrors()));
    }
}
