package io.hashdesk.app.miners;

import static io.hashdesk.app.miners.FleetFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.MinerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fleet table's logic without a toolkit: a direct executor stands in for the FX thread. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FleetTableViewModelTest {

    private final JobRunner jobs = new JobRunner(Runnable::run);
    private final FleetTableViewModel viewModel = new FleetTableViewModel(new FleetCsvExport(), jobs);

    @TempDir
    Path folder;

    @AfterEach
    void stopJobs() {
        jobs.close();
    }

    private void loadFleet() {
        viewModel.update(List.of(
                row("a-1", RowStatus.MINING, "hall-a", "Antminer S19", 95.0, false),
                row("a-2", RowStatus.OFFLINE, "hall-a", "Antminer S21", null, true),
                row("b-1", RowStatus.AUTH_FAILED, "hall-b", "Antminer S19", null, false),
                row("b-2", RowStatus.MINING, "hall-b", "Antminer S21", 201.0, true),
                row("c-1", RowStatus.MINING, "container-1", "Antminer L7", 0.0095, false)));
    }

    private List<String> visibleIds() {
        return viewModel.visibleRows().stream().map(r -> r.id().value()).toList();
    }

    @Test
    void searchMatchesIdModelRoomPoolAndStatusIgnoringCase() {
        loadFleet();

        viewModel.searchTextProperty().set("HALL-B");
        assertEquals(List.of("b-1", "b-2"), visibleIds());
        viewModel.searchTextProperty().set("l7");
        assertEquals(List.of("c-1"), visibleIds());
        viewModel.searchTextProperty().set("auth");
        assertEquals(List.of("b-1"), visibleIds());
        viewModel.searchTextProperty().set("viabtc");
        assertEquals(5, visibleIds().size());
        assertEquals("5 miners · 2 not heard from recently", viewModel.summaryProperty().get());
        viewModel.searchTextProperty().set("a-");
        assertEquals("Showing 2 of 5 miners · 1 not heard from recently", viewModel.summaryProperty().get());
    }

    @Test
    void needsAttentionListsMinersNotMiningOrNotHeardFrom() {
        loadFleet();

        viewModel.statusFilterProperty().set(StatusFilter.NEEDS_ATTENTION);

        assertEquals(List.of("a-2", "b-1", "b-2"), visibleIds());
    }

    @Test
    void roomAndModelFiltersOfferWhatTheFleetHasAndCombine() {
        loadFleet();

        assertEquals(List.of(FleetTableViewModel.ALL_ROOMS, "container-1", "hall-a", "hall-b"), viewModel.rooms());
        viewModel.roomFilterProperty().set("hall-a");
        viewModel.modelFilterProperty().set("Antminer S21");

        assertEquals(List.of("a-2"), visibleIds());
    }

    @Test
    void groupingKeepsEachRoomTogetherAndSortsWithinItByTheColumnOrder() {
        loadFleet();
        viewModel.columnOrderProperty().set(Comparator.comparing(MinerRow::id).reversed());

        viewModel.groupingProperty().set(FleetGrouping.ROOM);

        assertEquals(List.of("c-1", "a-2", "a-1", "b-2", "b-1"), visibleIds());
        List<String> headings = viewModel.visibleRows().stream().map(viewModel::groupHeading).toList();
        assertEquals(List.of("container-1", "hall-a", "", "hall-b", ""), headings);

        viewModel.groupingProperty().set(FleetGrouping.NONE);
        assertEquals(List.of("c-1", "b-2", "b-1", "a-2", "a-1"), visibleIds());
        assertEquals("", viewModel.groupHeading(viewModel.visibleRows().getFirst()));
    }

    @Test
    void sortStaysAppliedWhenFreshRowsArrive() {
        loadFleet();
        viewModel.columnOrderProperty().set(Comparator.comparing(MinerRow::hashrateThs,
                Comparator.nullsLast(Comparator.<Double>naturalOrder())));

        viewModel.update(List.of(
                row("a-1", RowStatus.MINING, "hall-a", "Antminer S19", 300.0, false),
                row("b-2", RowStatus.MINING, "hall-b", "Antminer S21", 100.0, false)));

        assertEquals(List.of("b-2", "a-1"), visibleIds());
    }

    @Test
    void selectionIsKeptByIdAcrossRefreshesAndForgetsRemovedMiners() {
        loadFleet();
        viewModel.select(List.of(MinerId.of("a-2"), MinerId.of("b-1")));
        assertTrue(viewModel.summaryProperty().get().endsWith("2 selected"));

        viewModel.update(List.of(row("a-2", RowStatus.MINING, "hall-a", "Antminer S21", 190.0, false)));

        assertEquals(List.of(MinerId.of("a-2")), viewModel.selectedMinerIds());
    }

    @Test
    void openingAMinerReachesTheShellsHandler() {
        List<MinerId> opened = new ArrayList<>();
        viewModel.setOnOpenMiner(opened::add);

        viewModel.openMiner(MinerId.of("b-2"));

        assertEquals(List.of(MinerId.of("b-2")), opened);
    }

    @Test
    void exportWritesTheRowsAsShownFilteredAndSorted() throws Exception {
        loadFleet();
        viewModel.searchTextProperty().set("hall");
        viewModel.columnOrderProperty().set(Comparator.comparing(MinerRow::id).reversed());
        Path file = folder.resolve("fleet.csv");

        viewModel.exportCsv(file);
        while (viewModel.exportingProperty().get()) {
            Thread.sleep(10);
        }

        List<String> ids = Files.readAllLines(file).stream().skip(1).map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertEquals(List.of("b-2", "b-1", "a-2", "a-1"), ids);
        assertEquals("Exported 4 miners to fleet.csv", viewModel.exportMessageProperty().get());
    }

    @Test
    void aFailedExportSaysWhatWentWrongAndWhatToDo() throws Exception {
        loadFleet();

        viewModel.exportCsv(folder.resolve("no-such-folder").resolve("fleet.csv"));
        while (viewModel.exportingProperty().get()) {
            Thread.sleep(10);
        }

        assertTrue(viewModel.exportMessageProperty().get().startsWith("Could not write "));
        assertTrue(viewModel.exportMessageProperty().get().endsWith("choose another folder and export again."));
        assertFalse(viewModel.exportingProperty().get());
    }
}
