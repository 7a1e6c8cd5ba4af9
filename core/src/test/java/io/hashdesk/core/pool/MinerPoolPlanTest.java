package io.hashdesk.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinerPoolPlanTest {

    private static final MinerId MINER = MinerId.of("s19-01");

    @Test
    void slotsAreKeptFirstChoiceFirstWhateverOrderTheyCameIn() {
        MinerPoolPlan plan = new MinerPoolPlan(MINER, List.of(new PoolSlot(2, "c", "acct.w1"),
                new PoolSlot(0, "a", "acct.w1"), new PoolSlot(1, "b", "acct.w1")));
        assertEquals(List.of("a", "b", "c"), plan.slots().stream().map(PoolSlot::poolId).toList());
        assertEquals("a", plan.first().poolId());
    }

    @Test
    void aPlanTakesOneToThreePoolsEachAtItsOwnPriority() {
        assertThrows(IllegalArgumentException.class, () -> new MinerPoolPlan(MINER, List.of()));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new MinerPoolPlan(MINER,
                List.of(new PoolSlot(0, "a", "w"), new PoolSlot(0, "b", "w"))));
        assertTrue(twice.getMessage().contains("priority 0"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PoolSlot(3, "d", "w"));
        assertThrows(IllegalArgumentException.class, () -> new PoolSlot(0, "a", " "));
    }
}
