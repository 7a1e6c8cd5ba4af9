package io.hashdesk.ml.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bench runner's result: one line per figure ({@code BENCH what value unit}) and notes ({@code NOTE ...}), printed
 * as they come, because a bench runner's stdout is its result, and written to a file at the end for the docs.
 */
final class BenchReport {

    private final List<String> lines = new ArrayList<>();

    /** A time in seconds since {@code startedNanos} ({@link System#nanoTime()}); returns the seconds. */
    double seconds(String what, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        figure(what, seconds, "s");
        return seconds;
    }

    void figure(String what, double value, String unit) {
        add(String.format(Locale.ROOT, "BENCH %-100s %10.3f %s", what, value, unit));
    }

    void note(String text) {
        add("NOTE  " + text);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }

    private void add(String line) {
        lines.add(line);
        System.out.println(line);
    }
}
