package io.hashdesk.drivers.sim.server;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP response to write.
 *
 * @param declaredLength the Content-Length to announce; more than {@code body.length} makes a truncated reply
 * @param closeAfter     close the connection after writing (always so for a truncated reply)
 */
record HttpResponse(int status, String contentType, byte[] body, int declaredLength, boolean closeAfter) {

    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String OCTETS = "application/octet-stream";

    static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, contentType, body, body.length, false);
    }

    static HttpResponse json(int status, String json) {
        return of(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A 200 with no body at all, as the firmware answers most control routes. */
    static HttpResponse empty(int status) {
        return of(status, null, new byte[0]);
    }

    HttpResponse truncated() {
        byte[] half = java.util.Arrays.copyOf(body, body.length / 2);
        return new HttpResponse(status, contentType, half, Math.max(body.length, 1), true);
    }

    boolean isJson() {
        return JSON.equals(contentType) && body.length > 0;
    }
}
