package io.hashdesk.core.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Hashdesk keeps its database, settings and logs: the operating system's per-user
 * application-data folder, unless the operator points it elsewhere.
 *
 * <p>Precedence: system property {@value #PROPERTY}, then environment variable {@value #ENV},
 * then the OS default (Linux {@code $XDG_DATA_HOME/hashdesk} or {@code ~/.local/share/hashdesk},
 * Windows {@code %APPDATA%\Hashdesk}, macOS {@code ~/Library/Application Support/Hashdesk}).
 */
public record DataFolder(Path path, Source source) {

    /** System property that overrides the data folder. */
    public static final String PROPERTY = "hashdesk.data.dir";
    /** Environment variable that overrides the data folder. */
    public static final String ENV = "HASHDESK_DATA_DIR";

    /** Why this folder was chosen, so the UI and logs can say so. */
    public enum Source { SYSTEM_PROPERTY, ENVIRONMENT, OS_DEFAULT }

    public DataFolder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        path = path.toAbsolutePath().normalize();
    }

    /** Resolves the folder for the running JVM. */
    public static DataFolder forCurrentUser() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    /** Pure resolution, testable for every OS from any OS. */
    public static DataFolder resolve(String propertyValue, Map<String, String> env, String osName, String userHome) {
        if (notBlank(propertyValue)) {
            return new DataFolder(Path.of(propertyValue), Source.SYSTEM_PROPERTY);
        }
        if (notBlank(env.get(ENV))) {
            return new DataFolder(Path.of(env.get(ENV)), Source.ENVIRONMENT);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        Path folder;
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            folder = notBlank(appData) ? Path.of(appData, "Hashdesk") : home.resolve("AppData/Roaming/Hashdesk");
        } else if (os.startsWith("mac")) {
            folder = home.resolve("Library/Application Support/Hashdesk");
        } else {
            String xdg = env.get("XDG_DATA_HOME");
            folder = notBlank(xdg) ? Path.of(xdg, "hashdesk") : home.resolve(".local/share/hashdesk");
        }
        return new DataFolder(folder, Source.OS_DEFAULT);
    }

    /** The SQLite database file inside this folder. */
    public Path databaseFile() {
        return path.resolve("hashdesk.db");
    }

    /** The folder the application's rolling log files go to. */
    public Path logFolder() {
        return path.resolve("logs");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
