package io.hashdesk.drivers.serial.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two pseudo-terminals joined by {@code socat}, standing in for a USB–RS-485 adapter and the bus behind it: what is
 * written to one end is read at the other, and both open like serial ports. Killing socat is an adapter being
 * unplugged.
 */
public final class VirtualSerialPair implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

    private final Process socat;
    private final String first;
    private final String second;
    /** Stops socat if the JVM ends without {@link #close()}: a pseudo-terminal pair must not outlive the app. */
    private final Thread stopAtExit;

    private VirtualSerialPair(Process socat, String first, String second) {
        this.socat = socat;
        this.first = first;
        this.second = second;
        this.stopAtExit = new Thread(socat::destroy, "socat-stop-at-exit");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Whether {@code socat} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts socat and waits for it to name its two pseudo-terminals.
     *
     * @throws IOException when socat cannot start or names no terminals within a few seconds
     */
    public static VirtualSerialPair start() throws IOException {
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("socat-stderr").start(() -> drain(socat, lines));
        List<String> ptys = new ArrayList<>();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (ptys.size() < 2) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IOException("socat named " + ptys.size() + " of its 2 pseudo-terminals within "
                            + START_TIMEOUT.toSeconds() + " s");
                }
                Matcher m = PTY.matcher(line);
                if (m.find()) {
                    ptys.add(m.group(1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroy();
            throw new IOException("interrupted while starting socat", e);
        } catch (IOException e) {
            socat.destroy();
            throw e;
        }
        return new VirtualSerialPair(socat, ptys.get(0), ptys.get(1));
    }

    /** Keeps reading socat's log, so it never blocks on a full pipe; the first lines name the terminals. */
    private static void drain(Process socat, BlockingQueue<String> lines) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(socat.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // socat ended: nothing more to read
        }
    }

    /** The end the simulated devices answer on. */
    public String devicesEnd() {
        return first;
    }

    /** The end Hashdesk opens, as it would open {@code /dev/ttyUSB0}. */
    public String hostEnd() {
        return second;
    }

    /** Stops socat: both terminals disappear, as when an adapter is unplugged. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook stops socat
        }
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
    }
}
