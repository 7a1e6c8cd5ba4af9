package io.hashdesk.app.reco;

import static io.hashdesk.app.reco.RecoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.actions.ActionPlan;
import io.hashdesk.app.actions.FakeActionConsole;
import io.hashdesk.app.actions.ImpactText;
import io.hashdesk.app.common.Eventually;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommendationsViewModelTest {

    private final FakeInbox inbox = new FakeInbox(List.of(
            RecoFixture.power("p1", "Room A", Urgency.MEDIUM, 3_000, "A-01", "A-02"),
            RecoFixture.power("p2", "Room B", Urgency.HIGH, 3_100, "B-07"),
            RecoFixture.maintenance("m1", "Room B", "B-03")));
    private final FakeActionConsole console = new FakeActionConsole(NOW);
    private final List<ActionPlan> shownPlans = new ArrayList<>();
    private final List<String> startedActions = new ArrayList<>();
    private boolean confirmPlan = true;
    private Optional<Dismissal> dismissAnswer = Optional.empty();
    private volatile int workOrdersReRead;
    private JobRunner jobs;
    private RecommendationsViewModel viewModel;

    @BeforeEach
    void open() {
        // results are handed over on the job's own thread, so assertions wait for them
        jobs = new JobRunner(Runnable::run);
        viewModel = new RecommendationsViewModel(inbox, console, jobs, Clock.fixed(NOW, ZoneOffset.UTC), "maria",
                plan -> {
                    shownPlans.add(plan);
                    return confirmPlan;
                }, card -> dismissAnswer, startedActions::add, () -> workOrdersReRead++);
        viewModel.update(viewModel.read());
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    private RecommendationCard card(String id) {
        return viewModel.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> shownIds() {
        return viewModel.cards().stream().map(RecommendationCard::id).toList();
    }

    @Test
    void filtersNarrowByTypeRoomAndUrgencyAndTickingNothingShowsEverything() {
        assertThat(viewModel.typeChoices()).containsExactly(RecommendationType.POWER, RecommendationType.MAINTENANCE);
        assertThat(viewModel.roomChoices()).containsExactly("Room A", "Room B");

        viewModel.filterRooms(List.of("Room B"));
        assertThat(shownIds()).containsExactly("p2", "m1");
        viewModel.filterTypes(List.of(RecommendationType.POWER));
        assertThat(shownIds()).containsExactly("p2");
        viewModel.filterUrgencies(List.of(Urgency.MEDIUM));
        assertThat(shownIds()).isEmpty();
        assertThat(viewModel.hasAnyProperty().get()).isTrue();

        viewModel.filterRooms(List.of());
        viewModel.filterTypes(List.of());
        viewModel.filterUrgencies(List.of());
        assertThat(shownIds()).containsExactly("p1", "p2", "m1");
    }

    @Test
    void aCardShowsEachPredictedFigureWithItsIntervalConfidenceAndWhereItApplies() {
        RecommendationCard card = card("p1");

        assertThat(card.impact()).containsExactly(
                new ImpactText.Shown("+$12.40/day (8.10 – 16.70)", ImpactText.Tone.GOOD),
                new ImpactText.Shown("−2.1 J/TH (−3.0 – −1.2)", ImpactText.Tone.GOOD),
                new ImpactText.Shown("−1.5 TH/s (−2.4 – −0.8)", ImpactText.Tone.BAD),
                new ImpactText.Shown("−180 W (−220 – −140)", ImpactText.Tone.NEUTRAL));
        assertThat(card.confidenceText()).isEqualTo("72 %");
        assertThat(card.where()).isEqualTo("2 S19j Pro in Room A · expires in 5 h");
        assertThat(ImpactText.estimate(ImpactText.Figure.POWER, Estimate.exactly(547)))
                .isEqualTo("+547 W");
        assertThat(card.backtest()).contains("Over the last 7 days this would have earned $87 more (+8.7 %).");
        assertThat(card.models()).isEqualTo("Models: efficiency/antminer-s19j-pro@4");
        assertThat(card.applicable()).isTrue();
        assertThat(card("m1").applicable()).isFalse();
        assertThat(card("m1").maintenance()).isTrue();
    }

    @Test
    void adviceOnlyCardsCannotBeTickedForApplyToAllSelected() {
        viewModel.select(card("m1"), true);
        viewModel.select(card("p2"), true);

        assertThat(viewModel.selectedCountProperty().get()).isEqualTo(1);
        assertThat(viewModel.isSelected(card("m1"))).isFalse();
    }

    @Test
    void applyToAllSelectedPlansTheTickedCardsAsOneActionAndStartsItOnceConfirmed() throws Exception {
        viewModel.select(card("p1"), true);
        viewModel.select(card("p2"), true);

        viewModel.applySelected();

        Eventually.until(() -> startedActions.size() == 1, "the action starts");
        assertThat(console.planned()).containsExactly(List.of("p1", "p2"));
        assertThat(shownPlans.getFirst().miners()).hasSize(3);
        assertThat(console.started()).hasSize(1);
        Eventually.until(() -> !viewModel.busyProperty().get(), "apply finishes");
        assertThat(viewModel.messageProperty().get()).startsWith("Started: Apply 2 recommendations");
        assertThat(viewModel.selectedCountProperty().get()).isZero();
    }

    @Test
    void aPlanTheOperatorCancelsWritesNothing() throws Exception {
        confirmPlan = false;

        viewModel.apply(card("p2"));

        Eventually.until(() -> !viewModel.busyProperty().get(), "the plan is answered");
        assertThat(shownPlans).hasSize(1);
        assertThat(console.started()).isEmpty();
        assertThat(startedActions).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Nothing was applied.");
    }

    @Test
    void aFilteredOutCardIsNotAppliedByApplyToAllSelected() throws Exception {
        viewModel.select(card("p1"), true);
        viewModel.select(card("p2"), true);
        viewModel.filterRooms(List.of("Room B"));

        assertThat(viewModel.selectedCountProperty().get()).isEqualTo(1);
        viewModel.applySelected();

        Eventually.until(() -> startedActions.size() == 1, "the action starts");
        assertThat(console.planned()).containsExactly(List.of("p2"));
    }

    @Test
    void dismissingNeedsAReasonAndOtherNeedsANote() {
        String other = "Other (say why)";
        assertThat(Dismissal.problem(null, "", other)).isPresent();
        assertThat(Dismissal.problem(other, "  ", other)).contains(
                "Say in a few words why — \"Other (say why)\" needs a note.");
        assertThat(Dismissal.problem(other, "fans are being replaced", other)).isEmpty();
        assertThat(Dismissal.problem("Already done by hand", "", other)).isEmpty();
    }

    @Test
    void aDismissalIsSentWithItsReasonAndNoteAndTheCardLeaves() throws Exception {
        dismissAnswer = Optional.of(new Dismissal("Other (say why)", "fans are being replaced"));

        viewModel.dismiss(card("p2"));

        assertThat(shownIds()).containsExactly("p1", "m1");
        Eventually.until(() -> inbox.dismissed.containsKey("p2"), "the dismissal is stored");
        assertThat(inbox.dismissed).containsEntry("p2", "Other (say why): fans are being replaced");
    }

    @Test
    void cancellingTheDismissDialogKeepsTheCard() {
        viewModel.dismiss(card("p2"));

        assertThat(shownIds()).contains("p2");
        assertThat(inbox.dismissed).isEmpty();
    }

    @Test
    void snoozeHidesTheCardUntilTheChosenLengthFromNow() throws Exception {
        viewModel.snooze(card("p1"), Duration.ofDays(1));

        assertThat(shownIds()).doesNotContain("p1");
        Eventually.until(() -> inbox.snoozed.containsKey("p1"), "the snooze is stored");
        assertThat(inbox.snoozed).containsEntry("p1", NOW.plus(Duration.ofDays(1)));
        assertThat(SnoozeText.of(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(SnoozeText.of(Duration.ofDays(7))).isEqualTo("1 week");
    }

    @Test
    void ticksSurviveARefreshWhileTheirCardIsStillOpen() {
        viewModel.select(card("p1"), true);

        viewModel.update(viewModel.read());

        assertThat(viewModel.isSelected(card("p1"))).isTrue();
        assertThat(viewModel.selectedCountProperty().get()).isEqualTo(1);
    }

    @Test
    void anEmptyInboxShowsTheEmptyState() {
        viewModel.update(List.of());

        assertThat(viewModel.hasAnyProperty().get()).isFalse();
        assertThat(viewModel.cards()).isEmpty();
    }

    @Test
    void maintenanceOpensAWorkOrderAndTheWorkOrdersAreReRead() throws Exception {
        viewModel.openWorkOrder(card("m1"));

        Eventually.until(() -> workOrdersReRead == 1, "the work orders are re-read");
        assertThat(viewModel.messageProperty().get()).startsWith("Work order #1 opened");
        assertThat(inbox.workOrders).singleElement().satisfies(order -> {
            assertThat(order.recommendationId()).isEqualTo("m1");
            assertThat(order.parts()).containsExactly("Compressed air", "Spare 12 cm fan");
        });
    }
}
