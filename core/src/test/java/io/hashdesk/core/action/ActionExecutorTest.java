package io.hashdesk.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionExecutorTest {

    private static final MinerId M1 = MinerId.of("m1");

    @TempDir
    Path dir;
    private ActionFarm farm;

    @BeforeEach
    void openFarm() {
        farm = new ActionFarm(dir);
    }

    @AfterEach
    void closeFarm() {
        farm.close();
    }

    private MinerRecord m1(ActionPlan plan) {
        return farm.minerRecord(plan.id(), "m1");
    }

    @Test
    void keepsAHealthyChangeAfterStepsReadBackAndTheWatch() throws Exception {
        farm.addMiner("m1", "room-a");
        List<ActionProgress> progress = new CopyOnWriteArrayList<>();
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        ActionState state = farm.executor.start(plan, progress::add).completion().get(30, TimeUnit.SECONDS);

        assertThat(state).isEqualTo(ActionState.KEPT);
        assertThat(farm.settingsOf("m1").frequencyMhz()).isEqualTo(700);
        assertThat(farm.port.written).extracting(SettingValues::frequencyMhz).containsExactly(650, 700);
        MinerRecord miner = m1(plan);
        assertThat(miner.state()).isEqualTo(MinerState.KEPT);
        assertThat(miner.stepReached()).isEqualTo(2);
        assertThat(miner.lastStepFinishedAt()).isPresent();
        assertThat(Duration.between(miner.lastStepFinishedAt().get(), miner.watchEndedAt().orElseThrow()))
                .isGreaterThanOrEqualTo(farm.settings.watchWindow());
        assertThat(farm.journal().action(plan.id()).orElseThrow().state()).isEqualTo(ActionState.KEPT);
        assertThat(progress).extracting(p -> p.miner().map(MinerProgress::state).orElse(null))
                .containsSubsequence(MinerState.BACKING_UP, MinerState.APPLYING, MinerState.APPLYING,
                        MinerState.VERIFYING, MinerState.WATCHING, MinerState.KEPT);
        assertThat(progress.getLast().actionState()).isEqualTo(ActionState.KEPT);
        assertThat(progress.getLast().count(MinerState.KEPT)).isEqualTo(1);
    }

    @Test
    void everyWriteIsInTheAuditTrailWithWhoBeforeAfterAndOutcome() throws Exception {
        farm.addMiner("m1", "room-a");
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));
        farm.run(plan);

        List<AuditEntry> byAction = farm.journal().audit(AuditQuery.ofAction(plan.id(), 100));
        List<AuditEntry> byMiner = farm.journal().audit(AuditQuery.ofMiner(M1, ActionFarm.T0,
                farm.clock.instant().plusSeconds(1), 100));
        List<AuditEntry> before = farm.journal().audit(AuditQuery.between(Instant.EPOCH, ActionFarm.T0, 100));

        assertThat(byAction).hasSize(2).isEqualTo(byMiner);
        assertThat(before).isEmpty();
        AuditEntry first = byAction.getLast();
        assertThat(first.actor()).isEqualTo("operator-ann");
        assertThat(first.actionTitle()).isEqualTo("Test change");
        assertThat(first.kind()).isEqualTo(WriteKind.APPLY);
        assertThat(first.step()).isEqualTo(1);
        assertThat(first.stepCount()).isEqualTo(2);
        assertThat(first.before().orElseThrow().frequencyMhz()).isEqualTo(600);
        assertThat(first.asked().orElseThrow().frequencyMhz()).isEqualTo(650);
        assertThat(first.readBack().orElseThrow().frequencyMhz()).isEqualTo(650);
        assertThat(first.outcome()).isEqualTo(WriteOutcome.DONE);
        assertThat(first.endedAt()).isPresent();
    }

    @Test
    void rollsBackWhenHashrateCollapsesAfterApply() throws Exception {
        farm.addMiner("m1", "room-a").health = s -> s.frequencyMhz() == 700
                ? new FakeMinerPort.Health(20, 70, 0, MinerStatus.MINING) : FakeMinerPort.Health.FINE;
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);

        assertThat(farm.settingsOf("m1")).isEqualTo(ActionFarm.stock());
        assertThat(m1(plan).state()).isEqualTo(MinerState.ROLLED_BACK);
        assertThat(m1(plan).message()).contains("hashrate 20 TH/s collapsed");
        assertThat(farm.journal().audit(AuditQuery.ofAction(plan.id(), 100))).filteredOn(e -> e.kind()
                == WriteKind.ROLLBACK).isNotEmpty().allMatch(e -> e.actor().equals("Hashdesk"));
    }

    @Test
    void aHashrateDipDuringTheGracePeriodIsNotACollapse() throws Exception {
        FakeMinerPort.FakeMiner miner = farm.addMiner("m1", "room-a");
        Instant[] changedAt = new Instant[1];
        miner.health = s -> {
            if (s.frequencyMhz() != 700) {
                return FakeMinerPort.Health.FINE;
            }
            if (changedAt[0] == null) {
                changedAt[0] = farm.clock.instant();
            }
            boolean retuning = farm.clock.instant().isBefore(changedAt[0].plus(Duration.ofMinutes(3)));
            return new FakeMinerPort.Health(retuning ? 10 : 105, 70, 0, MinerStatus.MINING);
        };

        assertThat(farm.run(farm.plan(ActionFarm.clocks("m1", 700, 13.8)))).isEqualTo(ActionState.KEPT);
    }

    @Test
    void aLowerPowerTargetMayLowerHashrateAsMuchAsItLowersPower() throws Exception {
        FakeMinerPort.FakeMiner miner = farm.addMiner("m1", "room-a");
        miner.settings = miner.settings.withPowerTarget(3000);
        miner.health = s -> new FakeMinerPort.Health(s.powerTargetWatts() == 3000 ? 100 : 55, 70, 0,
                MinerStatus.MINING);
        SettingChange lower = new SettingChange(M1, ActionFarm.MODEL, SettingValues.none().withPowerTarget(3000),
                SettingValues.none().withPowerTarget(2100));

        // 70 % of the 70 TH/s that 2100 W should leave is 49 TH/s: 55 is not a collapse
        assertThat(farm.run(farm.plan(lower))).isEqualTo(ActionState.KEPT);
        assertThat(farm.port.written).extracting(SettingValues::powerTargetWatts).containsExactly(2700, 2400, 2100);
    }

    @Test
    void rollsBackWhenTheChipOverheatsAfterApply() throws Exception {
        farm.addMiner("m1", "room-a").health = s -> s.frequencyMhz() == 700
                ? new FakeMinerPort.Health(100, 83, 0, MinerStatus.MINING) : FakeMinerPort.Health.FINE;
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);
        assertThat(m1(plan).message()).contains("chip temperature 83 °C", "85 °C minus the 3 °C margin");
        assertThat(farm.settingsOf("m1").frequencyMhz()).isEqualTo(600);
    }

    @Test
    void rollsBackWhenHardwareErrorsRise() throws Exception {
        farm.addMiner("m1", "room-a").health = s -> s.frequencyMhz() == 700
                ? new FakeMinerPort.Health(100, 70, 0.02, MinerStatus.MINING) : FakeMinerPort.Health.FINE;
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);
        assertThat(m1(plan).message()).contains("hardware errors rose to 2 %");
    }

    @Test
    void aMinerOfflineThroughTheWatchIsLeftForRecovery() throws Exception {
        FakeMinerPort.FakeMiner miner = farm.addMiner("m1", "room-a");
        miner.health = s -> s.frequencyMhz() == 700
                ? new FakeMinerPort.Health(0, 0, 0, MinerStatus.OFFLINE) : FakeMinerPort.Health.FINE;
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        // OFFLINE status but it still takes writes: rolled back
        assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);
        assertThat(m1(plan).message()).contains("offline for 3 observations in a row");
    }

    @Test
    void rollsBackWhenTheReadBackDiffersFromWhatWasAsked() throws Exception {
        FakeMinerPort.FakeMiner miner = farm.addMiner("m1", "room-a");
        miner.frequencyReadBackOffsetMhz = -40;
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);

        assertThat(m1(plan).stepReached()).isZero();
        assertThat(farm.journal().audit(AuditQuery.ofAction(plan.id(), 10)).getLast().outcome())
                .isEqualTo(WriteOutcome.MISMATCH);
        assertThat(farm.journal().audit(AuditQuery.ofAction(plan.id(), 10)).getLast().message())
                .contains("frequency read back as 610 MHz, asked 650 MHz");
    }

    @Test
    void aRejectedWriteLeavesTheMinerAtItsOldSettings() throws Exception {
        farm.addMiner("m1", "room-a").rejectWrites = true;
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);
        assertThat(m1(plan).message()).contains("refused the settings", "still at its old settings");
        assertThat(farm.settingsOf("m1")).isEqualTo(ActionFarm.stock());
    }

    @Test
    void restoresTheFirmwareBackupWhenWritingTheOldSettingsBackFails() throws Exception {
        FakeMinerPort.FakeMiner miner = farm.addMiner("m1", "room-a");
        miner.health = s -> {
            if (s.frequencyMhz() == 700) {
                miner.rejectWrites = true;
                return new FakeMinerPort.Health(100, 84, 0, MinerStatus.MINING);
            }
            return FakeMinerPort.Health.FINE;
        };
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.ROLLED_BACK);

        assertThat(miner.restores.get()).isEqualTo(1);
        assertThat(farm.settingsOf("m1")).isEqualTo(ActionFarm.stock());
        assertThat(m1(plan).message()).contains("restored from the firmware backup");
        assertThat(farm.journal().audit(AuditQuery.ofAction(plan.id(), 10)).getFirst())
                .satisfies(restore -> {
                    assertThat(restore.kind()).isEqualTo(WriteKind.RESTORE);
                    assertThat(restore.outcome()).isEqualTo(WriteOutcome.DONE);
                });
    }

    @Test
    void aRollbackValueNowOutsideTheLimitsIsNeitherWrittenNorRestoredFromTheBackup() throws Exception {
        FakeMinerPort.FakeMiner miner = farm.addMiner("m1", "room-a");
        miner.settings = miner.settings.withClocks(740, 13.5);
        farm.settings = ActionValidatorTest.withLimits(farm.settings, java.util.Map.of(ActionFarm.MODEL,
                new OperatorLimits(null, 745.0, null, null, null, null, null, null)));
        farm.close();
        farm.open();
        miner.health = s -> s.frequencyMhz() == 700
                ? new FakeMinerPort.Health(5, 70, 0, MinerStatus.MINING) : FakeMinerPort.Health.FINE;
        ActionPlan plan = farm.plan(new SettingChange(M1, ActionFarm.MODEL, SettingValues.none().withClocks(740,
                13.5), SettingValues.none().withClocks(700, 13.5)));
        // the operator narrows the limits while the action runs: 740 MHz may no longer be written
        farm.settings = ActionValidatorTest.withLimits(farm.settings, java.util.Map.of(ActionFarm.MODEL,
                new OperatorLimits(null, 720.0, null, null, null, null, null, null)));
        ActionExecutor narrowed = new ActionExecutor(farm.port, farm.journal(), new ActionValidator(
                io.hashdesk.core.domain.catalog.MinerModelCatalog.bundled(), farm.settings), farm.planner,
                farm.settings, farm.clock, farm.sleeper);

        assertThat(narrowed.start(plan, ActionListener.NONE).completion().get(30, TimeUnit.SECONDS))
                .isEqualTo(ActionState.FAILED);

        assertThat(miner.restores.get()).isZero();
        assertThat(farm.port.written).extracting(SettingValues::frequencyMhz).doesNotContain(740);
        assertThat(farm.journal().audit(AuditQuery.ofAction(plan.id(), 10))).extracting(AuditEntry::kind,
                AuditEntry::outcome).contains(org.assertj.core.groups.Tuple.tuple(WriteKind.ROLLBACK,
                WriteOutcome.REFUSED), org.assertj.core.groups.Tuple.tuple(WriteKind.RESTORE, WriteOutcome.REFUSED));
        assertThat(farm.minerRecord(plan.id(), "m1").message()).contains("outside the limits").contains("by hand");
        assertThat(farm.settingsOf("m1").frequencyMhz()).isEqualTo(700);
    }

    @Test
    void aMinerThatVanishesMidApplyIsLeftForRecoveryAtTheStepItReached() throws Exception {
        farm.addMiner("m1", "room-a").vanishAtWrite = 2;
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.NEEDS_RECOVERY);

        assertThat(m1(plan).state()).isEqualTo(MinerState.UNREACHABLE);
        assertThat(m1(plan).stepReached()).isEqualTo(1);
        assertThat(m1(plan).message()).contains("after step 1");
        assertThat(farm.journal().unfinished()).extracting(ActionRecord::id).containsExactly(plan.id());
        AuditEntry lastWrite = farm.journal().audit(AuditQuery.ofAction(plan.id(), 10)).getFirst();
        assertThat(lastWrite.step()).isEqualTo(2);
        assertThat(lastWrite.outcome()).isEqualTo(WriteOutcome.UNANSWERED);
    }

    @Test
    void aMinerStillInAnUnfinishedActionIsSkippedByTheNextOneUntilRecoveryResolvesIt() throws Exception {
        FakeMinerPort.FakeMiner miner = farm.addMiner("m1", "room-a");
        farm.addMiner("m2", "room-a");
        miner.vanishAtWrite = 2;
        ActionPlan first = farm.plan(ActionFarm.clocks("m1", 700, 13.8));
        assertThat(farm.run(first)).isEqualTo(ActionState.NEEDS_RECOVERY);
        miner.vanishAtWrite = 0;
        miner.unreachable = false;
        int writesBefore = miner.writes.get();

        ActionPlan second = farm.plan(ActionFarm.clocks("m1", 650, 13.5), ActionFarm.clocks("m2", 650, 13.5));
        farm.run(second);

        assertThat(farm.minerRecord(second.id(), "m1").state()).isEqualTo(MinerState.SKIPPED);
        assertThat(farm.minerRecord(second.id(), "m1").message()).contains(first.id()).contains("has not finished");
        assertThat(miner.writes.get()).isEqualTo(writesBefore);
        assertThat(farm.minerRecord(second.id(), "m2").state()).isEqualTo(MinerState.KEPT);

        farm.recovery().recover();
        ActionPlan third = farm.plan(ActionFarm.clocks("m1", 650, 13.5));
        assertThat(farm.run(third)).isEqualTo(ActionState.KEPT);
    }

    @Test
    void aMinerThatDoesNotAnswerForAWhileIsRetried() throws Exception {
        farm.addMiner("m1", "room-a").unreachableCalls = farm.settings.retries();

        assertThat(farm.run(farm.plan(ActionFarm.clocks("m1", 700, 13.8)))).isEqualTo(ActionState.KEPT);
    }

    @Test
    void aMinerUnreachableBeforeAnyWriteIsSkippedUnchanged() throws Exception {
        farm.addMiner("m1", "room-a").unreachable = true;
        farm.addMiner("m2", "room-a");
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8), ActionFarm.clocks("m2", 700, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.KEPT);
        assertThat(m1(plan).state()).isEqualTo(MinerState.SKIPPED);
        assertThat(farm.port.miner(M1).writes.get()).isZero();
    }

    @Test
    void refusedMinersAreNeverWritten() throws Exception {
        farm.addMiner("m1", "room-a");
        farm.addMiner("m2", "room-a");
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8), ActionFarm.clocks("m2", 900, 13.8));

        assertThat(farm.run(plan)).isEqualTo(ActionState.KEPT);
        assertThat(farm.minerRecord(plan.id(), "m2").state()).isEqualTo(MinerState.REFUSED);
        assertThat(farm.minerRecord(plan.id(), "m2").refusals()).anyMatch(r -> r.contains("900 MHz"));
        assertThat(farm.port.miner(MinerId.of("m2")).writes.get()).isZero();

        ActionPlan allRefused = farm.plan(ActionFarm.clocks("m2", 900, 13.8));
        assertThat(farm.run(allRefused)).isEqualTo(ActionState.FAILED);
        assertThat(farm.port.miner(MinerId.of("m2")).writes.get()).isZero();
    }

    @Test
    void theRateLimitHoldsBackAMinerWrittenTooOftenThisHour() throws Exception {
        farm.addMiner("m1", "room-a");
        int limit = farm.settings.writesPerMinerPerHour();
        // each action up and down writes 2 steps
        int actions = 0;
        ActionState last = ActionState.KEPT;
        while (last == ActionState.KEPT && actions < limit) {
            int target = actions % 2 == 0 ? 700 : 600;
            int from = actions % 2 == 0 ? 600 : 700;
            last = farm.run(farm.planner.plan("Swing", "ann", null, List.of(new SettingChange(M1, ActionFarm.MODEL,
                    SettingValues.none().withClocks(from, 13.5), SettingValues.none().withClocks(target, 13.5)))));
            farm.clock.set(ActionFarm.T0.plusSeconds(60L * actions));
            actions++;
        }

        assertThat(actions).isEqualTo(limit / 2 + 1);
        assertThat(last).isEqualTo(ActionState.FAILED);
        assertThat(farm.journal().writesSince(M1, ActionFarm.T0)).isEqualTo(limit);
    }

    @Test
    void cancellingStopsNewMinersAndRollsBackTheChangedOnes() throws Exception {
        farm.settings = ActionFarm.oneAtATime();
        farm.close();
        farm.open();
        farm.addMiner("m1", "room-a");
        farm.addMiner("m2", "room-a");
        farm.addMiner("m3", "room-a");
        ActionPlan plan = farm.plan(ActionFarm.clocks("m1", 700, 13.8), ActionFarm.clocks("m2", 700, 13.8),
                ActionFarm.clocks("m3", 700, 13.8));
        ActionRun[] run = new ActionRun[1];
        ActionListener cancelWhenM2Watches = p -> {
            if (p.miner().filter(m -> m.miner().value().equals("m2") && m.state() == MinerState.WATCHING)
                    .isPresent()) {
                run[0].cancel();
            }
        };
        synchronized (run) {
            run[0] = farm.executor.start(plan, p -> {
                synchronized (run) {
                    cancelWhenM2Watches.progress(p);
                }
            });
        }

        assertThat(run[0].completion().get(30, TimeUnit.SECONDS)).isEqualTo(ActionState.CANCELLED);
        assertThat(farm.minerRecord(plan.id(), "m1").state()).isEqualTo(MinerState.ROLLED_BACK);
        assertThat(farm.minerRecord(plan.id(), "m2").state()).isEqualTo(MinerState.ROLLED_BACK);
        assertThat(farm.minerRecord(plan.id(), "m3").state()).isEqualTo(MinerState.SKIPPED);
        assertThat(List.of(farm.settingsOf("m1"), farm.settingsOf("m2"), farm.settingsOf("m3")))
                .containsOnly(ActionFarm.stock());
        assertThat(farm.port.miner(MinerId.of("m3")).writes.get()).isZero();
    }
}
