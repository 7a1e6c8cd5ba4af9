package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.pool.PoolSlot;
import io.hashdesk.core.pool.PoolStore;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePoolStoreTest {

    private static final PoolDefinition BTC = new PoolDefinition("main-btc", "Main BTC pool",
            PoolEndpoint.parse("stratum+tcp://btc.pool.example:3333"), "BTC", new PoolTerms(2.5, PayoutScheme.FPPS));
    private static final PoolDefinition BACKUP = new PoolDefinition("backup-btc", "Backup BTC pool",
            PoolEndpoint.parse("btc-backup.pool.example"), "BTC", new PoolTerms(0, PayoutScheme.PPLNS));
    private static final MinerId MINER = MinerId.of("s19-01");

    @TempDir
    Path dir;

    private SqliteFarmStore open() {
        return SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), Clock.systemUTC());
    }

    @Test
    void poolsAndPlansSurviveAReopen() {
        MinerPoolPlan plan = new MinerPoolPlan(MINER, List.of(new PoolSlot(0, "main-btc", "farm.s19-01"),
                new PoolSlot(1, "backup-btc", "farm.s19-01")));
        try (SqliteFarmStore store = open()) {
            store.pools().savePool(BTC);
            store.pools().savePool(BACKUP);
            store.pools().savePlan(plan);
        }
        try (SqliteFarmStore store = open()) {
            assertEquals(List.of(BACKUP, BTC), store.pools().pools());
            assertEquals(Optional.of(plan), store.pools().plan(MINER));
            assertEquals(List.of(plan), store.pools().plans());
        }
    }

    @Test
    void savingAPlanReplacesTheMinersWholePlan() {
        try (SqliteFarmStore store = open()) {
            PoolStore pools = store.pools();
            pools.savePool(BTC);
            pools.savePool(BACKUP);
            pools.savePlan(new MinerPoolPlan(MINER, List.of(new PoolSlot(0, "main-btc", "w"),
                    new PoolSlot(1, "backup-btc", "w"))));
            MinerPoolPlan onlyBackup = new MinerPoolPlan(MINER, List.of(new PoolSlot(0, "backup-btc", "w2")));

            pools.savePlan(onlyBackup);

            assertEquals(Optional.of(onlyBackup), pools.plan(MINER));
        }
    }

    @Test
    void aPlanNamingAnUnknownPoolIsRefusedAndTheOldPlanKept() {
        try (SqliteFarmStore store = open()) {
            PoolStore pools = store.pools();
            pools.savePool(BTC);
            MinerPoolPlan good = new MinerPoolPlan(MINER, List.of(new PoolSlot(0, "main-btc", "w")));
            pools.savePlan(good);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pools.savePlan(
                    new MinerPoolPlan(MINER, List.of(new PoolSlot(0, "main-btc", "w"), new PoolSlot(1, "nope", "w")))));

            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
            assertEquals(Optional.of(good), pools.plan(MINER));
        }
    }

    @Test
    void aPoolInUseCannotBeRemovedAndTheMessageNamesTheMiners() {
        try (SqliteFarmStore store = open()) {
            PoolStore pools = store.pools();
            pools.savePool(BTC);
            pools.savePool(BACKUP);
            pools.savePlan(new MinerPoolPlan(MINER, List.of(new PoolSlot(0, "main-btc", "w"))));

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pools.removePool("main-btc"));
            pools.removePool("backup-btc");

            assertTrue(e.getMessage().contains("s19-01"), e.getMessage());
            assertEquals(List.of(BTC), pools.pools());
        }
    }
}
