package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A unit's logs: the firmware's line format, a bound per log, logs only the firmware line has. */
class EventLogTest {

    private static final Instant AT = Instant.parse("2026-11-23T06:07:08Z");
    private static final FirmwareLimits LIMITS = new FirmwareLimits(60, 240, 900, 288, 86_400, 259_200, 900, 3,
            5, 32, 4096, 16, 10, 0.02);

    @Test
    void linesCarryTheUnitsLocalTimeAndLevel() {
        EventLog log = new EventLog(FirmwareVersion.of("1.2.7"), LIMITS);
        log.write(EventLog.LogType.STATUS, AT, EventLog.Level.INFO, "Mining stopped");
        assertEquals("[2026/11/23 09:07:08] INFO: Mining stopped\n",
                log.text(EventLog.LogType.STATUS, EventLog.offsetOf("GMT+3")));
        assertEquals("", log.text(EventLog.LogType.MINER, ZoneOffset.UTC));
    }

    @Test
    void eachLogKeepsItsLastLinesAndClearsAlone() {
        EventLog log = new EventLog(FirmwareVersion.of("1.3.4"), LIMITS);
        for (int i = 0; i < 12; i++) {
            log.write(EventLog.LogType.MINER, AT.plusSeconds(i), EventLog.Level.WARN, "line " + i);
        }
        log.write(EventLog.LogType.POOL, AT, EventLog.Level.INFO, "connected");
        String miner = log.text(EventLog.LogType.MINER, ZoneOffset.UTC);
        assertEquals(5, miner.lines().count());
        assertTrue(miner.startsWith("[2026/11/23 06:07:15] WARN: line 7"), miner);
        log.clear(EventLog.LogType.MINER);
        assertEquals("", log.text(EventLog.LogType.MINER, ZoneOffset.UTC));
        assertFalse(log.text(EventLog.LogType.POOL, ZoneOffset.UTC).isEmpty(), "other logs stay");
    }

    @Test
    void firmware12KeepsNoPoolOrHwscanLog() {
        EventLog log = new EventLog(FirmwareVersion.of("1.2.7"), LIMITS);
        log.write(EventLog.LogType.POOL, AT, EventLog.Level.INFO, "connected");
        assertEquals("", log.text(EventLog.LogType.POOL, ZoneOffset.UTC));
        assertTrue(EventLog.LogType.parse("pool", FirmwareVersion.of("1.2.7")).isEmpty());
        assertTrue(EventLog.LogType.parse("hwscan", FirmwareVersion.of("1.3.4")).isPresent());
    }

    @Test
    void annotationsAreBoundedAndSpelledPerFirmwareLine() {
        EventLog log = new EventLog(FirmwareVersion.of("1.2.7"), LIMITS);
        for (int i = 0; i < 5; i++) {
            log.annotate(AT.plusSeconds(i), EventLog.Event.DISABLE_BOARD, 2);
        }
        assertEquals(3, log.annotations(AT, AT.plusSeconds(10)).size());
        assertEquals(1, log.annotations(AT.plusSeconds(4), AT.plusSeconds(10)).size());
        assertEquals("disable_chain", EventLog.Event.DISABLE_BOARD.wireName(FirmwareVersion.of("1.2.7")));
        assertEquals("disable_board", EventLog.Event.DISABLE_BOARD.wireName(FirmwareVersion.of("1.3.4")));
        log.clearAll();
        assertTrue(log.annotations(AT, AT.plusSeconds(10)).isEmpty());
    }
}
