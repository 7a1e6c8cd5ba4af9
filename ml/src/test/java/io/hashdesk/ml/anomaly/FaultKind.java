package io.hashdesk.ml.anomaly;

/**
 * The faults the anomaly evaluation plants, coarse and subtle, as the simulator produces them. {@link #visibleFrom}
 * says when each one counts as present: from its injection for a step change, from the start for a worn fan (the
 * blueprint's fan is already sagging on day 0), and for dust from the moment the simulator's ground truth puts the
 * unit's extra thermal resistance over {@link AnomalyScenario#DUST_VISIBLE_GAIN}.
 */
enum FaultKind {
    /** A fan stops ({@code Fault.FanFailure}): the firmware halts the unit. */
    STOPPED_FAN("fan stopped"),
    /** A fan near the end of its life ({@code MinerBlueprint.WornFan}): its rpm sags, the others make up for it. */
    WORN_FAN("fan worn (rpm sagging, not yet failed)"),
    /** Airflow blocked ({@code Fault.Overheating} × 1.5): overheat shutdowns and restarts. */
    BLOCKED_AIRFLOW("airflow blocked (thermal resistance × 1.5)"),
    /** A partly blocked intake or a hot aisle ({@code Fault.Overheating} × 1.15): fans work harder, chips run warmer. */
    MILD_OVERHEATING("airflow partly blocked (× 1.15)"),
    /** Dust gathering fast ({@code dustRatePerDay} well above 1): thermal resistance climbing day by day. */
    DUST("dust gathering"),
    /** A hashboard fails ({@code Fault.HashboardFailure}). */
    DEAD_BOARD("hashboard failed"),
    /** A manual voltage well under what the chips need: errors of a few percent. */
    LOW_VOLTAGE("voltage far too low"),
    /** A manual voltage a little under what the chips need: more hardware errors, hashing on. */
    MILD_LOW_VOLTAGE("voltage slightly too low");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
