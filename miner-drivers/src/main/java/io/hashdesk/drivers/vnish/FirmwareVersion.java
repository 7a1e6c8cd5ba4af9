package io.hashdesk.drivers.vnish;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vnish firmware version such as {@code 1.2.0-beta10} or {@code 1.3.4}, reduced to what decides the route set:
 * major and minor ({@code "1.2"} alone means 1.2.0).
 */
record FirmwareVersion(int major, int minor, int patch, String text) {

    private static final Pattern VERSION = Pattern.compile("^\\s*v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?.*$");

    static Optional<FirmwareVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new FirmwareVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch,
                text.strip()));
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }
}
