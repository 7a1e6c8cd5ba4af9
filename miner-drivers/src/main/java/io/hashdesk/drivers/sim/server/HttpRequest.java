package io.hashdesk.drivers.sim.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the simulator's listener read it.
 *
 * @param path    the path without the query, e.g. {@code /api/v1/summary}
 * @param headers header names in lower case
 */
record HttpRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    HttpRequest {
        method = method.toUpperCase(Locale.ROOT);
        headers = Map.copyOf(headers);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
