package io.hashdesk.core.polling;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The miners being polled and when each is due, kept in step with the registry. Finding the due miners costs
 * O(due · log n), not a scan of the fleet, so ticking every second stays cheap at 10,000 miners.
 *
 * <p>Used from the scheduler thread only.
 */
final class PollRoster {

    private static final Comparator<MinerState> BY_DUE =
            Comparator.comparing(MinerState::due).thenComparing(s -> s.miner().id());

    private final PollPolicy policy;
    private final Map<MinerId, MinerState> states = new HashMap<>();
    /**
     * Every current state is in the queue once; a superseded state stays in it until it surfaces and is
     * recognised as stale by identity, which is cheaper than removing it from the middle of the heap.
     */
    private final PriorityQueue<MinerState> queue = new PriorityQueue<>(BY_DUE);

    PollRoster(PollPolicy policy) {
        this.policy = policy;
    }

    /**
     * Brings the roster in line with the registry's list: new miners become due now, miners whose address or
     * credentials changed start afresh, miners no longer listed are dropped.
     *
     * @return the ids dropped
     */
    Set<MinerId> reconcile(Collection<Miner> registered, Instant now) {
        Set<MinerId> listed = new HashSet<>(registered.size() * 2);
        for (Miner miner : registered) {
            listed.add(miner.id());
            MinerState known = states.get(miner.id());
            if (known == null) {
                put(policy.admitted(miner, now));
            } else if (!sameConnection(known.miner(), miner)) {
                put(policy.reconfigured(known, miner, now));
            } else if (!known.miner().equals(miner)) {
                // Firmware or rack position changed: read it with the new record, on the same schedule.
                put(new MinerState(miner, known.due(), known.probeAt(), known.health()));
            }
        }
        Set<MinerId> dropped = new HashSet<>();
        states.keySet().removeIf(id -> !listed.contains(id) && dropped.add(id));
        return dropped;
    }

    /**
     * Removes and returns the miners due at {@code now}: those whose last poll failed first (their reads are the
     * likeliest to run into the deadline, so they should start first and overlap the healthy ones rather than hold
     * up the end of the tick), then the rest, most overdue first.
     */
    List<MinerState> takeDue(Instant now) {
        List<MinerState> failing = new ArrayList<>();
        List<MinerState> healthy = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().due().isAfter(now)) {
            MinerState head = queue.poll();
            if (states.get(head.miner().id()) == head) {
                (head.health() != null && head.health().consecutiveFailures() > 0 ? failing : healthy).add(head);
            }
        }
        failing.addAll(healthy);
        return failing;
    }

    /**
     * Records a miner's new state. A state for a miner dropped meanwhile is ignored, so a removed miner is not
     * brought back by its last poll.
     */
    void update(MinerState next) {
        if (states.containsKey(next.miner().id())) {
            put(next);
        }
    }

    /** Whether {@code miner} is still polled with the same address and credentials. */
    boolean isCurrent(Miner miner) {
        MinerState known = states.get(miner.id());
        return known != null && sameConnection(known.miner(), miner);
    }

    int size() {
        return states.size();
    }

    private void put(MinerState state) {
        states.put(state.miner().id(), state);
        queue.add(state);
    }

    private static boolean sameConnection(Miner a, Miner b) {
        return a.address().equals(b.address()) && Objects.equals(a.credentials(), b.credentials());
    }
}
