package io.hashdesk.app.common;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.util.StringConverter;

/** Tick labels for a time axis in epoch seconds: the local wall-clock time, in the format given. */
public final class LocalTimeLabels extends StringConverter<Number> {

    private final DateTimeFormatter format;

    /** @param format with the zone to show the time in */
    public LocalTimeLabels(DateTimeFormatter format) {
        this.format = format;
    }

    @Override
    public String toString(Number epochSecond) {
        return format.format(Instant.ofEpochSecond(epochSecond.longValue()));
    }

    @Override
    public Number fromString(String text) {
        throw new UnsupportedOperationException("the time axis is not edited");
    }
}
