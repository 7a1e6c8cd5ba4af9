package io.hashdesk.app;

import io.hashdesk.app.wiring.HashdeskApp;
import io.hashdesk.core.settings.DataFolder;
import javafx.application.Application;

/**
 * The desktop entry point. A plain class rather than the {@link Application} itself, because on
 * the classpath a main class that extends {@code Application} fails with "JavaFX runtime
 * components are missing".
 *
 * <p>It also points Logback at the data folder's log directory before the first logger exists,
 * so it holds no logger of its own.
 */
public final class Launcher {

    /** System property read by {@code logback.xml} for the folder of the rolling log file. */
    public static final String LOG_DIR_PROPERTY = "hashdesk.log.dir";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, DataFolder.forCurrentUser().logFolder().toString());
        }
        Application.launch(HashdeskApp.class, args);
    }
}
