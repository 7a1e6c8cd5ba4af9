package io.hashdesk.ml.sim;

import io.hashdesk.drivers.sim.Fault;

/** What is wrong with a unit, as the labels of a {@link SimulatedHistory} name it. */
public enum Condition {
    /** A fan stopped (injected, or a worn fan reaching the end of its life). */
    FAN_FAILURE,
    /** A hashboard failed (injected, or a board reaching its seeded failure time). */
    HASHBOARD_FAILURE,
    /** Airflow blocked or a hot aisle: an injected {@link Fault.Overheating}. */
    OVERHEATING,
    /** Heat sinks clogged with dust (set up in the blueprint, ended by a cleaning). */
    DUST,
    /** A manual voltage too low for the frequency: the chips err. */
    BAD_VOLTAGE,
    /** A fault that is not physical (wire faults, reboot loops). */
    OTHER;

    /** The condition an injected fault stands for. */
    static Condition of(Fault fault) {
        return switch (fault) {
            case Fault.FanFailure _ -> FAN_FAILURE;
            case Fault.HashboardFailure _ -> HASHBOARD_FAILURE;
            case Fault.Overheating _ -> OVERHEATING;
            default -> OTHER;
        };
    }
}
