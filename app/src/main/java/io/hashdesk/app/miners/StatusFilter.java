package io.hashdesk.app.miners;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A choice in the fleet table's status filter: every miner, the ones that need a technician, or one status.
 *
 * @param label what the filter box shows
 */
public record StatusFilter(String label, Predicate<MinerRow> test) {

    public static final StatusFilter ALL = new StatusFilter("All statuses", row -> true);
    /** Not mining at full rate, or not heard from recently: the technician's to-do list. */
    public static final StatusFilter NEEDS_ATTENTION = new StatusFilter("Needs attention",
            row -> row.stale() || row.status() != RowStatus.MINING);

    /** Every choice, in the order the filter box lists them. */
    public static List<StatusFilter> choices() {
        List<StatusFilter> choices = new ArrayList<>(List.of(ALL, NEEDS_ATTENTION));
        for (RowStatus status : RowStatus.values()) {
            choices.add(new StatusFilter(status.label(), row -> row.status() == status));
        }
        return List.copyOf(choices);
    }

    @Override
    public String toString() {
        return label;
    }
}
