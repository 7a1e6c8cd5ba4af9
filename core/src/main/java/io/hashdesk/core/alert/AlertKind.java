package io.hashdesk.core.alert;

import java.util.Arrays;

/**
 * What an alert is about. The code is what the store persists, so codes never change meaning once released.
 */
public enum AlertKind {
    OFFLINE(1, "Offline", AlertSeverity.CRITICAL),
    OVERHEATING(2, "Overheating", AlertSeverity.CRITICAL),
    FAN_FAILURE(3, "Fan failure", AlertSeverity.CRITICAL),
    HASHBOARD_LOST(4, "Hashboard lost", AlertSeverity.WARNING),
    LOW_HASHRATE(5, "Low hashrate", AlertSeverity.WARNING);

    private final int code;
    private final String title;
    private final AlertSeverity severity;

    AlertKind(int code, String title, AlertSeverity severity) {
        this.code = code;
        this.title = title;
        this.severity = severity;
    }

    /** The persisted code. */
    public int code() {
        return code;
    }

    /** How an operator names it, e.g. {@code Fan failure}. */
    public String title() {
        return title;
    }

    /** How urgent an alert of this kind is. */
    public AlertSeverity severity() {
        return severity;
    }

    public static AlertKind ofCode(int code) {
        return Arrays.stream(values()).filter(k -> k.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown alert kind code " + code));
    }
}
