package io.hashdesk.app.shell;

import io.hashdesk.core.settings.DataFolder;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * State of the main window: which section is selected, and the facts the status bar shows.
 * Touches no node, so it is tested without a toolkit.
 */
public final class ShellViewModel {

    private final ReadOnlyObjectWrapper<Section> selectedSection =
            new ReadOnlyObjectWrapper<>(this, "selectedSection", Section.FLEET);
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

    private static String describe(DataFolder.Source source) {
        return switch (source) {
            case SYSTEM_PROPERTY -> "set by -D" + DataFolder.PROPERTY;
            case ENVIRONMENT -> "set by " + DataFolder.ENV;
            case OS_DEFAULT -> "default";
        };
    }
}
