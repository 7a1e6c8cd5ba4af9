package io.hashdesk.app.actions;

import io.hashdesk.app.SteppingClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.app.common.Eventually;
import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionPlanner;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionValidator;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationApplier;
import io.hashdesk.core.reco.RecommendationStatus;
import io.hashdesk.core.reco.RecommendationTarget;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.TargetScope;
import io.hashdesk.core.reco.Urgency;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Actions screen's console over the real executor, journal and recommendation store, with miners in memory. */
class ExecutorActionConsoleTest {

    private static final String MODEL = "antminer-s19j-pro";

    @TempDir
    Path dir;

    /** Moved on by the executor's sleeper, so a 15-minute watch takes milliseconds. */
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final MemoryMinerPort port = new MemoryMinerPort(clock);
    private SqliteFarmStore store;
    private ExecutorActionConsole console;

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        ActionSettings settings = ActionSettings.defaults();
        ActionValidator validator = new ActionValidator(MinerModelCatalog.bundled(), settings);
        ActionPlanner planner = new ActionPlanner(validator, settings, miner -> "room-a", clock);
        ActionExecutor executor = new ActionExecutor(port, store.actions(), validator, planner, settings, clock,
                clock::advance);
        console = new ExecutorActionConsole(new RecommendationApplier(store.recommendations(), store.actions(),
                executor, planner, port, clock), executor, store.actions(), store.recommendations(), settings, clock);
        for (String miner : List.of("A-01", "A-02", "A-03")) {
            port.add(miner, SettingValues.none().withClocks(600, 13.5));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Recommendation overclock(String id, int mhz, String... miners) {
        Recommendation r = new Recommendation(id, RecommendationType.OVERCLOCK, new RecommendationTarget(
                TargetScope.GROUP, miners.length + " S19j Pro in room A", "room-a",
                Arrays.stream(miners).map(MinerId::of).toList()),
                Arrays.stream(miners).map(m -> new SettingChange(MinerId.of(m), MODEL,
                        SettingValues.none().withClocks(600, 13.5), SettingValues.none().withClocks(mhz, 13.5)))
                        .toList(),
                new ExpectedImpact(null, null, new Estimate(-1.0, -1.6, -0.4), new Estimate(2.0, 1.0, 3.0)), 0.7,
                "Clock " + String.join(", ", miners) + " at " + mhz + " MHz", "Flat curve.", List.of(), List.of(),
                Urgency.MEDIUM, clock.instant(), clock.instant().plus(Duration.ofHours(6)), List.of(), 1.4,
                Optional.empty(), List.of());
        store.recommendations().savePass(List.of(r), clock.instant());
        return r;
    }

    private void awaitFinished(String actionId) throws InterruptedException {
        Eventually.until(() -> console.progress(actionId).finished(), "action " + actionId + " finishes");
    }

    @Test
    void anAppliedRecommendationRunsToKeptIsMarkedAppliedAndListedWithItsPrediction() throws Exception {
        Recommendation r = overclock("oc-1", 550, "A-01", "A-02");

        ActionPlan plan = console.plan(List.of(r), "maria");
        assertThat(plan.miners()).extracting(m -> m.miner().value()).containsExactly("A-01", "A-02");
        assertThat(plan.refused()).isEmpty();
        assertThat(PlanText.pacing(plan)).startsWith("1 wave of 2 miners, 1 step each, about 15 minutes");
        String id = console.start(plan, "maria");
        awaitFinished(id);

        assertThat(console.progress(id).miners()).extracting(ActionProgress.MinerProgress::stage)
                .containsOnly(ActionProgress.Stage.KEPT);
        assertThat(port.settingsOf("A-01").frequencyMhz()).isEqualTo(550);
        Eventually.until(() -> store.recommendations().find("oc-1").orElseThrow().status()
                == RecommendationStatus.APPLIED, "the recommendation is marked applied");
        ActionRecord record = console.history(10).getFirst();
        assertThat(record.status()).isEqualTo(ActionRecord.Status.APPLIED);
        assertThat(record.operator()).isEqualTo("maria");
        assertThat(record.minerCount()).isEqualTo(2);
        assertThat(record.predicted()).contains(r.impact());
        assertThat(record.canRollBack()).isTrue();
        assertThat(console.audit(id)).extracting(AuditEntry::miner).contains("A-01", "A-02");
        assertThat(console.audit(id).getFirst().after()).isEqualTo("chip clock 550 MHz, chain voltage 13.50 V");
    }

    @Test
    void aMinerOutsideItsModelsLimitsIsRefusedWithTheReasonAndNeverWritten() {
        Recommendation r = overclock("oc-2", 2_000, "A-03");

        ActionPlan plan = console.plan(List.of(r), "maria");

        assertThat(plan.miners()).isEmpty();
        assertThat(plan.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.name()).isEqualTo("A-03");
            assertThat(refused.reason()).contains("MHz");
        });
        assertThat(port.settingsOf("A-03").frequencyMhz()).isEqualTo(600);
    }

    @Test
    void twoRecommendationsRunOneAfterAnotherUnderOneId() throws Exception {
        Recommendation first = overclock("oc-a", 550, "A-01");
        Recommendation second = overclock("oc-b", 560, "A-02");
        store.recommendations().savePass(List.of(first, second), clock.instant());

        ActionPlan plan = console.plan(List.of(first, second), "maria");
        String id = console.start(plan, "maria");
        awaitFinished(id);

        assertThat(console.progress(id).miners()).hasSize(2).allSatisfy(m -> assertThat(m.stage())
                .isEqualTo(ActionProgress.Stage.KEPT));
        assertThat(console.history(10)).hasSize(2);
        assertThat(port.settingsOf("A-02").frequencyMhz()).isEqualTo(560);
    }

    @Test
    void rollingBackAnAppliedActionRestoresTheOldSettingsAndIsNotOfferedTwice() throws Exception {
        Recommendation r = overclock("oc-3", 550, "A-01");
        String id = console.start(console.plan(List.of(r), "maria"), "maria");
        awaitFinished(id);

        String rollback = console.rollBack(id, "maria");
        awaitFinished(rollback);

        assertThat(port.settingsOf("A-01").frequencyMhz()).isEqualTo(600);
        Eventually.until(() -> console.history(10).size() == 2, "the rollback is journalled");
        ActionRecord original = console.history(10).stream().filter(a -> a.actionId().equals(id)).findFirst()
                .orElseThrow();
        assertThat(original.canRollBack()).isFalse();
    }

    @Test
    void aPlanIsStartedOnlyOnce() throws Exception {
        ActionPlan plan = console.plan(List.of(overclock("oc-4", 550, "A-01")), "maria");
        awaitFinished(console.start(plan, "maria"));

        assertThatThrownBy(() -> console.start(plan, "maria")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }
}
