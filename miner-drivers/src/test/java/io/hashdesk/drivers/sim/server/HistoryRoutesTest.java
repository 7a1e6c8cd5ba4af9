package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerBlueprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: the unit's own recent history, resampled as asked, with the firmware's annotations. */
class HistoryRoutesTest {

    private static List<String> annotationTypes(JsonNode metrics) {
        List<String> types = new ArrayList<>();
        metrics.get("annotations").forEach(a -> types.add(a.at("/data/type").asText()));
        return types;
    }

    @Test
    void metricsFollowTheUnitsHistoryInTheRequestedWindowAndStep() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 1))) {
            farm.advance(Duration.ofHours(2));
            ApiClient api = farm.api("m");
            JsonNode summary = api.get("/summary").json().get("miner");
            JsonNode hour = api.get("/metrics?time_slice=3600&step=60").json();
            assertEquals("GMT", hour.get("timezone").asText());
            JsonNode points = hour.get("metrics");
            assertTrue(points.size() >= 59 && points.size() <= 60, "one point a minute, got " + points.size());
            long now = farm.clock().instant().getEpochSecond();
            assertEquals(now - 3600, points.get(0).get("time").asLong(), "points start where the window starts");
            for (int i = 1; i < points.size(); i++) {
                assertEquals(60, points.get(i).get("time").asLong() - points.get(i - 1).get("time").asLong());
            }
            JsonNode last = points.get(points.size() - 1).get("data");
            double power = summary.get("power_consumption").asDouble();
            assertEquals(power, last.get("power_consumption").asDouble(), power * 0.05);
            double hashrate = summary.get("hr_realtime").asDouble();
            assertEquals(hashrate, last.get("hashrate").asDouble(), hashrate * 0.05, "hashrate in hr_measure (GH/s)");
            assertEquals(summary.at("/chip_temp/max").asDouble(), last.get("chip_max_temp").asDouble(), 2);
            assertEquals(summary.at("/cooling/fan_duty").asDouble(), last.get("fan_duty").asDouble(), 3);
            JsonNode byDefault = api.get("/metrics").json().get("metrics");
            assertTrue(byDefault.size() >= 8 && byDefault.size() <= 9, "15-minute steps over the 2 hours there are,"
                    + " got " + byDefault.size());
            assertEquals(900, byDefault.get(1).get("time").asLong() - byDefault.get(0).get("time").asLong());
        }
    }

    @Test
    void stopsStartsAndRebootsAreAnnotatedAndARebootLeavesAGap() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 2))) {
            ApiClient api = farm.api("m");
            String bearer = "Bearer " + api.unlock("admin");
            farm.advance(Duration.ofMinutes(10));
            assertEquals(200, api.post("/mining/stop", "", bearer).status());
            farm.advance(Duration.ofMinutes(2));
            assertEquals(200, api.post("/mining/start", "", bearer).status());
            farm.advance(Duration.ofMinutes(2));
            assertEquals(200, api.post("/settings", "{\"miner\":{\"overclock\":{\"chains\":[{},{\"disabled\":true}]}}}",
                    bearer).status());
            farm.advance(Duration.ofMinutes(2));
            assertEquals(200, api.post("/system/reboot", "", bearer).status());
            farm.advance(Duration.ofMinutes(5));
            JsonNode metrics = api.get("/metrics?time_slice=1800&step=60").json();
            List<String> types = annotationTypes(metrics);
            assertTrue(types.containsAll(List.of("stop", "start", "restart", "disable_board", "reboot")), types.toString());
            metrics.get("annotations").forEach(a -> {
                if (a.at("/data/type").asText().equals("disable_board")) {
                    assertEquals(2, a.at("/data/board_id").asInt(), "1.3 names the board by board_id");
                }
            });
            JsonNode points = metrics.get("metrics");
            long widestGap = 0;
            for (int i = 1; i < points.size(); i++) {
                widestGap = Math.max(widestGap, points.get(i).get("time").asLong() - points.get(i - 1).get("time")
                        .asLong());
            }
            assertTrue(widestGap > 60, "a rebooting unit records nothing: widest gap " + widestGap + " s");
            long stopAt = farm.clock().instant().getEpochSecond() - 11 * 60;
            JsonNode stopped = null;
            for (JsonNode point : points) {
                long at = point.get("time").asLong();
                if (at >= stopAt + 30 && at < stopAt + 90) {
                    stopped = point;
                }
            }
            assertTrue(stopped != null && stopped.at("/data/hashrate").asDouble() == 0,
                    "a stopped unit records zero hashrate: " + stopped);
        }
    }

    @Test
    void firmware12SpellsBoardEventsAsChains() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 3))) {
            ApiClient api = farm.api("m");
            assertEquals(200, api.post("/settings", "{\"miner\":{\"overclock\":{\"chains\":[{\"disabled\":true}]}}}",
                    "Bearer " + api.unlock("admin")).status());
            farm.advance(Duration.ofMinutes(1));
            JsonNode annotation = null;
            for (JsonNode a : api.get("/metrics").json().get("annotations")) {
                if (a.at("/data/type").asText().equals("disable_chain")) {
                    annotation = a;
                }
            }
            assertTrue(annotation != null, "a disable_chain annotation");
            assertEquals(1, annotation.at("/data/chain_id").asInt());
        }
    }

    @Test
    void badParametersAre400WithTheFirmwaresErrorShapeAndTheWindowIsCutToThreeDays() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4))) {
            ApiClient api = farm.api("m");
            ApiClient.Reply text = api.get("/metrics?time_slice=day");
            assertEquals(400, text.status());
            assertTrue(text.json().get("err").asText().contains("time_slice"), text.body());
            ApiClient.Reply negative = api.get("/metrics?step=-60");
            assertEquals(400, negative.status());
            assertTrue(negative.json().get("err").asText().contains("step"), negative.body());
            assertEquals(200, api.get("/metrics?time_slice=&step=").status(), "empty means the default");
            assertEquals(405, api.post("/metrics", "", null).status());
            farm.advance(Duration.ofDays(4));
            JsonNode points = api.get("/metrics?time_slice=999999&step=3600").json().get("metrics");
            long now = farm.clock().instant().getEpochSecond();
            assertEquals(now - 3 * 86_400, points.get(0).get("time").asLong(), "at most three days back");
            assertEquals(72, points.size());
        }
    }
}
