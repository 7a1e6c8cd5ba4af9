package io.hashdesk.app.shell;

import io.hashdesk.core.settings.DataFolder;
import java.util.List;
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

    private final ReadOnlyObjectWrapper<Section> selectedSection =
            new ReadOnlyObjectWrapper<>(this, "selectedSection", Section.FLEET);
    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper(this, "databaseText", "Database: opening…");
    private final ReadOnlyBooleanWrapper databaseAvailable = new ReadOnlyBooleanWrapper(this, "databaseAvailable", true);
    private final ReadOnlyStringWrapper modeText = new ReadOnlyStringWrapper(this, "modeText", "");
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
