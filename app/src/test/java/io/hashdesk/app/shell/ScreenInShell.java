package io.hashdesk.app.shell;

import io.hashdesk.core.settings.DataFolder;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows one screen inside the real shell, at the console's default window size, for TestFX flows. */
public final class ScreenInShell {

    private ScreenInShell() {
    }

    public static void show(Stage stage, Path dataFolder, Section section, SectionScreen screen) {
        ShellViewModel shell = new ShellViewModel(new DataFolder(dataFolder, DataFolder.Source.OS_DEFAULT), "1");
        ShellView view = new ShellView(shell, Map.of(section, screen));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }
}
