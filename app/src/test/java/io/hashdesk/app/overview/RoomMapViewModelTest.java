package io.hashdesk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.overview.MapLayout.MapPlace;
import io.hashdesk.app.overview.MapLayout.MapRack;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomMapViewModelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final OverviewSettings SETTINGS = new OverviewSettings(Duration.ofMinutes(3),
            Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofMinutes(5), List.of(60.0, 70.0, 80.0, 90.0));
    private static final List<Room> ROOMS = List.of(new Room("hall-a", "site", "Hall A"),
            new Room("hall-b", "site", "Hall B"));

    private final RoomMapViewModel viewModel = new RoomMapViewModel(MinerModelCatalog.bundled(), SETTINGS);

    private static Miner miner(String id, String room, String rack, int shelf, int slot, String model) {
        return new Miner(MinerId.of(id), "site", new RackPosition(room, rack, shelf, slot),
                MinerAddress.ofHost("10.0.0.1"), model, "Vnish 1.2.7", Optional.empty());
    }

    private static TelemetrySnapshot reading(String id, MinerStatus status, Double chipC, Double hashrateThs,
                                             Instant at) {
        return new TelemetrySnapshot(MinerId.of(id), at, status, hashrateThs, hashrateThs, List.of(), chipC, 60.0,
                List.of(5_000), 60.0, 3_000.0, 13.0, 500.0, "3100", "stratum+tcp://pool:3333", 1L, 0L, 0L,
                Duration.ofHours(1));
    }

    private static RoomMapPicture picture(List<Miner> miners, TelemetrySnapshot... readings) {
        Map<MinerId, TelemetrySnapshot> latest = new HashMap<>();
        for (TelemetrySnapshot reading : readings) {
            latest.put(reading.minerId(), reading);
        }
        return new RoomMapPicture(ROOMS, miners, latest, NOW);
    }

    private String styleOf(String id) {
        return viewModel.cellsProperty().get().get(MinerId.of(id)).styleClass();
    }

    @Test
    void placesMinersByRoomThenRackInReadingOrderWithShelvesAndSlotsAsTheGrid() {
        viewModel.update(picture(List.of(
                miner("b-1", "hall-b", "R1", 1, 1, "antminer-s21"),
                miner("a-10", "hall-a", "R10", 1, 1, "antminer-s19"),
                miner("a-2", "hall-a", "R2", 2, 3, "antminer-s19"),
                miner("a-1", "hall-a", "R2", 1, 1, "antminer-s19"))));

        MapLayout layout = viewModel.layoutProperty().get();
        assertThat(layout.miners()).isEqualTo(4);
        assertThat(layout.rooms()).extracting(MapLayout.MapRoom::name).containsExactly("Hall A", "Hall B");
        List<MapRack> hallA = layout.rooms().getFirst().racks();
        assertThat(hallA).extracting(MapRack::name).containsExactly("R2", "R10");
        assertThat(hallA.getFirst().shelves()).isEqualTo(2);
        assertThat(hallA.getFirst().slots()).isEqualTo(3);
        assertThat(hallA.getFirst().places()).containsExactly(new MapPlace(MinerId.of("a-1"), 1, 1),
                new MapPlace(MinerId.of("a-2"), 2, 3));
    }

    @Test
    void coloursEachMinerByTheChipTemperatureBandItHasReached() {
        List<Miner> miners = List.of(miner("cool", "hall-a", "R1", 1, 1, "antminer-s19"),
                miner("edge", "hall-a", "R1", 1, 2, "antminer-s19"),
                miner("hot", "hall-a", "R1", 1, 3, "antminer-s19"));

        viewModel.update(picture(miners, reading("cool", MinerStatus.MINING, 59.9, 95.0, NOW),
                reading("edge", MinerStatus.MINING, 70.0, 95.0, NOW),
                reading("hot", MinerStatus.MINING, 96.0, 95.0, NOW)));

        assertThat(styleOf("cool")).isEqualTo("temp-0");
        assertThat(styleOf("edge")).isEqualTo("temp-2");
        assertThat(styleOf("hot")).isEqualTo("temp-4");
    }

    @Test
    void aMinerWithoutARecentReadingIsShownAsSuchNotAsCool() {
        List<Miner> miners = List.of(miner("stale", "hall-a", "R1", 1, 1, "antminer-s19"),
                miner("never", "hall-a", "R1", 1, 2, "antminer-s19"),
                miner("offline", "hall-a", "R1", 1, 3, "antminer-s19"));

        viewModel.update(picture(miners, reading("stale", MinerStatus.MINING, 65.0, 95.0, NOW.minus(Duration.ofMinutes(6))),
                TelemetrySnapshot.unreachable(MinerId.of("offline"), NOW)));

        assertThat(styleOf("stale")).isEqualTo(RoomMapViewModel.NO_READING);
        assertThat(styleOf("never")).isEqualTo(RoomMapViewModel.NO_READING);
        assertThat(styleOf("offline")).isEqualTo(RoomMapViewModel.NO_READING);
        assertThat(viewModel.cellsProperty().get().get(MinerId.of("stale")).description())
                .contains("No reading for over 5 min");
    }

    @Test
    void switchingToStatusRecoloursTheSameLayoutAndChangesTheLegend() {
        viewModel.update(picture(List.of(miner("a", "hall-a", "R1", 1, 1, "antminer-s19"),
                        miner("b", "hall-a", "R1", 1, 2, "antminer-s19")),
                reading("a", MinerStatus.AUTH_FAILED, null, null, NOW),
                TelemetrySnapshot.unreachable(MinerId.of("b"), NOW)));
        MapLayout before = viewModel.layoutProperty().get();

        viewModel.colouringProperty().set(MapColouring.STATUS);

        assertThat(viewModel.layoutProperty().get()).isSameAs(before);
        assertThat(styleOf("a")).isEqualTo("status-auth-failed");
        assertThat(styleOf("b")).isEqualTo("status-offline");
        assertThat(viewModel.legendProperty().get()).extracting(LegendEntry::text)
                .contains("Mining", "Auth failed", "Offline", "No recent reading");
    }

    @Test
    void theTemperatureLegendNamesEveryBandFromTheSettings() {
        assertThat(viewModel.legendProperty().get()).extracting(entry -> entry.styleClass() + ": " + entry.text())
                .containsExactly("temp-0: < 60 °C", "temp-1: 60–70 °C", "temp-2: 70–80 °C", "temp-3: 80–90 °C",
                        "temp-4: ≥ 90 °C", "no-reading: No recent reading");
    }

    @Test
    void theLayoutIsReplacedOnlyWhenTheInventoryChanges() {
        List<Miner> miners = new ArrayList<>(List.of(miner("a", "hall-a", "R1", 1, 1, "antminer-s19")));
        viewModel.update(picture(miners, reading("a", MinerStatus.MINING, 70.0, 95.0, NOW)));
        MapLayout first = viewModel.layoutProperty().get();

        viewModel.update(picture(miners, reading("a", MinerStatus.MINING, 85.0, 95.0, NOW)));
        assertThat(viewModel.layoutProperty().get()).isSameAs(first);
        assertThat(styleOf("a")).isEqualTo("temp-3");

        miners.add(miner("b", "hall-a", "R1", 1, 2, "antminer-s19"));
        viewModel.update(picture(miners));
        assertThat(viewModel.layoutProperty().get()).isNotSameAs(first);
        assertThat(viewModel.layoutProperty().get().miners()).isEqualTo(2);
    }

    @Test
    void theHoverTextGivesIdPlaceModelStatusChipTemperatureAndHashrateInTheAlgorithmsUnit() {
        viewModel.update(picture(List.of(miner("s19", "hall-a", "R1", 1, 1, "antminer-s19j-pro"),
                        miner("l7", "hall-b", "R1", 1, 1, "antminer-l7")),
                reading("s19", MinerStatus.MINING, 72.4, 104.25, NOW),
                reading("l7", MinerStatus.MINING, 66.0, 0.0095, NOW)));

        assertThat(viewModel.cellsProperty().get().get(MinerId.of("s19")).description())
                .contains("s19 · hall-a / R1 / 1-1", "Mining · chip 72 °C · 104.3 TH/s");
        assertThat(viewModel.cellsProperty().get().get(MinerId.of("l7")).description())
                .contains("9,500.0 MH/s");
    }

    @Test
    void clickingACellAsksToOpenThatMiner() {
        List<MinerId> opened = new ArrayList<>();
        viewModel.setOnOpenMiner(opened::add);

        viewModel.open(MinerId.of("m-007"));

        assertThat(opened).containsExactly(MinerId.of("m-007"));
    }
}
