package io.hashdesk.app.detail;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a miner, as the event history lists it.
 *
 * @param text one sentence a technician reads, e.g. {@code Status Mining → Offline}
 */
public record MinerEvent(Instant at, Kind kind, Severity severity, String text) {

    /**
     * Where an event comes from. Events derived from telemetry are all there is today; the actions issue adds the
     * operator's actions (applied presets, restarts) as a further kind, merged into the same newest-first list.
     */
    public enum Kind { STATUS, HASHBOARDS, FANS, TEMPERATURE }

    /** How the list colours it: a recovery, something to look at, or something broken. */
    public enum Severity { GOOD, WARNING, PROBLEM }

    public MinerEvent {
        Objects.requireNonNull(at, "event time");
        Objects.requireNonNull(kind, "event kind");
        Objects.requireNonNull(severity, "event severity");
        Objects.requireNonNull(text, "event text");
    }
}
