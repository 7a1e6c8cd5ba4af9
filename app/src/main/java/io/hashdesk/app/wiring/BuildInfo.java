package io.hashdesk.app.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/** What the build stamped into the jar: for now only the version shown in the status bar. */
record BuildInfo(String version) {

    static final String RESOURCE = "build.properties";

    BuildInfo {
        Objects.requireNonNull(version, "version");
    }

    /** Reads the Maven-filtered {@value #RESOURCE} that sits beside this class. */
    static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the app jar; the build is broken");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new BuildInfo(properties.getProperty("version", "unknown"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
