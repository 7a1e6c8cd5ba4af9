package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults injected into one unit, their physical effects (a fan or board forced to fail, blocked airflow) and
 * the firmware protections that react to the unit's state: no mining without enough fans or with every board
 * gone, recovery once the cause is repaired, and the reboot loop. Wire faults are only listed here; the server
 * acts on them.
 */
final class UnitFaults {

    private static final String FAN_LOST = "Fan lost";
    private static final String NO_BOARDS = "No hashboards detected";

    private final UnitPhysics unit;
    private final long seed;
    private final List<Fault> faults = new ArrayList<>();
    private double resistanceFactor = 1;

    UnitFaults(UnitPhysics unit, long seed) {
        this.unit = unit;
        this.seed = seed;
    }

    /** Adds a fault, replacing one of the same kind. */
    void inject(Fault fault, Instant now) {
        clear(fault.getClass(), now);
        faults.add(fault);
        switch (fault) {
            case Fault.FanFailure(int fan) -> unit.fans().forceLost(fan, now);
            case Fault.HashboardFailure(int board) -> unit.board(board - 1).forceFailure(now);
            case Fault.Overheating(double factor) -> resistanceFactor = factor;
            default -> {
            }
        }
    }

    /** Removes the faults of this kind, repairing what they broke; returns those removed. */
    List<Fault> clear(Class<? extends Fault> type, Instant now) {
        List<Fault> removed = new ArrayList<>();
        for (Fault fault : List.copyOf(faults)) {
            if (!type.isInstance(fault)) {
                continue;
            }
            faults.remove(fault);
            removed.add(fault);
            switch (fault) {
                case Fault.FanFailure(int fan) -> unit.fans().replace(fan, now);
                case Fault.HashboardFailure(int board) -> unit.board(board - 1).replace(now, seed,
                        unit.physics().common());
                case Fault.Overheating _ -> resistanceFactor = 1;
                default -> {
                }
            }
        }
        return removed;
    }

    List<Fault> all() {
        return List.copyOf(faults);
    }

    boolean any(Class<? extends Fault> type) {
        return faults.stream().anyMatch(type::isInstance);
    }

    /** Extra thermal resistance from an overheating fault (1 = none). */
    double resistanceFactor() {
        return resistanceFactor;
    }

    /** What the firmware does about the unit's state before a step: reboot loop, failure, recovery. */
    void protect(Lifecycle lifecycle, MinerSettings.Cooling cooling, Instant now) {
        MinerState state = lifecycle.state();
        if (state == MinerState.OFFLINE) {
            return;
        }
        for (Fault fault : faults) {
            if (fault instanceof Fault.RebootLoop(long upSeconds)
                    && Duration.between(lifecycle.bootedAt(), now).toSeconds() >= upSeconds) {
                lifecycle.rebootNow(now);
                return;
            }
        }
        boolean fansShort = cooling.mode() != MinerSettings.FanMode.IMMERSION
                && unit.fans().working(now) < cooling.fanMinCount();
        boolean noBoards = true;
        for (int b = 0; b < unit.boardCount(); b++) {
            noBoards &= unit.board(b).failed(now);
        }
        boolean running = state.hashing() || state == MinerState.INITIALIZING || state == MinerState.STARTING;
        if (running && (fansShort || noBoards)) {
            lifecycle.fail(now, fansShort ? FAN_LOST : NO_BOARDS);
        } else if (state == MinerState.FAILURE && !fansShort && !noBoards) {
            lifecycle.recover(now);
        }
    }
}
