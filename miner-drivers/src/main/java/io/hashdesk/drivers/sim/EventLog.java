package io.hashdesk.drivers.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One unit's firmware logs ({@code /logs/{type}}) and chart annotations ({@code /metrics} {@code annotations}), as
 * the simulation writes them: state changes, presets, autotune, reboots, faults, settings and API writes. Each log
 * keeps its last {@link FirmwareLimits#logLines()} lines and is allocated on its first line. Thread-safe: the
 * clock's thread writes while server threads read, write API lines and clear.
 */
public final class EventLog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

    /** The firmware's log files; {@code pool} and {@code hwscan} exist from 1.3 on. */
    public enum LogType {
        STATUS("status", false), MINER("miner", false), AUTOTUNE("autotune", false), POOL("pool", true),
        HWSCAN("hwscan", true), SYSTEM("system", false), MESSAGES("messages", false), API("api", false);

        private final String wireName;
        private final boolean since13;

        LogType(String wireName, boolean since13) {
            this.wireName = wireName;
            this.since13 = since13;
        }

        public String wireName() {
            return wireName;
        }

        public boolean keptBy(FirmwareVersion firmware) {
            return !since13 || firmware.boardsApi();
        }

        /** The log named {@code name} if this firmware keeps it. */
        public static Optional<LogType> parse(String name, FirmwareVersion firmware) {
            for (LogType type : values()) {
                if (type.wireName.equals(name) && type.keptBy(firmware)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public enum Level {
        INFO, WARN, ERROR
    }

    /** The firmware's {@code MinerEvent}s; board events end in {@code _chain} on 1.2.x, {@code _board} on 1.3.x. */
    public enum Event {
        START("start"), STOP("stop"), RESTART("restart"), REBOOT("reboot"), OVERHEAT("overheat"),
        DISABLE_BOARD("disable_%s"), ENABLE_BOARD("enable_%s");

        private final String pattern;

        Event(String pattern) {
            this.pattern = pattern;
        }

        public String wireName(FirmwareVersion firmware) {
            return String.format(Locale.ROOT, pattern, firmware.boardsApi() ? "board" : "chain");
        }
    }

    /** A chart annotation; {@code boardId} is 1-based, 0 when the event concerns the whole unit. */
    public record Annotation(Instant at, Event event, int boardId) {
    }

    private final FirmwareVersion firmware;
    private final int lineCapacity;
    private final TimedRing<Annotation> annotations;
    @SuppressWarnings("unchecked")
    private final TimedRing<String>[] logs = new TimedRing[LogType.values().length];

    EventLog(FirmwareVersion firmware, FirmwareLimits limits) {
        this.firmware = firmware;
        this.lineCapacity = limits.logLines();
        this.annotations = new TimedRing<>(limits.annotations());
    }

    /** Appends a line; lines for a log this firmware does not keep are dropped, as the firmware has no such file. */
    public synchronized void write(LogType type, Instant at, Level level, String text) {
        if (!type.keptBy(firmware)) {
            return;
        }
        TimedRing<String> log = logs[type.ordinal()];
        if (log == null) {
            log = new TimedRing<>(lineCapacity);
            logs[type.ordinal()] = log;
        }
        log.add(at.getEpochSecond(), level.name() + ": " + text);
    }

    synchronized void annotate(Instant at, Event event, int boardId) {
        annotations.add(at.getEpochSecond(), new Annotation(at, event, boardId));
    }

    /** The log as the firmware serves it: {@code [YYYY/MM/DD HH:MM:SS] LEVEL: text} lines in the unit's zone. */
    public synchronized String text(LogType type, ZoneOffset zone) {
        TimedRing<String> log = logs[type.ordinal()];
        if (log == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(log.size() * 64);
        for (int i = 0; i < log.size(); i++) {
            text.append('[').append(STAMP.format(Instant.ofEpochSecond(log.time(i)).atOffset(zone))).append("] ")
                    .append(log.item(i)).append('\n');
        }
        return text.toString();
    }

    public synchronized void clear(LogType type) {
        logs[type.ordinal()] = null;
    }

    /** Clearing the {@code *} log: every log, and the annotations drawn from them. */
    public synchronized void clearAll() {
        java.util.Arrays.fill(logs, null);
        annotations.clear();
    }

    /** Annotations at or after {@code from} and not after {@code to}, oldest first. */
    public synchronized List<Annotation> annotations(Instant from, Instant to) {
        List<Annotation> result = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            Annotation annotation = annotations.item(i);
            if (!annotation.at().isBefore(from) && !annotation.at().isAfter(to)) {
                result.add(annotation);
            }
        }
        return result;
    }

    /** The offset of a firmware time zone name: {@code GMT}, {@code GMT+3}, {@code GMT-11}. */
    public static ZoneOffset offsetOf(String zone) {
        if (zone == null || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.ofHours(Integer.parseInt(zone.substring("GMT".length())));
    }
}
