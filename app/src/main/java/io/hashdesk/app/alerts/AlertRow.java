package io.hashdesk.app.alerts;

import io.hashdesk.core.alert.AlertSeverity;

/**
 * One alert as the list shows it, already formatted.
 *
 * @param since    when it was raised, e.g. {@code 14:02 (12 min ago)}
 * @param status   what happened to it since: {@code Open}, {@code Acknowledged by maria 14:05}, {@code Cleared 14:30}
 */
public record AlertRow(long id, AlertSeverity severity, String miner, String kind, String message, String since,
                       String status) {
}
