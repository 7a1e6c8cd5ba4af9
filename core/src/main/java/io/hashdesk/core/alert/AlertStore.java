package io.hashdesk.core.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The farm's alerts: raised, seen again, cleared and acknowledged. */
public interface AlertStore {

    /**
     * Applies one evaluation: a finding whose key has an open alert only moves its "last seen" (and takes the newer
     * message and severity); any other finding opens a new alert. Returns the alerts opened by this batch.
     */
    List<Alert> apply(AlertBatch batch);

    /** Every open alert (acknowledged or not), for the rules to carry on from after a restart. */
    List<Alert> open();

    /** The alerts a list shows, most urgent and newest first, at most {@code limit} of them. */
    List<Alert> list(AlertView view, int limit);

    /** How many alerts are open and not acknowledged: the number an operator still has to look at. */
    int unacknowledgedCount();

    /**
     * Marks alerts acknowledged by {@code operator}; alerts already acknowledged keep who did it first. Returns how
     * many were newly acknowledged.
     */
    int acknowledge(Collection<Long> alertIds, String operator, Instant at);
}
