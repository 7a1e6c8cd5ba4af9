package io.hashdesk.app.miners;

import io.hashdesk.core.domain.MinerStatus;
import java.util.Locale;

/**
 * What the fleet table says a miner is doing: the poller's {@link MinerStatus}, plus "degraded" for a miner that
 * mines well below its rating and "never polled" for one registered but not yet read. Ordered worst first, so
 * sorting by status puts the miners that need a technician on top.
 */
public enum RowStatus {
    OFFLINE("Offline"),
    FAILURE("Failure"),
    AUTH_FAILED("Auth failed"),
    UNKNOWN("Unknown reply"),
    DEGRADED("Degraded"),
    STOPPED("Stopped"),
    STARTING("Starting"),
    NEVER_POLLED("Never polled"),
    MINING("Mining");

    private final String label;

    RowStatus(String label) {
        this.label = label;
    }

    /** The words shown in the table and written to CSV. */
    public String label() {
        return label;
    }

    /** The CSS class of a cell showing this status, e.g. {@code status-auth-failed}. */
    public String styleClass() {
        return "status-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RowStatus of(MinerStatus status, boolean belowRating) {
        return switch (status) {
            case MINING -> belowRating ? DEGRADED : MINING;
            case STARTING -> STARTING;
            case STOPPED -> STOPPED;
            case FAILURE -> FAILURE;
            case AUTH_FAILED -> AUTH_FAILED;
            case OFFLINE -> OFFLINE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
