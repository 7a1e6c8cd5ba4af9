package io.hashdesk.app.wiring;

import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.core.settings.DataFolder;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the desktop console: resolves the data folder, builds the services and
 * view-models by hand and shows the main window. Started by {@link io.hashdesk.app.Launcher}.
 */
public final class HashdeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(HashdeskApp.class);
    private static final String WINDOW_TITLE = "Hashdesk";

    @Override
    public void init() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught failure on thread {}", thread.getName(), error));
    }

    @Override
    public void start(Stage stage) {
        DataFolder dataFolder = DataFolder.forCurrentUser();
        BuildInfo build = BuildInfo.load();
        LOG.info("Hashdesk {} starting on Java {}; data folder {} ({})",
                build.version(), Runtime.version(), dataFolder.path(), dataFolder.source());

        Theme.installUserAgentStylesheet();
        ShellView shell = new ShellView(new ShellViewModel(dataFolder, build.version()));
        Scene scene = new Scene(shell.root(), 1280, 800);
        Theme.style(scene);

        stage.setTitle(WINDOW_TITLE);
        stage.getIcons().setAll(Theme.windowIcons());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        LOG.info("Hashdesk stopped");
    }
}
