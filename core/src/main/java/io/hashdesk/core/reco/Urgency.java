package io.hashdesk.core.reco;

/** How soon an operator should look at a recommendation, most urgent last (so {@code compareTo} ranks). */
public enum Urgency {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
