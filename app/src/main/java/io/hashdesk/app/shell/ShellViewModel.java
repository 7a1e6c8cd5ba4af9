package io.hashdesk.app.shell;

import io.hashdesk.core.settings.DataFolder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the main window: which section is selected, and the facts the status bar shows.
 * Touches no node, so it is tested without a toolkit.
 */
public final class ShellViewModel {

    /** A badge wider than two digits crowds the navigation; "99+" already says "a lot". */
    private static final int MAX_BADGE = 99;

    private final ReadOnlyObjectWrapper<Section> selectedSection =
            new ReadOnlyObjectWrapper<>(this, "selectedSection", Section.FLEET);
    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper(this, "databaseText", "Database: opening…");
    private final ReadOnlyBooleanWrapper databaseAvailable = new ReadOnlyBooleanWrapper(this, "databaseAvailable", true);
    private final ReadOnlyStringWrapper modeText = new ReadOnlyStringWrapper(this, "modeText", "");
    private final Map<Section, ReadOnlyStringWrapper> badges = new EnumMap<>(Section.class);
    private final Map<Section, Refreshable> refreshables = new EnumMap<>(Section.class);
    private final String dataFolderText;
    private final String versionText;

    public ShellViewModel(DataFolder dataFolder, String version) {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(version, "version");
        this.dataFolderText = "Data folder: " + dataFolder.path() + " (" + describe(dataFolder.source()) + ")";
        this.versionText = "Hashdesk " + version;
    }

    /** The sections in navigation order. */
    public List<Section> sections() {
        return List.of(Section.values());
    }

    public ReadOnlyObjectProperty<Section> selectedSectionProperty() {
        return selectedSection.getReadOnlyProperty();
    }

    public Section getSelectedSection() {
        return selectedSection.get();
    }

    public void select(Section section) {
        selectedSection.set(Objects.requireNonNull(section, "section"));
    }

    /**
     * The section at a navigation shortcut: Ctrl+1 is the first section in navigation order.
     *
     * @param number the digit pressed with Ctrl (or Alt), 1–9
     */
    public Optional<Section> sectionAtShortcut(int number) {
        List<Section> sections = sections();
        return number >= 1 && number <= sections.size() ? Optional.of(sections.get(number - 1)) : Optional.empty();
    }

    /** The shortcut that opens a section, e.g. "Ctrl+2", for tooltips and the keyboard help. */
    public String shortcutText(Section section) {
        return "Ctrl+" + (sections().indexOf(section) + 1);
    }

    /** The keyboard help (F1): one entry per shortcut, sections first. */
    public List<KeyboardShortcut> keyboardShortcuts() {
        List<KeyboardShortcut> shortcuts = new ArrayList<>();
        for (Section section : sections()) {
            shortcuts.add(new KeyboardShortcut(shortcutText(section) + " (or Alt+" + (sections().indexOf(section) + 1)
                    + ")", section.title()));
        }
        shortcuts.add(new KeyboardShortcut("F5", "Refresh the screen now"));
        shortcuts.add(new KeyboardShortcut("Ctrl+F", "Search the fleet (in Miners)"));
        shortcuts.add(new KeyboardShortcut("Esc", "Back from a miner to the fleet table"));
        shortcuts.add(new KeyboardShortcut("F1", "This help"));
        return List.copyOf(shortcuts);
    }

    /** Lets F5 re-read a section's data; a section without one ignores F5. */
    public void onRefresh(Section section, Refreshable screen) {
        refreshables.put(Objects.requireNonNull(section, "section"), Objects.requireNonNull(screen, "screen"));
    }

    /** F5: the selected section re-reads its data now. Returns whether it had anything to refresh. */
    public boolean refreshSelected() {
        Refreshable screen = refreshables.get(getSelectedSection());
        if (screen == null) {
            return false;
        }
        screen.refresh();
        return true;
    }

    /** The small count beside a section's navigation item; empty hides it. */
    public ReadOnlyStringProperty badgeProperty(Section section) {
        return badge(section).getReadOnlyProperty();
    }

    /** Shows a count beside a section's navigation item (e.g. unacknowledged alerts); 0 hides it, above 99 is "99+". */
    public void showBadge(Section section, int count) {
        badge(section).set(count <= 0 ? "" : count > MAX_BADGE ? MAX_BADGE + "+" : Integer.toString(count));
    }

    private ReadOnlyStringWrapper badge(Section section) {
        return badges.computeIfAbsent(Objects.requireNonNull(section, "section"),
                s -> new ReadOnlyStringWrapper(this, "badge", ""));
    }

    /** Where the database, settings and logs live, and why there. */
    public String dataFolderText() {
        return dataFolderText;
    }

    public String versionText() {
        return versionText;
    }

    /** What the status bar says about the database: size and inventory, or why it could not be opened. */
    public ReadOnlyStringProperty databaseTextProperty() {
        return databaseText.getReadOnlyProperty();
    }

    /** False when the database could not be opened; the status bar then shows the reason as an error. */
    public ReadOnlyBooleanProperty databaseAvailableProperty() {
        return databaseAvailable.getReadOnlyProperty();
    }

    public void showDatabase(int registeredMiners, long fileBytes) {
        databaseAvailable.set(true);
        databaseText.set(String.format(Locale.ROOT, "Database: %d miner%s registered · %.1f MB", registeredMiners,
                registeredMiners == 1 ? "" : "s", fileBytes / 1_000_000.0));
    }

    public void showDatabaseUnavailable(String reason) {
        databaseAvailable.set(false);
        databaseText.set("Database unavailable: " + reason);
    }

    /** Empty normally; says so when the console only reads because a site agent is polling into the data folder. */
    public ReadOnlyStringProperty modeTextProperty() {
        return modeText.getReadOnlyProperty();
    }

    public void showReadOnly(long agentPid) {
        modeText.set("Read-only: the site agent is polling (pid " + agentPid + ")");
    }

    private static String describe(DataFolder.Source source) {
        return switch (source) {
            case SYSTEM_PROPERTY -> "set by -D" + DataFolder.PROPERTY;
            case ENVIRONMENT -> "set by " + DataFolder.ENV;
            case OS_DEFAULT -> "default";
        };
    }
}
