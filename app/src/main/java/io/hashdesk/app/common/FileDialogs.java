package io.hashdesk.app.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the operator which file to read. The console uses the system's dialog; tests that click through the real
 * console answer with a prepared file, since a native dialog cannot be clicked headless.
 */
@FunctionalInterface
public interface FileDialogs {

    /**
     * @param owner   the window the dialog belongs to; null for none
     * @param filters the file types offered, the first one selected
     * @return the chosen file, or empty when the operator cancelled
     */
    Optional<Path> chooseFileToOpen(Window owner, String title, List<FileChooser.ExtensionFilter> filters);

    /** The system's file dialogs. */
    static FileDialogs system() {
        return (owner, title, filters) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().setAll(filters);
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        };
    }
}
