package io.hashdesk.drivers.vnish;

import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.api.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Vnish web API on 127.0.0.1 for driver tests, with the real unlock/token flow (vnish-api.md §2): the password
 * {@link #PASSWORD} unlocks for the current token; protected routes answer 401 without it. Routes answer the real
 * captures by default and can be replaced per test.
 */
public final class FakeVnish implements AutoCloseable {

    public static final String PASSWORD = "s3cret-Pw!";
    private static final Set<String> OPEN = Set.of("GET /info", "GET /model", "GET /status", "GET /perf-summary",
            "GET /chains", "GET /boards", "POST /find-miner", "POST /locate-miner");

    private final MockWebServer server = new MockWebServer();
    private final String firmwareVersion;
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger unlocks = new AtomicInteger();
    private final AtomicInteger tokenNumber = new AtomicInteger(1);
    private volatile boolean bearerAccepted = true;
    private volatile boolean rawAccepted = true;
    private volatile Function<RecordedRequest, MockResponse> unlockAnswer;

    public FakeVnish(String firmwareVersion) throws IOException {
        this.firmwareVersion = firmwareVersion;
        restoreDefaults();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** Back to the real captures on every route, the password check on unlock and both token forms accepted. */
    public void restoreDefaults() {
        routes.clear();
        json("GET /info", info(firmwareVersion));
        json("GET /summary", Fixtures.vnish("web-summary-s19-1.2.0-beta10.json"));
        json("GET /settings", Fixtures.vnish("web-settings-s19j-1.2.x.json"));
        json("GET /autotune/presets", Fixtures.vnish("web-autotune-presets-s19.json"));
        json("GET /perf-summary", perfSummary("3000"));
        json("GET /model", Fixtures.resource(FakeVnish.class, "model-s19.json"));
        json("GET /status", "{\"miner_state\":\"mining\",\"miner_state_time\":6412,\"find_miner\":false,"
                + "\"restart_required\":false,\"reboot_required\":false,\"unlocked\":false}");
        unlockAnswer = null;
        bearerAccepted = true;
        rawAccepted = true;
    }

    /** {@code /info} of an S19 on the given firmware (vnish-api.md §4.1). */
    public static String info(String firmwareVersion) {
        return """
                {"miner":"Antminer S19","model":"s19","fw_name":"Vnish","fw_version":"%s","platform":"xil",
                 "install_type":"nand","algorithm":"sha256d","hr_measure":"GH/s",
                 "system":{"os":"GNU/Linux","miner_name":"s19","mem_total":233712,
                   "network_status":{"mac":"FE:07:26:3C:BE:1B","dhcp":true,"ip":"192.168.1.2",
                     "netmask":"255.255.255.0","gateway":"192.168.1.1","dns":["192.168.1.1"],"hostname":"antminer"},
                   "uptime":"9 days,  3:58"},
                 "serial":"N/A"}""".formatted(firmwareVersion);
    }

    /** {@code /perf-summary} with {@code running} as the current preset. */
    public static String perfSummary(String running) {
        return """
                {"current_preset":{"name":"%s","pretty":"%s watt","status":"tuned","modded_psu_required":false},
                 "preset_switcher":{"enabled":false,"top_preset":null,"decrease_temp":75,"rise_temp":55,
                   "check_time":300,"autochange_top_preset":false,"ignore_fan_speed":false,"min_preset":null}}"""
                .formatted(running, running);
    }

    public MinerAddress address() {
        return new MinerAddress("127.0.0.1", server.getPort(), MinerAddress.DEFAULT_RPC_PORT);
    }

    /** Answers {@code "GET /summary"}-style keys (paths below {@code /api/v1}) with this JSON. */
    public void json(String key, String body) {
        respond(key, request -> jsonResponse(200, body));
    }

    public void respond(String key, Function<RecordedRequest, MockResponse> answer) {
        routes.put(key, answer);
    }

    public void remove(String key) {
        routes.remove(key);
    }

    /** Replaces the unlock answer (e.g. a 429); {@code null} restores the password check. */
    public void answerUnlock(Function<RecordedRequest, MockResponse> answer) {
        unlockAnswer = answer;
    }

    /** Issues a new token on the next unlock, so the one a driver holds stops working (an expired session). */
    public void expireToken() {
        tokenNumber.incrementAndGet();
    }

    /** Which Authorization forms protected routes accept. */
    public void acceptTokenForms(boolean bearer, boolean raw) {
        bearerAccepted = bearer;
        rawAccepted = raw;
    }

    /** The token the next unlock hands out. */
    public String token() {
        return currentToken();
    }

    public int unlockCount() {
        return unlocks.get();
    }

    public List<RecordedRequest> requests(String key) {
        return requests.stream().filter(r -> key.equals(keyOf(r))).toList();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The body of the last request to {@code key}, as text. */
    public String lastBody(String key) {
        List<RecordedRequest> matching = requests(key);
        if (matching.isEmpty()) {
            throw new AssertionError("no request to " + key + "; got " + requests.stream().map(FakeVnish::keyOf)
                    .toList());
        }
        return matching.getLast().getBody().string(StandardCharsets.UTF_8);
    }

    public static MockResponse jsonResponse(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }

    private MockResponse answer(RecordedRequest request) {
        requests.add(request);
        String key = keyOf(request);
        if (key.equals("POST /unlock")) {
            unlocks.incrementAndGet();
            Function<RecordedRequest, MockResponse> override = unlockAnswer;
            if (override != null) {
                return override.apply(request);
            }
            String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
            return body.equals("{\"pw\":\"" + PASSWORD.replace("\"", "\\\"") + "\"}")
                    ? jsonResponse(200, "{\"token\":\"" + currentToken() + "\"}")
                    : jsonResponse(403, "{\"unlock_timeout\":null}");
        }
        if (!OPEN.contains(key) && !authorized(request.getHeaders().get("Authorization"))) {
            return new MockResponse.Builder().code(401).build();
        }
        Function<RecordedRequest, MockResponse> route = routes.get(key);
        return route == null ? jsonResponse(404, "{\"err\":\"not found\"}") : route.apply(request);
    }

    private boolean authorized(String header) {
        String token = currentToken();
        return header != null && ((bearerAccepted && header.equals("Bearer " + token))
                || (rawAccepted && header.equals(token)));
    }

    private String currentToken() {
        return "tok" + tokenNumber.get() + "OwpWakIHG7ZE7xg7MGd6uL6UWOMe";
    }

    static String keyOf(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return request.getMethod() + " " + (path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path);
    }
}
