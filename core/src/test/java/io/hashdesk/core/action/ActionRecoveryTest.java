package io.hashdesk.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the executor at every point of a run (a port call that throws an Error, before or after it takes effect),
 * reopens the store and recovers: every miner must end at its old or its new settings with the journal saying which.
 */
class ActionRecoveryTest {

    private static final SettingValues NEW = SettingValues.none().withClocks(700, 13.8);

    @TempDir
    Path root;

    /**
     * Two miners (one healthy, one that overheats at its new settings) so both the keep and the rollback path are cut;
     * one at a time, so every run makes the same calls in the same order.
     */
    private static ActionFarm scenario(Path dir) {
        ActionFarm farm = new ActionFarm(dir, ActionFarm.oneAtATime());
        farm.addMiner("good", "room-a");
        farm.addMiner("hot", "room-a").health = s -> Integer.valueOf(700).equals(s.frequencyMhz())
                ? new FakeMinerPort.Health(100, 84, 0, MinerStatus.MINING) : FakeMinerPort.Health.FINE;
        return farm;
    }

    private static ActionPlan plan(ActionFarm farm) {
        return farm.plan(ActionFarm.clocks("good", 700, 13.8), ActionFarm.clocks("hot", 700, 13.8));
    }

    @TestFactory
    Stream<DynamicTest> everyMinerEndsAtItsOldOrNewSettingsAfterACrashAtAnyPoint() throws Exception {
        int calls;
        try (ActionFarm dry = scenario(Files.createTempDirectory(root, "dry"))) {
            ActionPlan dryPlan = plan(dry);
            ActionState dryState = dry.run(dryPlan);
            assertThat(dryState).as(dry.journal().miners(dryPlan.id()).toString()).isEqualTo(ActionState.PARTLY_ROLLED_BACK);
            calls = dry.port.calls();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int call = 1; call <= calls; call++) {
            for (boolean afterEffect : new boolean[] {false, true}) {
                int k = call;
                tests.add(DynamicTest.dynamicTest("crash at call " + k + (afterEffect ? " after" : " before")
                        + " it took effect", () -> crashAndRecover(k, afterEffect)));
            }
        }
        return tests.stream();
    }

    private void crashAndRecover(int call, boolean afterEffect) throws Exception {
        try (ActionFarm farm = scenario(Files.createTempDirectory(root, "crash"))) {
            ActionPlan plan = plan(farm);
            farm.port.crashAtCall(call, afterEffect);
            assertThatThrownBy(() -> farm.executor.start(plan, ActionListener.NONE).completion()
                    .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(FakeMinerPort.SimulatedCrash.class);

            farm.close();
            farm.open();
            assertThat(farm.journal().unfinished()).extracting(ActionRecord::id).containsExactly(plan.id());
            farm.recovery().recover();

            assertThat(farm.journal().action(plan.id()).orElseThrow().state().finished()).isTrue();
            for (MinerRecord miner : farm.journal().miners(plan.id())) {
                SettingValues actual = farm.settingsOf(miner.miner().value());
                switch (miner.state()) {
                    case KEPT -> assertThat(actual).isEqualTo(FakeMinerPort.apply(ActionFarm.stock(), NEW));
                    case ROLLED_BACK, SKIPPED -> assertThat(actual).as(miner.message())
                            .isEqualTo(ActionFarm.stock());
                    default -> throw new AssertionError(miner.miner() + " ended " + miner.state() + ": "
                            + miner.message());
                }
            }
        }
    }

    @Test
    void aMinerUnreachableAtRecoveryStaysForTheNextRecovery() throws Exception {
        try (ActionFarm farm = scenario(root)) {
            ActionPlan plan = plan(farm);
            farm.port.crashAtCall(7, true);
            assertThatThrownBy(() -> farm.run(plan)).hasCauseInstanceOf(FakeMinerPort.SimulatedCrash.class);
            farm.port.miner(MinerId.of("good")).unreachable = true;

            farm.recovery().recover();

            assertThat(farm.journal().action(plan.id()).orElseThrow().state()).isEqualTo(ActionState.NEEDS_RECOVERY);
            assertThat(farm.minerRecord(plan.id(), "good").state()).isEqualTo(MinerState.UNREACHABLE);

            farm.port.miner(MinerId.of("good")).unreachable = false;
            List<ActionRecord> again = farm.recovery().recover();

            assertThat(again).singleElement().extracting(ActionRecord::state).isNotEqualTo(ActionState.NEEDS_RECOVERY);
            assertThat(farm.minerRecord(plan.id(), "good").state()).isIn(MinerState.ROLLED_BACK, MinerState.SKIPPED);
            assertThat(farm.settingsOf("good")).isEqualTo(ActionFarm.stock());
        }
    }

    @Test
    void resumeWatchKeepsAHealthyMinerFoundAtItsNewSettings() throws Exception {
        ActionSettings resume = ActionSettings.defaults();
        resume = new ActionSettings(resume.minersAtOnce(), resume.minersAtOncePerRoom(), resume.stepSizes(),
                resume.readBackTolerances(), resume.settleTime(), resume.watchWindow(), resume.observeEvery(),
                resume.hashrateGrace(), resume.rollbackWhen(), resume.retries(), resume.retryDelay(),
                resume.restoreWait(), resume.writesPerMinerPerHour(), ActionSettings.RecoveryChoice.RESUME_WATCH,
                resume.recoveryRetryEvery(), resume.operatorLimits());
        try (ActionFarm farm = new ActionFarm(root, resume)) {
            farm.addMiner("good", "room-a");
            ActionPlan plan = farm.plan(ActionFarm.clocks("good", 700, 13.8));
            // read, observe, backup, write 1, write 2, verify read, then the first watch observation crashes
            farm.port.crashAtCall(7, false);
            assertThatThrownBy(() -> farm.run(plan)).hasCauseInstanceOf(FakeMinerPort.SimulatedCrash.class);
            assertThat(farm.minerRecord(plan.id(), "good").state()).isEqualTo(MinerState.WATCHING);

            farm.recovery().recover();

            assertThat(farm.minerRecord(plan.id(), "good").state()).isEqualTo(MinerState.KEPT);
            assertThat(farm.settingsOf("good").frequencyMhz()).isEqualTo(700);
        }
    }

    @Test
    void byDefaultAMinerFoundAtItsNewSettingsBeforeItsWatchEndedIsRolledBack() throws Exception {
        try (ActionFarm farm = new ActionFarm(root)) {
            farm.addMiner("good", "room-a");
            ActionPlan plan = farm.plan(ActionFarm.clocks("good", 700, 13.8));
            farm.port.crashAtCall(7, false);
            assertThatThrownBy(() -> farm.run(plan)).hasCauseInstanceOf(FakeMinerPort.SimulatedCrash.class);

            farm.recovery().recover();

            MinerRecord good = farm.minerRecord(plan.id(), "good");
            assertThat(good.state()).isEqualTo(MinerState.ROLLED_BACK);
            assertThat(good.message()).contains("found at its new settings after a restart");
            assertThat(farm.settingsOf("good")).isEqualTo(ActionFarm.stock());
        }
    }

    @Test
    void poolPasswordsAreNeverStoredInClear() throws Exception {
        String newPassword = "new-pool-secret-77";
        try (ActionFarm farm = new ActionFarm(root)) {
            farm.addMiner("good", "room-a").health = s -> s.pools().getFirst().url().contains("other")
                    ? new FakeMinerPort.Health(10, 70, 0, MinerStatus.MINING) : FakeMinerPort.Health.FINE;
            SettingChange switchPool = new SettingChange(MinerId.of("good"), ActionFarm.MODEL,
                    SettingValues.none().withPools(ActionFarm.stock().pools()), SettingValues.none().withPools(
                    List.of(new PoolTarget("other.example.org:700", "farm.w1", newPassword))));
            ActionPlan plan = farm.plan(switchPool);

            assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);

            // rolled back with the old password, which only the encrypted journal and memory held
            assertThat(farm.settingsOf("good").pools().getFirst().password()).isEqualTo(ActionFarm.POOL_PASSWORD);
            assertThat(farm.journal().settingsBefore(plan.id(), MinerId.of("good")).orElseThrow().pools()
                    .getFirst().password()).isEqualTo(ActionFarm.POOL_PASSWORD);
            assertThat(farm.journal().audit(AuditQuery.ofAction(plan.id(), 10)))
                    .allSatisfy(e -> assertThat(e.toString()).doesNotContain(newPassword, ActionFarm.POOL_PASSWORD));
            assertThat(farm.journal().backup(plan.id(), MinerId.of("good"))).isPresent();
            assertThat(databaseText(root)).doesNotContain(newPassword).doesNotContain(ActionFarm.POOL_PASSWORD)
                    .doesNotContain("archive of good");
        }
    }

    private static String databaseText(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("farm.db")).toList()) {
                text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
