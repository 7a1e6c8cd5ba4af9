package io.hashdesk.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.settings.DataFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    private static final Path FOLDER = Path.of("/srv/hashdesk-data");

    @Test
    void startsOnTheFleetSection() {
        assertEquals(Section.FLEET, viewModel(DataFolder.Source.OS_DEFAULT).getSelectedSection());
    }

    @Test
    void offersEverySectionInNavigationOrder() {
        assertEquals(List.of(Section.FLEET, Section.MINERS, Section.ALERTS, Section.RECOMMENDATIONS, Section.ACTIONS,
                Section.MODELS, Section.MARKET, Section.SETTINGS), viewModel(DataFolder.Source.OS_DEFAULT).sections());
    }

    @Test
    void selectingASectionNotifiesListenersOnce() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);
        List<Section> seen = new ArrayList<>();
        viewModel.selectedSectionProperty().addListener((obs, old, section) -> seen.add(section));

        viewModel.select(Section.MINERS);
        viewModel.select(Section.MINERS);

        assertEquals(Section.MINERS, viewModel.getSelectedSection());
        assertEquals(List.of(Section.MINERS), seen);
    }

    @Test
    void refusesToSelectNothing() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);
        assertThrows(NullPointerException.class, () -> viewModel.select(null));
        assertEquals(Section.FLEET, viewModel.getSelectedSection());
    }

    @Test
    void saysNothingAboutItsModeUntilASiteAgentHoldsTheDataFolder() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);
        assertEquals("", viewModel.modeTextProperty().get());

        viewModel.showReadOnly(31337);

        assertEquals("Read-only: the site agent is polling (pid 31337)", viewModel.modeTextProperty().get());
    }

    @Test
    void statusBarTextNamesTheDataFolderAndWhyItWasChosen() {
        String expectedPath = FOLDER.toAbsolutePath().normalize().toString();
        assertEquals("Data folder: " + expectedPath + " (default)",
                viewModel(DataFolder.Source.OS_DEFAULT).dataFolderText());
        assertEquals("Data folder: " + expectedPath + " (set by HASHDESK_DATA_DIR)",
                viewModel(DataFolder.Source.ENVIRONMENT).dataFolderText());
        assertEquals("Data folder: " + expectedPath + " (set by -Dhashdesk.data.dir)",
                viewModel(DataFolder.Source.SYSTEM_PROPERTY).dataFolderText());
    }

    @Test
    void statusBarTextCarriesTheVersion() {
        assertEquals("Hashdesk 1.2.3", viewModel(DataFolder.Source.OS_DEFAULT).versionText());
    }

    @Test
    void everySectionSaysWhatItWillShowAndWhatItNeeds() {
        for (Section section : Section.values()) {
            assertTrue(!section.title().isBlank() && !section.emptyTitle().isBlank(), section.name());
            assertTrue(section.emptyMessage().length() > 40, section + " explains what it will show");
            assertTrue(section.emptyNextStep().endsWith("."), section + " says what has to happen first");
        }
    }

    @Test
    void statusBarSaysHowManyMinersTheDatabaseHoldsAndItsSize() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);
        viewModel.showDatabase(1, 2_500_000);
        assertEquals("Database: 1 miner registered · 2.5 MB", viewModel.databaseTextProperty().get());
        viewModel.showDatabase(60, 0);
        assertEquals("Database: 60 miners registered · 0.0 MB", viewModel.databaseTextProperty().get());
        assertTrue(viewModel.databaseAvailableProperty().get());
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsShownAsUnavailableWithTheReason() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);
        viewModel.showDatabaseUnavailable("written by a newer Hashdesk");
        assertEquals("Database unavailable: written by a newer Hashdesk", viewModel.databaseTextProperty().get());
        assertTrue(!viewModel.databaseAvailableProperty().get());
    }

    @Test
    void ctrlAndADigitOpenTheSectionAtThatPlaceInTheNavigation() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);

        assertEquals(Optional.of(Section.FLEET), viewModel.sectionAtShortcut(1));
        assertEquals(Optional.of(Section.MINERS), viewModel.sectionAtShortcut(2));
        assertEquals(Optional.of(Section.SETTINGS), viewModel.sectionAtShortcut(8));
        assertEquals(Optional.empty(), viewModel.sectionAtShortcut(9));
        assertEquals(Optional.empty(), viewModel.sectionAtShortcut(0));
        assertEquals("Ctrl+3", viewModel.shortcutText(Section.ALERTS));
        assertTrue(viewModel.keyboardShortcuts().contains(new KeyboardShortcut("Ctrl+2 (or Alt+2)", "Miners")));
        assertTrue(viewModel.keyboardShortcuts().contains(new KeyboardShortcut("F5", "Refresh the screen now")));
    }

    @Test
    void refreshReachesOnlyTheSelectedSectionsScreen() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);
        List<String> refreshed = new ArrayList<>();
        viewModel.onRefresh(Section.FLEET, () -> refreshed.add("fleet"));
        viewModel.onRefresh(Section.MINERS, () -> refreshed.add("miners"));

        assertTrue(viewModel.refreshSelected());
        viewModel.select(Section.MINERS);
        assertTrue(viewModel.refreshSelected());
        viewModel.select(Section.MODELS);
        assertFalse(viewModel.refreshSelected());

        assertEquals(List.of("fleet", "miners"), refreshed);
    }

    @Test
    void aBadgeShowsTheCountHidesAtZeroAndCapsAt99() {
        ShellViewModel viewModel = viewModel(DataFolder.Source.OS_DEFAULT);
        assertEquals("", viewModel.badgeProperty(Section.ALERTS).get());

        viewModel.showBadge(Section.ALERTS, 3);
        assertEquals("3", viewModel.badgeProperty(Section.ALERTS).get());
        viewModel.showBadge(Section.ALERTS, 250);
        assertEquals("99+", viewModel.badgeProperty(Section.ALERTS).get());
        viewModel.showBadge(Section.ALERTS, 0);
        assertEquals("", viewModel.badgeProperty(Section.ALERTS).get());
        assertEquals("", viewModel.badgeProperty(Section.MINERS).get());
    }

    private static ShellViewModel viewModel(DataFolder.Source source) {
        return new ShellViewModel(new DataFolder(FOLDER, source), "1.2.3");
    }
}
