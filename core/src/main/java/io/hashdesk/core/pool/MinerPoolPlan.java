package io.hashdesk.core.pool;

import io.hashdesk.core.domain.MinerId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The pools a miner should mine on, first choice first. */
public record MinerPoolPlan(MinerId miner, List<PoolSlot> slots) {

    /** Vnish, like the stock Antminer firmware, takes three pools. */
    public static final int MAX_POOLS = 3;

    public MinerPoolPlan {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(slots, "pool slots");
        if (slots.isEmpty() || slots.size() > MAX_POOLS) {
            throw new IllegalArgumentException("Miner " + miner + " takes 1–" + MAX_POOLS + " pools, got "
                    + slots.size());
        }
        Set<Integer> priorities = new HashSet<>();
        for (PoolSlot slot : slots) {
            if (!priorities.add(slot.priority())) {
                throw new IllegalArgumentException("Miner " + miner + " has two pools at priority " + slot.priority());
            }
        }
        slots = slots.stream().sorted(Comparator.comparingInt(PoolSlot::priority)).toList();
    }

    /** The pool the miner should be on when all its pools are up. */
    public PoolSlot first() {
        return slots.getFirst();
    }
}
