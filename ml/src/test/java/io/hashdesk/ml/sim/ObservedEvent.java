package io.hashdesk.ml.sim;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;

/**
 * A failure as the readings (or the firmware's own chart annotations) first showed it, which may lag the moment the
 * simulator decided it: predictive models are scored on when an operator could have seen it.
 *
 * @param index the fan (0-based) or board (1-based) concerned, 0 for the whole unit
 */
public record ObservedEvent(MinerId miner, Kind kind, int index, Instant at) {

    public enum Kind {
        /** A fan first read 0 rpm or lost. */
        FAN_STOPPED,
        /** A board first reported state failure. */
        BOARD_FAILED,
        /** The firmware stopped hashing because a chip crossed the restart temperature. */
        OVERHEAT_SHUTDOWN
    }
}
