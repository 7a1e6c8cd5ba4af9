package io.hashdesk.core.alert;

import java.util.Objects;

/**
 * A condition a rule found on a miner, to raise or keep open an alert.
 *
 * @param message one plain sentence with the figures, e.g. {@code Chip temperature 91 °C is at or above the 85 °C limit.}
 */
public record AlertFinding(AlertKey key, AlertSeverity severity, String message) {

    public AlertFinding {
        Objects.requireNonNull(key, "alert key");
        Objects.requireNonNull(severity, "severity");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("An alert needs a message");
        }
    }
}
