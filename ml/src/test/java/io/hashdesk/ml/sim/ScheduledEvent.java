package io.hashdesk.ml.sim;

import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Something that happens to one simulated unit at a set time during a {@link SimulatedHistory}: a fault appears or is
 * repaired, an operator changes its settings, a technician cleans it. Events that stand for a condition the models
 * should find carry that {@link Condition}, which becomes a {@link FaultLabel}.
 */
public sealed interface ScheduledEvent {

    Instant at();

    String minerId();

    /** The fault appears at {@code at}; labelled with the condition the fault stands for. */
    record InjectFault(Instant at, String minerId, Fault fault) implements ScheduledEvent {
        public InjectFault {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(minerId, "minerId");
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** The fault of this type is repaired at {@code at}; its label ends there. */
    record ClearFault(Instant at, String minerId, Class<? extends Fault> type) implements ScheduledEvent {
        public ClearFault {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(minerId, "minerId");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The operator writes new settings. {@code condition} is what the change does to the unit when the scenario means
     * it as a fault (a manual voltage too low for its frequency is {@link Condition#BAD_VOLTAGE}), or {@code null} for
     * an ordinary change; a labelled condition lasts until the unit's next settings change.
     */
    record ChangeSettings(Instant at, String minerId, UnaryOperator<MinerSettings> change, Condition condition)
            implements ScheduledEvent {
        public ChangeSettings {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(minerId, "minerId");
            Objects.requireNonNull(change, "change");
        }
    }

    /** A technician blows the dust out; a {@link Condition#DUST} label on the unit ends here. */
    record CleanDust(Instant at, String minerId) implements ScheduledEvent {
        public CleanDust {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(minerId, "minerId");
        }
    }
}
