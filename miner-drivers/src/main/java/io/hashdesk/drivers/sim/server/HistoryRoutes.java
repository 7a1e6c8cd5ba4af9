package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.EventLog;
import io.hashdesk.drivers.sim.FirmwareLimits;
import io.hashdesk.drivers.sim.MetricPoint;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The unit's own history: {@code GET /metrics?time_slice=&step=} ({@code MetricsReply}: samples and annotations),
 * {@code GET /logs/{type}} (text/plain) and {@code POST /logs/{type}/clear} (auth; {@code *} clears every log).
 * {@code time_slice} above the firmware's three days is cut to three days and a {@code step} under the sample
 * period is raised to it; a value that is not a positive integer is refused with 400 and {@code {"err": ...}} naming
 * the parameter (the firmware documents no 4xx for this route; the error shape is its {@code ErrDescr}).
 */
final class HistoryRoutes {

    private static final String METRICS = "/metrics";
    private static final String LOGS = "/logs/";
    private static final String CLEAR = "/clear";
    private static final String ALL_LOGS = "*";

    private final SimulatedMiner miner;
    private final ControlReplies replies;

    HistoryRoutes(SimulatedMiner miner, ControlReplies replies) {
        this.miner = miner;
        this.replies = replies;
    }

    /** The reply for a history route, empty when {@code route} is none of them. */
    Optional<HttpResponse> handle(HttpRequest request, String route, boolean authorized) {
        String method = request.method();
        if (route.equals(METRICS)) {
            return Optional.of(method.equals("GET") ? metrics(request) : HttpResponse.empty(405));
        }
        if (!route.startsWith(LOGS)) {
            return Optional.empty();
        }
        String rest = route.substring(LOGS.length());
        if (rest.endsWith(CLEAR)) {
            if (!method.equals("POST")) {
                return Optional.of(HttpResponse.empty(405));
            }
            return Optional.of(authorized ? clear(rest.substring(0, rest.length() - CLEAR.length()))
                    : HttpResponse.empty(401));
        }
        return Optional.of(method.equals("GET") ? read(rest) : HttpResponse.empty(405));
    }

    private HttpResponse read(String name) {
        if (name.equals(ALL_LOGS)) {
            return VnishApi.error(500, "All logs '*' are not implemented for this route");
        }
        return EventLog.LogType.parse(name, miner.firmware())
                .map(type -> HttpResponse.of(200, HttpResponse.TEXT, miner.log()
                        .text(type, EventLog.offsetOf(miner.settings().timezone())).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> VnishApi.error(404, "No log named '" + name + "'"));
    }

    private HttpResponse clear(String name) {
        if (name.equals(ALL_LOGS)) {
            miner.log().clearAll();
            return replies.done();
        }
        Optional<EventLog.LogType> type = EventLog.LogType.parse(name, miner.firmware());
        if (type.isEmpty()) {
            return VnishApi.error(404, "No log named '" + name + "'");
        }
        miner.log().clear(type.get());
        return replies.done();
    }

    private HttpResponse metrics(HttpRequest request) {
        FirmwareLimits limits = miner.limits();
        Map<String, String> query = QueryString.parse(request.query());
        long slice;
        long step;
        try {
            slice = Math.min(limits.metricsMaxSliceSeconds(),
                    positive(query, "time_slice", limits.metricsDefaultSliceSeconds()));
            step = Math.clamp(positive(query, "step", limits.metricsDefaultStepSeconds()),
                    limits.metricsFineStepSeconds(), Math.max(limits.metricsFineStepSeconds(), slice));
        } catch (IllegalArgumentException e) {
            return VnishApi.error(400, e.getMessage());
        }
        ObjectNode reply = Json.object();
        reply.put("timezone", miner.settings().timezone());
        ArrayNode metrics = reply.putArray("metrics");
        for (MetricPoint point : miner.metrics(Duration.ofSeconds(slice), Duration.ofSeconds(step))) {
            ObjectNode sample = metrics.addObject();
            sample.put("time", point.at().getEpochSecond());
            ObjectNode data = sample.putObject("data");
            data.put("hashrate", TelemetryDocuments.round2(point.hashrate()));
            data.put("pcb_max_temp", point.pcbTempMaxC());
            data.put("chip_max_temp", point.chipTempMaxC());
            data.put("fan_duty", point.fanDutyPercent());
            data.put("power_consumption", point.powerWatts());
        }
        ArrayNode annotations = reply.putArray("annotations");
        String boardKey = miner.firmware().boardsApi() ? "board_id" : "chain_id";
        for (EventLog.Annotation annotation : miner.log().annotations(miner.now().minusSeconds(slice), miner.now())) {
            ObjectNode mark = annotations.addObject();
            mark.put("time", annotation.at().getEpochSecond());
            ObjectNode data = mark.putObject("data");
            data.put("type", annotation.event().wireName(miner.firmware()));
            if (annotation.boardId() > 0) {
                data.put(boardKey, annotation.boardId());
            }
        }
        return HttpResponse.json(200, Json.write(reply));
    }

    /** A positive integer query parameter; absent or empty means the firmware's default. */
    private static long positive(Map<String, String> query, String name, long fallback) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number of seconds, got '" + value + "'", e);
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException(name + ": must be a positive number of seconds, got " + seconds);
        }
        return seconds;
    }
}
