package io.hashdesk.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.MinerId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualRollbackTest {

    @TempDir
    Path dir;
    private ActionFarm farm;

    @BeforeEach
    void openFarm() {
        farm = new ActionFarm(dir);
        farm.addMiner("m1", "room-a");
        farm.addMiner("m2", "room-b");
    }

    @AfterEach
    void closeFarm() {
        farm.close();
    }

    @Test
    void rollsBackAnAppliedActionAsANewJournalledAndAuditedAction() throws Exception {
        PoolTarget other = new PoolTarget("other.example.org:700", "farm.w1", "other-pass");
        SettingChange pools = new SettingChange(MinerId.of("m1"), ActionFarm.MODEL,
                SettingValues.none().withPools(ActionFarm.stock().pools()), SettingValues.none().withPools(
                List.of(other)).withThrottle(80));
        ActionPlan applied = farm.plan(pools, ActionFarm.clocks("m2", 700, 13.8));
        assertThat(farm.run(applied)).isEqualTo(ActionState.KEPT);

        ActionPlan rollback = farm.executor.planRollBack(applied.id(), "operator-bob");
        ActionState state = farm.run(rollback);

        assertThat(state).isEqualTo(ActionState.KEPT);
        assertThat(rollback.rollsBackActionId()).contains(applied.id());
        assertThat(rollback.requestedBy()).isEqualTo("operator-bob");
        assertThat(farm.settingsOf("m1")).isEqualTo(ActionFarm.stock());
        assertThat(farm.settingsOf("m1").pools().getFirst().password()).isEqualTo(ActionFarm.POOL_PASSWORD);
        assertThat(farm.settingsOf("m2")).isEqualTo(ActionFarm.stock());
        assertThat(farm.journal().action(rollback.id()).orElseThrow().rollsBackActionId()).contains(applied.id());
        assertThat(farm.journal().audit(AuditQuery.ofAction(rollback.id(), 10)))
                .isNotEmpty().allMatch(e -> e.actor().equals("operator-bob"));
        assertThat(farm.journal().plan(rollback.id()).orElseThrow().changes()).hasSize(2);
    }

    @Test
    void skipsAMinerChangedSinceBySomeoneElse() throws Exception {
        ActionPlan applied = farm.plan(ActionFarm.clocks("m1", 700, 13.8), ActionFarm.clocks("m2", 700, 13.8));
        farm.run(applied);
        FakeMinerPort.FakeMiner m2 = farm.port.miner(MinerId.of("m2"));
        m2.settings = m2.settings.withClocks(650, 13.8);

        ActionPlan rollback = farm.executor.planRollBack(applied.id(), "operator-bob");
        farm.run(rollback);

        assertThat(rollback.change(MinerId.of("m2")).orElseThrow().refusals()).singleElement().asString()
                .contains("changed since by someone else", "frequency read back as 650 MHz");
        assertThat(farm.minerRecord(rollback.id(), "m2").state()).isEqualTo(MinerState.REFUSED);
        assertThat(farm.settingsOf("m2").frequencyMhz()).isEqualTo(650);
        assertThat(farm.settingsOf("m1")).isEqualTo(ActionFarm.stock());
    }

    @Test
    void anActionWithNothingKeptCannotBeRolledBack() throws Exception {
        ActionPlan refused = farm.plan(ActionFarm.clocks("m1", 900, 13.8));
        farm.run(refused);

        assertThatThrownBy(() -> farm.executor.planRollBack(refused.id(), "bob"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing to roll back");
        assertThatThrownBy(() -> farm.executor.planRollBack("act-missing", "bob"))
                .hasMessageContaining("no action act-missing");
    }
}
