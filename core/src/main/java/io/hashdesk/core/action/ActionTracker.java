package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one action's miners' states: each move journalled first, then told to the listener with fresh counts. Also
 * decides the action's final state from its miners'.
 */
final class ActionTracker {

    private final String actionId;
    private final ActionContext context;
    private final ActionListener listener;
    private final Map<MinerId, MinerState> states = new LinkedHashMap<>();
    private final Map<MinerId, Integer> stepCounts = new LinkedHashMap<>();
    private ActionState actionState;

    ActionTracker(String actionId, ActionContext context, ActionListener listener, Iterable<MinerRecord> miners,
                  ActionState actionState) {
        this.actionId = actionId;
        this.context = context;
        this.listener = listener;
        this.actionState = actionState;
        for (MinerRecord miner : miners) {
            states.put(miner.miner(), miner.state());
            stepCounts.put(miner.miner(), miner.steps().size());
        }
    }

    String actionId() {
        return actionId;
    }

    void miner(MinerId miner, MinerState state, int stepReached, String message) {
        context.journal().minerState(actionId, miner, state, stepReached, message, context.clock().instant());
        MinerProgress progress = new MinerProgress(miner, state, stepReached, stepCounts.getOrDefault(miner, 0),
                message);
        ActionProgress update;
        synchronized (this) {
            states.put(miner, state);
            update = new ActionProgress(actionId, actionState, Optional.of(progress), counts());
        }
        listener.progress(update);
    }

    void action(ActionState state, String message) {
        context.journal().actionState(actionId, state, message, context.clock().instant());
        ActionProgress update;
        synchronized (this) {
            actionState = state;
            update = new ActionProgress(actionId, state, Optional.empty(), counts());
        }
        listener.progress(update);
    }

    synchronized MinerState stateOf(MinerId miner) {
        return states.get(miner);
    }

    /** The action's final state from its miners' (the caller says whether the operator cancelled it). */
    synchronized ActionState outcome(boolean cancelled) {
        Map<MinerState, Integer> counts = counts();
        if (states.values().stream().anyMatch(s -> !s.finished())) {
            return ActionState.NEEDS_RECOVERY;
        }
        if (counts.containsKey(MinerState.FAILED)) {
            return ActionState.FAILED;
        }
        int kept = counts.getOrDefault(MinerState.KEPT, 0);
        int rolledBack = counts.getOrDefault(MinerState.ROLLED_BACK, 0);
        if (cancelled) {
            return kept == 0 ? ActionState.CANCELLED : ActionState.PARTLY_ROLLED_BACK;
        }
        if (kept > 0) {
            return rolledBack > 0 ? ActionState.PARTLY_ROLLED_BACK : ActionState.KEPT;
        }
        return rolledBack > 0 ? ActionState.ROLLED_BACK : ActionState.FAILED;
    }

    /** One line for the journal: how many miners ended in each state. */
    synchronized String summary() {
        StringBuilder out = new StringBuilder();
        counts().forEach((state, count) -> out.append(out.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(state.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return out.toString();
    }

    private Map<MinerState, Integer> counts() {
        Map<MinerState, Integer> counts = new EnumMap<>(MinerState.class);
        states.values().forEach(state -> counts.merge(state, 1, Integer::sum));
        return counts;
    }
}
