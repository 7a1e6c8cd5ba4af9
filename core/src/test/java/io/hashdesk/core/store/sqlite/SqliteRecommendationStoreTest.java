package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.Backtest;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.MeasuredOutcome;
import io.hashdesk.core.reco.OutcomePricing;
import io.hashdesk.core.reco.OutcomeTally;
import io.hashdesk.core.reco.PassSave;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationQuery;
import io.hashdesk.core.reco.RecommendationStatus;
import io.hashdesk.core.reco.RecommendationStore;
import io.hashdesk.core.reco.RecommendationTarget;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.StoredRecommendation;
import io.hashdesk.core.reco.TargetScope;
import io.hashdesk.core.reco.Urgency;
import io.hashdesk.core.reco.WorkOrder;
import io.hashdesk.core.reco.WorkOrderStatus;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRecommendationStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    private SqliteFarmStore open() {
        return SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), Clock.systemUTC());
    }

    private static Recommendation power(String id, String miner, String room, double rank, Urgency urgency) {
        SettingChange change = new SettingChange(MinerId.of(miner), "antminer-s19j-pro",
                SettingValues.none().withPreset("3000").withPools(List.of(new PoolTarget("pool:3333", "w", "secret"))),
                SettingValues.none().withPreset("2800"));
        return new Recommendation(id, RecommendationType.POWER, new RecommendationTarget(TargetScope.MINER, miner,
                room, List.of(MinerId.of(miner))), List.of(change), new ExpectedImpact(new Estimate(-2, -3, -1),
                new Estimate(-250, -300, -200), new Estimate(-1.5, -2, -1), new Estimate(0.4, 0.2, 0.6)), 0.8,
                "Set " + miner, "because", List.of("J/TH −1.5"), List.of("step"), urgency, T0,
                T0.plus(Duration.ofHours(12)), List.of("efficiency/x@1"), rank, Optional.of(new Backtest(
                T0.minus(Duration.ofDays(7)), T0, 100, 103, 500, 480, 0.95, "would have earned $3 more")),
                List.of());
    }

    private static Recommendation maintenance(String id, String miner) {
        return new Recommendation(id, RecommendationType.MAINTENANCE, new RecommendationTarget(TargetScope.MINER,
                miner, "a", List.of(MinerId.of(miner))), List.of(), ExpectedImpact.none(), 0.6, "Replace the fan",
                "fan wearing", List.of(), List.of("Pause", "Replace"), Urgency.HIGH, T0, T0.plus(Duration.ofDays(3)),
                List.of(), 3.6, Optional.empty(), List.of("Fan 120 mm"));
    }

    @Test
    void aSavedRecommendationReadsBackWholeWithoutPoolPasswords() {
        Recommendation r = power("power-1", "m1", "a", 1.0, Urgency.LOW);
        try (SqliteFarmStore store = open()) {
            store.recommendations().savePass(List.of(r), T0);
        }
        try (SqliteFarmStore store = open()) {
            StoredRecommendation s = store.recommendations().find("power-1").orElseThrow();
            assertThat(s.status()).isEqualTo(RecommendationStatus.OPEN);
            assertThat(s.recommendation().changes().getFirst().from().pools().getFirst().password()).isEmpty();
            assertThat(s.recommendation()).usingRecursiveComparison().ignoringFields("changes").isEqualTo(r);
            assertThat(s.recommendation().changes().getFirst().to()).isEqualTo(r.changes().getFirst().to());
        }
    }

    @Test
    void anImpactKeepsTheMarketFiguresItWasPricedAtAndOneStoredWithoutThemReadsAsUnpriced() {
        ExpectedImpact priced = new ExpectedImpact(new Estimate(-2, -3, -1), new Estimate(-250, -300, -200), null,
                new Estimate(0.4, 0.3, 0.5), new OutcomePricing(0.05, 0.06));
        // as rows written before the figures were kept look
        String older = "{\"hashrateThs\":{\"mean\":-2.0,\"low\":-3.0,\"high\":-1.0},\"powerWatts\":null,"
                + "\"efficiencyJPerTh\":null,\"profitUsdPerDay\":{\"mean\":0.4,\"low\":0.3,\"high\":0.5}}";

        assertThat(SqliteRecommendationStoreJson.readImpact(SqliteRecommendationStoreJson.write(priced)))
                .isEqualTo(priced);
        assertThat(SqliteRecommendationStoreJson.readImpact(older).pricedAt()).isNull();
        assertThat(SqliteRecommendationStoreJson.readImpact(older).profitUsdPerDay().mean()).isEqualTo(0.4);
    }

    @Test
    void aPassUpdatesLiveAdviceAddsNewAndSupersedesWhatItNoLongerGives() {
        try (SqliteFarmStore store = open()) {
            RecommendationStore recs = store.recommendations();
            recs.savePass(List.of(power("p1", "m1", "a", 1, Urgency.LOW), power("p2", "m2", "a", 2, Urgency.LOW)), T0);

            PassSave second = recs.savePass(List.of(power("p1", "m1", "a", 5, Urgency.LOW),
                    power("p3", "m3", "a", 3, Urgency.LOW)), T0.plusSeconds(900));

            assertThat(second).isEqualTo(new PassSave(1, 1, 0, 1));
            assertThat(recs.list(RecommendationQuery.inbox())).extracting(StoredRecommendation::id)
                    .containsExactly("p1", "p3");
            assertThat(recs.find("p2").orElseThrow().status()).isEqualTo(RecommendationStatus.SUPERSEDED);
        }
    }

    @Test
    void theInboxFiltersByTypeRoomUrgencyAndStatus() {
        try (SqliteFarmStore store = open()) {
            RecommendationStore recs = store.recommendations();
            recs.savePass(List.of(power("p1", "m1", "a", 1, Urgency.LOW), power("p2", "m2", "b", 2, Urgency.HIGH),
                    maintenance("w1", "m3")), T0);

            assertThat(ids(recs, RecommendationQuery.inbox().inRoom("b"))).containsExactly("p2");
            assertThat(ids(recs, RecommendationQuery.inbox().atLeast(Urgency.HIGH))).containsExactly("w1", "p2");
            assertThat(ids(recs, RecommendationQuery.inbox().withTypes(Set.of(RecommendationType.MAINTENANCE))))
                    .containsExactly("w1");
            recs.dismiss("p1", "ana", "not now", T0);
            assertThat(ids(recs, RecommendationQuery.inbox().withStatuses(Set.of(RecommendationStatus.DISMISSED))))
                    .containsExactly("p1");
        }
    }

    private static List<String> ids(RecommendationStore recs, RecommendationQuery query) {
        return recs.list(query).stream().map(StoredRecommendation::id).toList();
    }

    @Test
    void feedbackIsRecordedWithWhoWhenAndWhyAndTheWrongStepIsRefusedWithTheReason() {
        try (SqliteFarmStore store = open()) {
            RecommendationStore recs = store.recommendations();
            recs.savePass(List.of(power("p1", "m1", "a", 1, Urgency.LOW)), T0);

            var snoozed = recs.snooze("p1", "ana", T0.plus(Duration.ofHours(4)), T0.plusSeconds(10));
            var dismissed = recs.dismiss("p1", "ana", "unit is being sold", T0.plusSeconds(20));

            assertThat(snoozed.snoozedUntil()).contains(T0.plus(Duration.ofHours(4)));
            assertThat(dismissed.statusBy()).contains("ana");
            assertThat(dismissed.statusAt()).isEqualTo(T0.plusSeconds(20));
            assertThat(dismissed.dismissReason()).contains("unit is being sold");
            assertThatThrownBy(() -> recs.accept("p1", "ana", T0.plusSeconds(30)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("it is dismissed since");
            assertThatThrownBy(() -> recs.dismiss("p9", "ana", "x", T0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no recommendation with id 'p9'");
            assertThatThrownBy(() -> recs.dismiss("p1", "ana", " ", T0)).hasMessageContaining("needs a reason");
        }
    }

    @Test
    void appliedAndDismissedAdviceLeavesCooldownMarksPerMinerAndType() {
        try (SqliteFarmStore store = open()) {
            RecommendationStore recs = store.recommendations();
            recs.savePass(List.of(power("p1", "m1", "a", 1, Urgency.LOW), power("p2", "m2", "a", 1, Urgency.LOW)), T0);
            recs.accept("p1", "ana", T0.plusSeconds(5));
            recs.markApplied("p1", "action-7", T0.plusSeconds(600));
            recs.dismiss("p2", "ana", "no", T0.plusSeconds(60));

            assertThat(recs.cooldownMarks(T0)).extracting(m -> m.miner().value() + ":" + m.type() + ":" + m.status())
                    .containsExactlyInAnyOrder("m1:POWER:APPLIED", "m2:POWER:DISMISSED");
            assertThat(recs.cooldownMarks(T0.plusSeconds(120))).hasSize(1);
            assertThat(recs.awaitingOutcome()).extracting(s -> s.actionId().orElseThrow()).containsExactly("action-7");
        }
    }

    @Test
    void outcomesAreKeptBesideThePredictionAndAddUpToATallyPerType() {
        try (SqliteFarmStore store = open()) {
            RecommendationStore recs = store.recommendations();
            Recommendation r = power("p1", "m1", "a", 1, Urgency.LOW);
            recs.savePass(List.of(r), T0);
            recs.markApplied("p1", "action-1", T0);
            MeasuredOutcome inside = new MeasuredOutcome("p1", "action-1", RecommendationType.POWER, T0,
                    T0.plus(Duration.ofDays(1)), 1, 4, -2.0, -260.0, -1.4, 0.41, r.impact(), true,
                    "efficiencyJPerTh", "inside");
            MeasuredOutcome outside = new MeasuredOutcome("p9", "action-2", RecommendationType.POWER, T0,
                    T0.plus(Duration.ofDays(1)), 1, 0, null, null, 0.5, null, r.impact(), false, "efficiencyJPerTh",
                    "outside");
            recs.recordOutcome(inside);
            recs.recordOutcome(outside);

            assertThat(recs.outcome("action-1")).contains(inside);
            assertThat(recs.awaitingOutcome()).isEmpty();
            assertThat(recs.outcomeTally()).containsEntry(RecommendationType.POWER, new OutcomeTally(2, 1));
            assertThat(recs.outcomes(T0)).hasSize(2);
        }
    }

    @Test
    void acceptingMaintenanceOpensAWorkOrderThatATechnicianClosesWithWhatWasDone() {
        try (SqliteFarmStore store = open()) {
            RecommendationStore recs = store.recommendations();
            recs.savePass(List.of(maintenance("w1", "m3")), T0);
            recs.accept("w1", "ana", T0.plusSeconds(60));

            WorkOrder open = recs.workOrders(WorkOrderStatus.OPEN).getFirst();
            WorkOrder closed = recs.closeWorkOrder(open.id(), "tom", "replaced fan 2", List.of("Fan 120 mm"),
                    T0.plus(Duration.ofHours(5)));

            assertThat(open.title()).isEqualTo("Replace the fan");
            assertThat(open.steps()).containsExactly("Pause", "Replace");
            assertThat(open.parts()).containsExactly("Fan 120 mm");
            assertThat(open.miners()).containsExactly(MinerId.of("m3"));
            assertThat(closed.status()).isEqualTo(WorkOrderStatus.CLOSED);
            assertThat(closed.closedBy()).contains("tom");
            assertThat(closed.workDone()).contains("replaced fan 2");
            assertThat(closed.partsUsed()).containsExactly("Fan 120 mm");
            assertThat(recs.workOrders(WorkOrderStatus.OPEN)).isEmpty();
            assertThat(recs.find("w1").orElseThrow()).satisfies(s -> {
                assertThat(s.status()).isEqualTo(RecommendationStatus.APPLIED);
                assertThat(s.actionId()).contains("work-order-" + open.id());
            });
            assertThatThrownBy(() -> recs.closeWorkOrder(open.id(), "tom", "again", List.of(), T0))
                    .hasMessageContaining("already closed by tom");
        }
    }

    @Test
    void adviceThatComesBackAfterItWasClosedGetsANewRowAndTheOldOneStaysAsHistory() {
        try (SqliteFarmStore store = open()) {
            RecommendationStore recs = store.recommendations();
            recs.savePass(List.of(power("p1", "m1", "a", 1, Urgency.LOW)), T0);
            recs.dismiss("p1", "ana", "no", T0.plusSeconds(1));

            PassSave back = recs.savePass(List.of(power("p1", "m1", "a", 1, Urgency.LOW)), T0.plus(Duration.ofDays(5)));

            assertThat(back.added()).isEqualTo(1);
            assertThat(recs.find("p1").orElseThrow().status()).isEqualTo(RecommendationStatus.OPEN);
            assertThat(ids(recs, RecommendationQuery.inbox().withStatuses(Set.of(RecommendationStatus.OPEN,
                    RecommendationStatus.DISMISSED)))).containsExactly("p1", "p1");
        }
    }
}
