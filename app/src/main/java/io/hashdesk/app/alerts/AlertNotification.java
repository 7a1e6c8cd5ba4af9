package io.hashdesk.app.alerts;

import io.hashdesk.core.alert.AlertSeverity;

/** One pop-up: a title, a sentence, and how urgent it looks. */
public record AlertNotification(String title, String text, AlertSeverity severity) {
}
