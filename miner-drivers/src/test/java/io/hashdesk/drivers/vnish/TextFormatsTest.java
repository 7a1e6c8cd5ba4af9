package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The free-text formats Vnish reports: busybox uptime strings and firmware versions. */
class TextFormatsTest {

    @Test
    void uptimeTextInEveryShapeSeenOnRealMiners() {
        assertEquals(Duration.ofMinutes(6), UptimeText.parse("0:06"));
        assertEquals(Duration.ofHours(1), UptimeText.parse(" 1:00"));
        assertEquals(Duration.ofDays(9).plusHours(3).plusMinutes(58), UptimeText.parse("9 days,  3:58"));
        assertEquals(Duration.ofDays(1).plusMinutes(1), UptimeText.parse("1 day, 0:01"));
        assertEquals(Duration.ofMinutes(12), UptimeText.parse("12 min"));
    }

    @Test
    void uptimeTextOfUnknownShapeIsNotReported() {
        assertNull(UptimeText.parse("up a while"));
        assertNull(UptimeText.parse(""));
        assertNull(UptimeText.parse(null));
    }

    @Test
    void firmwareVersionsPickTheirRouteSet() {
        assertEquals(RouteSet.V1_2, RouteSet.of(FirmwareVersion.parse("1.2.0-beta10").orElseThrow()));
        assertEquals(RouteSet.V1_2, RouteSet.of(FirmwareVersion.parse("1.2.7").orElseThrow()));
        assertEquals(RouteSet.V1_3, RouteSet.of(FirmwareVersion.parse("1.3.0-alpha").orElseThrow()));
        assertEquals(RouteSet.V1_3, RouteSet.of(FirmwareVersion.parse("v1.3.4").orElseThrow()));
        assertEquals(RouteSet.V1_3, RouteSet.of(FirmwareVersion.parse("2.0").orElseThrow()));
        assertEquals(0, FirmwareVersion.parse("1.2").orElseThrow().patch());
        assertTrue(FirmwareVersion.parse("nightly").isEmpty());
        assertEquals(RouteSet.V1_2, RouteSet.of(null), "an unreadable version starts with the older routes");
    }
}
