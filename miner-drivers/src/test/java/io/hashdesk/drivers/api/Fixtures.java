package io.hashdesk.drivers.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reply payloads for driver tests: the real Vnish captures in {@code ../shared/fixtures/vnish} (beside the
 * repository; surefire runs in the module folder, hence {@code ../../shared}) and hand-written replies on the test
 * classpath.
 */
public final class Fixtures {

    /** The real captures, relative to the module folder tests run in. */
    public static final Path VNISH_DIR = Path.of("../../shared/fixtures/vnish");

    private Fixtures() {
    }

    /** Every file in the shared Vnish fixture folder; fails the test clearly when the folder is not there. */
    public static List<Path> vnishFiles() {
        requireVnishDir();
        try (Stream<Path> files = Files.list(VNISH_DIR)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One real capture by file name, e.g. {@code web-summary-s19-1.2.0-beta10.json}. */
    public static String vnish(String fileName) {
        requireVnishDir();
        Path file = VNISH_DIR.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            fail("Vnish fixture " + file.toAbsolutePath().normalize() + " is missing");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hand-written reply on the test classpath, next to {@code near}'s package. */
    public static String resource(Class<?> near, String name) {
        try (InputStream in = near.getResourceAsStream(name)) {
            if (in == null) {
                fail("test resource " + name + " is missing beside " + near.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireVnishDir() {
        if (!Files.isDirectory(VNISH_DIR)) {
            fail("Vnish fixtures not found at " + VNISH_DIR.toAbsolutePath().normalize()
                    + ": tests run in the module folder and expect the shared folder two levels up");
        }
    }
}
