package io.hashdesk.app.miners;

import java.util.function.Function;

/** How the fleet table keeps miners together: not at all, by room (they share air) or by model (they share limits). */
public enum FleetGrouping {
    NONE("No grouping", row -> ""),
    ROOM("Group by room", MinerRow::roomId),
    MODEL("Group by model", MinerRow::modelName);

    private final String label;
    private final Function<MinerRow, String> key;

    FleetGrouping(String label, Function<MinerRow, String> key) {
        this.label = label;
        this.key = key;
    }

    public String label() {
        return label;
    }

    /** The group a row belongs to; the same empty key for every row when not grouping. */
    String keyOf(MinerRow row) {
        return key.apply(row);
    }

    @Override
    public String toString() {
        return label;
    }
}
