package io.hashdesk.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.Launcher;
import io.hashdesk.app.agent.AgentLock;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the site agent as an operator's box would: a child JVM started with {@code Launcher --headless} on a temp
 * data folder with the demo farm and no JavaFX on its classpath, stopped with SIGTERM once it has stored a poll
 * cycle. The stop must be clean: exit code 143 (128 + SIGTERM after the shutdown hooks ran), the lock released, the
 * database whole and holding the snapshots.
 */
class HeadlessAgentShutdownTest {

    /** What a JVM exits with when SIGTERM ends it and its shutdown hooks complete. */
    private static final int SIGTERM_EXIT = 128 + 15;
    private static final Duration FIRST_CYCLE_WAIT = Duration.ofSeconds(25);

    @TempDir
    Path dataFolder;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stopsCleanlyOnSigtermWithItsPollCyclesCommitted() throws Exception {
        Process agent = startAgent();
        try {
            long stored = waitForAStoredPollCycle(agent);
            assertThat(AgentLock.holder(dataFolder)).hasValue(agent.pid());

            agent.destroy(); // SIGTERM on Linux
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).as("the agent stops within 30 s").isTrue();

            assertThat(agent.exitValue()).isEqualTo(SIGTERM_EXIT);
            assertThat(dataFolder.resolve(AgentLock.FILE_NAME)).doesNotExist();
            assertThat(integrityCheck()).isEqualTo("ok");
            assertThat(storedSnapshots()).isGreaterThanOrEqualTo(stored);
            String log = Files.readString(dataFolder.resolve("logs/hashdesk-agent.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("Site agent polling", "Site agent stopped");
            assertThat(output()).doesNotContain(" ERROR ");
        } finally {
            agent.destroyForcibly();
        }
    }

    private Process startAgent() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dhashdesk.data.dir=" + dataFolder,
                // the app's own logback.xml, not the tests' console-only one
                "-Dlogback.configurationFile=logback.xml",
                "-cp", classPathWithoutJavaFx(), Launcher.class.getName(), "--headless", "--demo-farm");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataFolder.resolve("agent-output.txt").toFile()).start();
    }

    /** The test classpath less JavaFX (and Monocle), so any JavaFX class the agent touched would fail it. */
    private static String classPathWithoutJavaFx() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("/org/openjfx/") && !entry.contains("openjfx-monocle"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private long waitForAStoredPollCycle(Process agent) throws Exception {
        Instant deadline = Instant.now().plus(FIRST_CYCLE_WAIT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(agent.isAlive()).as("agent still running; its output:%n%s", output()).isTrue();
            if (Files.exists(dataFolder.resolve("hashdesk.db"))) {
                long stored = storedSnapshots();
                if (stored > 0) {
                    return stored;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No poll cycle stored within " + FIRST_CYCLE_WAIT + "; agent output:\n" + output());
    }

    private long storedSnapshots() throws SQLException {
        try (Connection conn = readOnly(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM telemetry_recent)"
                     + " + (SELECT COUNT(*) FROM telemetry_latest)")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return 0; // the agent is still creating the schema
            }
            throw e;
        }
    }

    private String integrityCheck() throws SQLException {
        try (Connection conn = readOnly(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        }
    }

    /** The test only reads the agent's file, never writes to it. */
    private Connection readOnly() throws SQLException {
        Properties options = new Properties();
        options.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dataFolder.resolve("hashdesk.db"), options);
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
        }
        return conn;
    }

    private String output() {
        try {
            return Files.readString(dataFolder.resolve("agent-output.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
