package io.hashdesk.app;

import io.hashdesk.app.agent.AgentOptions;
import io.hashdesk.app.wiring.HashdeskApp;
import io.hashdesk.app.wiring.HeadlessAgent;
import io.hashdesk.core.settings.DataFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;

/**
 * The entry point of the console and, with {@code --headless}, of the site agent. A plain class rather than the
 * {@link Application} itself, because on the classpath a main class that extends {@code Application} fails with
 * "JavaFX runtime components are missing"; the headless branch returns before any JavaFX class is loaded.
 *
 * <p>It also points Logback at the data folder's log directory (and the agent at its own log file, since a
 * console may run beside it) before the first logger exists, so it holds no logger of its own.
 */
public final class Launcher {

    /** System property read by {@code logback.xml} for the folder of the rolling log file. */
    public static final String LOG_DIR_PROPERTY = "hashdesk.log.dir";
    /** System property read by {@code logback.xml} for the log file's name, without extension. */
    public static final String LOG_NAME_PROPERTY = "hashdesk.log.name";
    static final String CONSOLE_LOG_NAME = "hashdesk";
    static final String AGENT_LOG_NAME = "hashdesk-agent";

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        boolean headless = arguments.remove(AgentOptions.HEADLESS);
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, DataFolder.forCurrentUser().logFolder().toString());
        }
        if (System.getProperty(LOG_NAME_PROPERTY) == null) {
            System.setProperty(LOG_NAME_PROPERTY, headless ? AGENT_LOG_NAME : CONSOLE_LOG_NAME);
        }
        if (headless) {
            int failure = HeadlessAgent.run(arguments);
            if (failure != 0) {
                System.exit(failure);
            }
            return;
        }
        Application.launch(HashdeskApp.class, args);
    }
}
