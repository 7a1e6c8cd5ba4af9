package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationApplier;
import io.hashdesk.core.reco.RecommendationIds;
import io.hashdesk.core.reco.RecommendationStatus;
import io.hashdesk.core.reco.RecommendationTarget;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.StoredRecommendation;
import io.hashdesk.core.reco.TargetScope;
import io.hashdesk.core.reco.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The path from a stored recommendation through the executor and back to the recommendation's record. */
class RecommendationApplierTest {

    @TempDir
    Path dir;
    private ActionFarm farm;
    private RecommendationApplier applier;

    @BeforeEach
    void open() {
        farm = new ActionFarm(dir);
        farm.addMiner("m1", "room-a");
        farm.addMiner("m2", "room-a");
        applier = applier();
    }

    @AfterEach
    void close() {
        farm.close();
    }

    private RecommendationApplier applier() {
        return new RecommendationApplier(farm.store.recommendations(), farm.journal(), farm.executor, farm.planner,
                farm.port, farm.clock);
    }

    /** A clock change seen with stale "from" values, as a recommendation made from telemetry would carry. */
    private Recommendation overclock(String miner, int mhz, double volts) {
        SettingChange change = new SettingChange(MinerId.of(miner), ActionFarm.MODEL,
                SettingValues.none().withClocks(550, 13.2), SettingValues.none().withClocks(mhz, volts));
        return new Recommendation(RecommendationIds.forChanges(RecommendationType.OVERCLOCK, List.of(change)),
                RecommendationType.OVERCLOCK, new RecommendationTarget(TargetScope.MINER, miner, "room-a",
                List.of(MinerId.of(miner))), List.of(change), new ExpectedImpact(null, null,
                new Estimate(-1.0, -1.5, -0.4), new Estimate(2.0, 1.0, 3.0)), 0.7, "Clock " + miner, "because",
                List.of(), List.of(), Urgency.LOW, farm.clock.instant(), farm.clock.instant().plus(Duration.ofHours(6)),
                List.of("EFFICIENCY_CURVE/x@3"), 1.4, Optional.empty(), List.of());
    }

    /** Stores one recommendation pass (a later pass supersedes what it does not repeat). */
    private List<String> stored(Recommendation... pass) {
        farm.store.recommendations().savePass(List.of(pass), farm.clock.instant());
        return java.util.Arrays.stream(pass).map(Recommendation::id).toList();
    }

    private String stored(Recommendation recommendation) {
        return stored(new Recommendation[] {recommendation}).getFirst();
    }

    @Test
    void thePlanShowsTheSettingsTheMinerRunsNowNotTheOnesTheRecommendationSaw() throws Exception {
        String id = stored(overclock("m1", 580, 13.3));

        ActionPlan plan = applier.plan(id, "operator-ann");

        assertThat(plan.recommendationId()).contains(id);
        assertThat(plan.changes().getFirst().from()).isEqualTo(SettingValues.none().withClocks(600, 13.5));
    }

    @Test
    void aKeptActionMarksTheRecommendationAppliedWithTheTimeItsChangeFinished() throws Exception {
        String id = stored(overclock("m1", 580, 13.3));

        ActionPlan plan = applier.plan(id, "operator-ann");
        ActionState end = applier.apply(plan, "operator-ann", ActionListener.NONE).completion()
                .get(30, TimeUnit.SECONDS);

        assertThat(end).isEqualTo(ActionState.KEPT);
        StoredRecommendation after = awaitSettled(id);
        assertThat(after.status()).isEqualTo(RecommendationStatus.APPLIED);
        assertThat(after.actionId()).contains(plan.id());
        assertThat(after.appliedAt()).isEqualTo(farm.minerRecord(plan.id(), "m1").lastStepFinishedAt());
        assertThat(farm.settingsOf("m1").frequencyMhz()).isEqualTo(580);
    }

    @Test
    void anActionRolledBackAutomaticallyDismissesItsRecommendationInHashdesksNameWithTheReason() throws Exception {
        farm.port.miner(MinerId.of("m1")).health = s -> s.frequencyMhz() != null && s.frequencyMhz() == 580
                ? new FakeMinerPort.Health(10.0, 70.0, 0.0, MinerStatus.MINING) : FakeMinerPort.Health.FINE;
        String id = stored(overclock("m1", 580, 13.3));

        ActionPlan plan = applier.plan(id, "operator-ann");
        ActionState end = applier.apply(plan, "operator-ann", ActionListener.NONE).completion()
                .get(30, TimeUnit.SECONDS);

        assertThat(end).isEqualTo(ActionState.ROLLED_BACK);
        StoredRecommendation after = awaitSettled(id);
        assertThat(after.status()).isEqualTo(RecommendationStatus.DISMISSED);
        assertThat(after.statusBy()).contains(RecommendationApplier.HASHDESK);
        assertThat(after.dismissReason().orElseThrow()).contains(plan.id()).contains("rolled back");
        assertThat(farm.settingsOf("m1").frequencyMhz()).isEqualTo(600);
    }

    @Test
    void adviceExpiredOrAlreadyDismissedIsNotPlanned() {
        List<String> ids = stored(overclock("m1", 580, 13.3), overclock("m2", 590, 13.4));
        String dismissed = ids.get(1);
        farm.store.recommendations().dismiss(dismissed, "operator-ann", "not now", farm.clock.instant());
        assertThatThrownBy(() -> applier.plan(dismissed, "operator-ann")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dismissed");

        String expired = ids.get(0);
        farm.clock.advance(Duration.ofHours(7));
        assertThatThrownBy(() -> applier.plan(expired, "operator-ann")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aBulkApplyRunsOneActionPerRecommendationOneAfterAnother() throws Exception {
        List<String> ids = stored(overclock("m1", 580, 13.3), overclock("m2", 590, 13.4));
        String first = ids.get(0);
        String second = ids.get(1);
        List<ActionPlan> plans = List.of(applier.plan(first, "operator-ann"), applier.plan(second, "operator-ann"));

        RecommendationApplier.BulkApply bulk = applier.applyAll(plans, "operator-ann", ActionListener.NONE);

        assertThat(bulk.completion().get(30, TimeUnit.SECONDS)).containsExactly(ActionState.KEPT, ActionState.KEPT);
        assertThat(awaitSettled(first).status()).isEqualTo(RecommendationStatus.APPLIED);
        assertThat(awaitSettled(second).status()).isEqualTo(RecommendationStatus.APPLIED);
        Optional<java.time.Instant> firstEnded = farm.journal().action(plans.get(0).id()).orElseThrow().finishedAt();
        assertThat(farm.journal().audit(AuditQuery.ofAction(plans.get(1).id(), 100)))
                .isNotEmpty().allSatisfy(write -> assertThat(write.startedAt()).isAfterOrEqualTo(firstEnded.orElseThrow()));
    }

    @Test
    void anActionFinishedByRecoveryAfterACrashIsSettledAtTheNextStart() throws Exception {
        String id = stored(overclock("m1", 580, 13.3));
        ActionPlan plan = applier.plan(id, "operator-ann");
        farm.port.crashAtCall(4, false);
        ActionRun run = applier.apply(plan, "operator-ann", ActionListener.NONE);
        assertThatThrownBy(() -> run.completion().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(Error.class);
        assertThat(farm.store.recommendations().find(id).orElseThrow().status())
                .isEqualTo(RecommendationStatus.ACCEPTED);

        farm.close();
        farm.open();
        List<ActionRecord> recovered = farm.recovery().recover();
        assertThat(recovered).extracting(ActionRecord::state).allMatch(ActionState::finished);
        int settled = applier().settleFinished(Duration.ofDays(1));

        assertThat(settled).isEqualTo(1);
        assertThat(farm.store.recommendations().find(id).orElseThrow().status())
                .isIn(RecommendationStatus.APPLIED, RecommendationStatus.DISMISSED);
    }

    /** The recommendation is settled on the action thread right after the run's completion; wait for it. */
    private StoredRecommendation awaitSettled(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            StoredRecommendation r = farm.store.recommendations().find(id).orElseThrow();
            if (r.status() != RecommendationStatus.ACCEPTED) {
                return r;
            }
            Thread.sleep(10);
        }
        return farm.store.recommendations().find(id).orElseThrow();
    }
}
