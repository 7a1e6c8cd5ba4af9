package io.hashdesk.ml.sim;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.sim.EventLog;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notes when each failure first shows in the polled readings: a fan the firmware reports lost, a board in state failure,
 * and the firmware's overheat annotations between two polls (an overheat cooldown can start and end between polls).
 * A part that recovers (repaired) and fails again is noted again.
 */
final class FailureWatch {

    private final Map<String, boolean[]> fanDown = new HashMap<>();
    private final Map<String, boolean[]> boardDown = new HashMap<>();
    private final List<ObservedEvent> events = new ArrayList<>();

    FailureWatch(List<SimulatedMiner> miners) {
        for (SimulatedMiner miner : miners) {
            fanDown.put(miner.id(), new boolean[miner.model().fans()]);
            boardDown.put(miner.id(), new boolean[miner.model().boards()]);
        }
    }

    /** Looks at one poll's reading; {@code previousPoll} bounds the annotations read (exclusive). */
    void look(SimulatedMiner miner, MinerReading r, Instant previousPoll) {
        MinerId id = MinerId.of(miner.id());
        if (!miner.reachable()) {
            return;
        }
        boolean[] fans = fanDown.get(miner.id());
        for (MinerReading.FanReading fan : r.fans()) {
            // The firmware's own verdict; 0 rpm alone also happens to every fan in immersion mode.
            boolean down = fan.lost();
            if (fan.id() < fans.length) {
                if (down && !fans[fan.id()]) {
                    events.add(new ObservedEvent(id, ObservedEvent.Kind.FAN_STOPPED, fan.id(), r.at()));
                }
                fans[fan.id()] = down;
            }
        }
        boolean[] boards = boardDown.get(miner.id());
        for (MinerReading.BoardReading board : r.boards()) {
            int slot = board.id() - 1;
            boolean down = board.state() == MinerReading.BoardState.FAILURE;
            if (slot < boards.length) {
                if (down && !boards[slot]) {
                    events.add(new ObservedEvent(id, ObservedEvent.Kind.BOARD_FAILED, board.id(), r.at()));
                }
                boards[slot] = down;
            }
        }
        for (EventLog.Annotation a : miner.log().annotations(previousPoll.plusNanos(1), r.at())) {
            if (a.event() == EventLog.Event.OVERHEAT) {
                events.add(new ObservedEvent(id, ObservedEvent.Kind.OVERHEAT_SHUTDOWN, 0, a.at()));
            }
        }
    }

    List<ObservedEvent> events() {
        return List.copyOf(events);
    }
}
