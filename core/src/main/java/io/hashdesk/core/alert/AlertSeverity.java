package io.hashdesk.core.alert;

/** How urgent an alert is: a critical one costs hashrate or hardware now, a warning one costs some of it over time. */
public enum AlertSeverity {
    WARNING,
    CRITICAL
}
