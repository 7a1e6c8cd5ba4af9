package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain client for one simulated miner in tests: web API calls over 127.0.0.1 and raw RPC exchanges. */
final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MinerEndpoint endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ApiClient(MinerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("reply is not JSON: " + body, e);
            }
        }
    }

    Reply get(String route) {
        return send(request(route, null).GET());
    }

    Reply get(String route, String token) {
        return send(request(route, "Bearer " + token).GET());
    }

    Reply post(String route, String json, String authorization) {
        return send(request(route, authorization).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    Reply put(String route, String json, String authorization) {
        return send(request(route, authorization).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    Reply delete(String route, String authorization) {
        return send(request(route, authorization).DELETE());
    }

    /** Any method, with an {@code x-api-key} header instead of a token; {@code json} null sends no body. */
    Reply withApiKey(String method, String route, String json, String apiKey) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(request(route, null).method(method, body).header("x-api-key", apiKey)
                .header("Content-Type", "application/json"));
    }

    /** Any method with an optional Authorization header; {@code json} null sends no body. */
    Reply send(String method, String route, String json, String authorization) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(request(route, authorization).method(method, body).header("Content-Type", "application/json"));
    }

    /** The Content-Type of a GET reply. */
    String contentType(String route) {
        try {
            return http.send(request(route, null).GET().build(), HttpResponse.BodyHandlers.discarding()).headers()
                    .firstValue("Content-Type").orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply postBytes(String route, byte[] body, String contentType, String authorization) {
        return send(request(route, authorization).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType));
    }

    byte[] postForBytes(String route, String authorization) {
        try {
            HttpResponse<byte[]> response = http.send(request(route, authorization)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(route + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Unlocks with {@code pw} and returns the token; fails the test unless the miner grants it. */
    String unlock(String pw) {
        Reply reply = post("/unlock", "{\"pw\":\"" + pw + "\"}", null);
        if (reply.status() != 200) {
            throw new AssertionError("unlock answered " + reply.status() + " " + reply.body());
        }
        return reply.json().get("token").asText();
    }

    private HttpRequest.Builder request(String route, String authorization) {
        String path = route.startsWith(VnishApi.BASE + "/") || route.startsWith("/docs") || route.equals("/") ? route
                : VnishApi.BASE + route;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.httpBaseUrl() + path))
                .timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends one RPC request and returns everything the miner wrote before closing (NUL included). */
    String rpc(String request) {
        try (Socket socket = new Socket(endpoint.host(), endpoint.rpcPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
