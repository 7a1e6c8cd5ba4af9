package io.hashdesk.drivers.sim.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percent-decoding of URL query strings and path segments. */
final class QueryString {

    private QueryString() {
    }

    /** {@code a=1&b=two} as a map; a name without {@code =} maps to the empty string, the first of repeats wins. */
    static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            values.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1), true));
        }
        return values;
    }

    /** A path segment: percent escapes decoded, {@code +} kept (it means a space only in queries). */
    static String segment(String raw) {
        return decode(raw, false);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A stray % that starts no escape is taken literally, as lenient servers do.
            return raw;
        }
    }
}
