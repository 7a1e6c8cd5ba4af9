package io.hashdesk.app.actions;

import static io.hashdesk.app.reco.RecoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.actions.ActionProgress.MinerProgress;
import io.hashdesk.app.actions.ActionProgress.Stage;
import io.hashdesk.app.actions.ActionRecord.MeasuredImpact;
import io.hashdesk.app.common.ConfirmationDialog;
import io.hashdesk.app.common.Eventually;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.reco.RecoFixture;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.Urgency;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionsViewModelTest {

    private final FakeActionConsole console = new FakeActionConsole(NOW);
    private final List<ConfirmationDialog.Question> asked = new ArrayList<>();
    private boolean answer = true;
    private JobRunner jobs;
    private ActionsViewModel viewModel;

    @BeforeEach
    void open() {
        // results are handed over on the job's own thread, so assertions wait for them
        jobs = new JobRunner(Runnable::run);
        viewModel = new ActionsViewModel(console, jobs, question -> {
            asked.add(question);
            return answer;
        }, "maria", ZoneOffset.UTC, 50);
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    private String startPower(int watts, String... miners) {
        ActionPlan plan = console.plan(List.of(RecoFixture.power("p", "Room A", Urgency.MEDIUM, watts, miners)),
                "maria");
        return console.start(plan, "maria");
    }

    private static MinerProgress miner(String name, Stage stage, int step) {
        return new MinerProgress(MinerId.of(name), name, stage, step, 3, stage == Stage.FAILED ? "offline" : "");
    }

    @Test
    void thePlanSaysHowTheChangeIsPacedInWords() {
        ActionPlan plan = new ActionPlan("p", "Lower 25 miners", List.of("r"), List.of(), List.of(), 3, 10, 2,
                Duration.ofMinutes(12));
        ActionPlan planned = console.plan(List.of(RecoFixture.power("p", "Room A", Urgency.LOW, 3_000, "A-01")),
                "maria");

        assertThat(PlanText.pacing(planned)).isEqualTo("1 wave of 1 miner, 2 steps each, about 4 minutes");
        assertThat(PlanText.pacing(plan)).isEqualTo("Nothing to apply: every miner was refused.");
        assertThat(PlanText.pacing(new ActionPlan("p", "t", List.of(), planned.miners(), List.of(), 3, 10, 2,
                Duration.ofMinutes(12)))).isEqualTo("3 waves of at most 10 miners, 2 steps each, about 12 minutes");
    }

    @Test
    void thePlanListsEverySettingFromToAndTheRefusedMinersWithTheirReason() {
        ActionPlan plan = console.plan(List.of(RecoFixture.power("a", "Room A", Urgency.LOW, 3_000, "A-01"),
                RecoFixture.power("b", "Room A", Urgency.LOW, 3_400, "A-02")), "maria");

        assertThat(PlanText.lines(plan)).containsExactly(
                new SettingText.Line("A-01", "Power target", "3,250 W", "3,000 W"));
        assertThat(plan.refused()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("A-02");
            assertThat(r.reason()).isEqualTo("3,400 W is above the model's 3,300 W limit");
        });
        assertThat(PlanText.headline(plan)).isEqualTo("1 miner changes, 1 refused");
    }

    @Test
    void aPresetGivingWayToManualClocksShowsThePresetAsWhatItReplaces() {
        SettingValues from = SettingValues.none().withPreset("3250").withCooling(75, 30);
        SettingValues to = SettingValues.none().withClocks(525, 13.6).withCooling(null, 40);

        assertThat(SettingText.lines("B-07", from, to)).containsExactly(
                new SettingText.Line("B-07", "Chip clock", "3,250 W preset", "525 MHz"),
                new SettingText.Line("B-07", "Chain voltage", "—", "13.60 V"),
                new SettingText.Line("B-07", "Fan minimum", "30 %", "40 %"));
    }

    @Test
    void progressAggregatesMinersIntoOneBarAndASummaryOfHowTheyEnded() {
        viewModel.follow("x");
        viewModel.showProgress(java.util.Optional.of(new ActionProgress("x", "Lower Room A", List.of(
                miner("A-01", Stage.KEPT, 3), miner("A-02", Stage.FAILED, 1), miner("A-03", Stage.APPLYING, 2),
                miner("A-04", Stage.QUEUED, 0)))));

        assertThat(viewModel.progressSummaryProperty().get())
                .isEqualTo("2 of 4 miners done — 1 queued, 1 applying, 1 kept, 1 failed");
        // 1 + 1 + half of the apply half (step 2 of 3 started: one step done) + 0, over four miners
        assertThat(viewModel.progressProperty().get()).isCloseTo((2 + 0.5 / 3) / 4, org.assertj.core.data.Offset
                .offset(1e-9));
        assertThat(viewModel.progressRows()).extracting(ProgressRow::status)
                .containsExactly("KEPT", "FAILED", "APPLYING 2/3", "QUEUED");
        assertThat(viewModel.progressRows().get(1).detail()).isEqualTo("offline");
        assertThat(viewModel.runningProperty().get()).isTrue();
    }

    @Test
    void aFollowedActionRunsToKeptAndThenAppearsInTheHistoryAsApplied() throws Exception {
        String id = startPower(3_000, "A-01", "A-02");
        viewModel.follow(id);

        for (int read = 0; read < 4; read++) {
            viewModel.showProgress(viewModel.readProgress());
        }

        assertThat(viewModel.progressRows()).extracting(ProgressRow::status).containsOnly("KEPT");
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.runningProperty().get()).isFalse();
        Eventually.until(() -> viewModel.history().size() == 1, "the history is re-read");
        assertThat(viewModel.history().getFirst().status()).isEqualTo("Applied");
    }

    @Test
    void aRunningActionInTheHistoryIsFollowedWhenNothingElseIs() {
        startPower(3_000, "A-01");

        viewModel.showHistory(viewModel.readHistory());

        assertThat(viewModel.followingProperty().get()).isTrue();
        viewModel.showProgress(viewModel.readProgress());
        assertThat(viewModel.progressTitleProperty().get()).isEqualTo("Lower A-01 to 3000 W");
    }

    @Test
    void historyShowsPredictedBesideMeasuredAndWhetherItFellInsideTheInterval() {
        String id = startPower(3_000, "A-01");
        for (int read = 0; read < 4; read++) {
            console.progress(id);
        }
        console.measure(new MeasuredImpact(-1.2, -170.0, -2.4, 10.9, Optional.empty()));

        viewModel.showHistory(viewModel.readHistory());

        HistoryRow row = viewModel.history().getFirst();
        assertThat(row.predicted()).isEqualTo("+$12.40/day (8.10 – 16.70)");
        assertThat(row.measured()).isEqualTo("+$10.90/day");
        assertThat(row.verdict()).isEqualTo("yes");
        assertThat(row.what()).isEqualTo("Lower A-01 to 3000 W · 1 miner");
        assertThat(row.when()).isEqualTo("27 Nov 14:30");
        assertThat(row.who()).isEqualTo("maria");

        console.measure(new MeasuredImpact(null, null, null, 3.0, Optional.empty()));
        viewModel.showHistory(viewModel.readHistory());
        assertThat(viewModel.history().getFirst().verdict()).isEqualTo("no");
    }

    @Test
    void theFigureTheOutcomeWasJudgedByIsTheOneCompared() {
        String id = startPower(3_000, "A-01");
        for (int read = 0; read < 4; read++) {
            console.progress(id);
        }
        console.measure(new MeasuredImpact(-1.2, -170.0, -2.4, 3.0, Optional.of(ImpactText.Figure.EFFICIENCY)));

        viewModel.showHistory(viewModel.readHistory());

        HistoryRow row = viewModel.history().getFirst();
        assertThat(row.predicted()).isEqualTo("−2.1 J/TH (−3.0 – −1.2)");
        assertThat(row.measured()).isEqualTo("−2.4 J/TH");
        assertThat(row.verdict()).isEqualTo("yes");
    }

    @Test
    void anAppliedActionNotYetMeasuredSaysSo() {
        String id = startPower(3_000, "A-01");
        for (int read = 0; read < 4; read++) {
            console.progress(id);
        }

        viewModel.showHistory(viewModel.readHistory());

        assertThat(viewModel.history().getFirst().measured()).isEqualTo("not measured yet");
        assertThat(viewModel.history().getFirst().verdict()).isEmpty();
    }

    @Test
    void rollBackAsksFirstThenStartsTheRollbackAndFollowsIt() throws Exception {
        String id = startPower(3_000, "A-01");
        for (int read = 0; read < 4; read++) {
            console.progress(id);
        }
        viewModel.showHistory(viewModel.readHistory());
        viewModel.selectedProperty().set(viewModel.history().getFirst());
        assertThat(viewModel.canRollBackProperty().get()).isTrue();
        Eventually.until(() -> viewModel.audit().size() == 1, "the audit trail is read");
        assertThat(viewModel.audit().getFirst().before()).isEqualTo("power target 3,250 W");

        viewModel.rollBackSelected();

        assertThat(asked).singleElement().satisfies(q -> assertThat(q.summary())
                .startsWith("Every miner it changed (1 miner) goes back"));
        Eventually.until(() -> viewModel.progressTitleProperty().get().equals("Starting…")
                && viewModel.followingProperty().get(), "the rollback is followed");
        viewModel.showProgress(viewModel.readProgress());
        assertThat(viewModel.progressTitleProperty().get()).isEqualTo("Roll back: Lower A-01 to 3000 W");
    }

    @Test
    void aDeclinedRollBackChangesNothing() {
        String id = startPower(3_000, "A-01");
        for (int read = 0; read < 4; read++) {
            console.progress(id);
        }
        viewModel.showHistory(viewModel.readHistory());
        viewModel.selectedProperty().set(viewModel.history().getFirst());
        answer = false;

        viewModel.rollBackSelected();

        assertThat(viewModel.followingProperty().get()).isFalse();
        assertThat(console.history(10)).hasSize(1);
    }
}
