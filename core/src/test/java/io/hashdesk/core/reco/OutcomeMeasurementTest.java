package io.hashdesk.core.reco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeMeasurementTest {

    private static final Instant CHANGE = Instant.parse("2026-12-01T12:00:00Z");
    private static final RecommendationSettings.OutcomeRules RULES = new RecommendationSettings.OutcomeRules(
            Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofHours(2), 12);
    /** $0.05 per TH/s per day, $0.06 per kWh. */
    private static final OutcomePricing PRICING = new OutcomePricing(0.05, 0.06);

    @TempDir
    Path dir;

    private SqliteFarmStore store;
    private final Farm farm = new Farm();

    @BeforeEach
    void open() {
        MutableClock clock = new MutableClock(CHANGE.plus(Duration.ofHours(3)));
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        for (String id : List.of("m1", "c1", "c2", "c3")) {
            farm.add(id, "hall-a");
        }
        farm.register(store.registry());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** As below; a miner whose figures change ran the recommended 2800 preset after the change, the rest 3000. */
    private void telemetry(String miner, double baseThs, double baseWatts, double afterThs, double afterWatts) {
        boolean changed = afterThs != baseThs || afterWatts != baseWatts;
        telemetry(miner, baseThs, baseWatts, afterThs, afterWatts, t -> t.isBefore(CHANGE) || !changed ? "3000" : "2800");
    }

    /**
     * A reading every 5 minutes from 2 h before the change to 2 h 10 min after it: the base figures before, the after
     * figures from the change on, each alternately half a TH/s (and 5 W) over and under, so means are computed; the
     * preset each reading shows is {@code presetAt} its time.
     */
    private void telemetry(String miner, double baseThs, double baseWatts, double afterThs, double afterWatts,
                           java.util.function.Function<Instant, String> presetAt) {
        List<TelemetrySnapshot> polls = new ArrayList<>();
        int i = 0;
        for (Instant t = CHANGE.minus(RULES.before()); t.isBefore(CHANGE.plus(RULES.settle()).plus(RULES.after()));
             t = t.plus(Duration.ofMinutes(5)), i++) {
            boolean after = !t.isBefore(CHANGE);
            double jitter = (i % 2 == 0 ? 1 : -1) * 0.5;
            double ths = (after ? afterThs : baseThs) + jitter;
            double watts = (after ? afterWatts : baseWatts) + jitter * 10;
            polls.add(reading(miner, t, ths, watts, presetAt.apply(t), i));
        }
        assertThat(store.telemetry().ingest(polls).rejected()).isEmpty();
    }

    private static Recommendation applied(Estimate power, Estimate efficiency) {
        return applied("power-x", RecommendationType.POWER, power, efficiency);
    }

    private static Recommendation applied(String id, RecommendationType type, Estimate power, Estimate efficiency) {
        return applied(id, type, new ExpectedImpact(null, power, efficiency, null));
    }

    private static Recommendation applied(String id, RecommendationType type, ExpectedImpact impact) {
        SettingChange change = new SettingChange(MinerId.of("m1"), Farm.MODEL, Farm.preset("3000"),
                Farm.preset("2800"));
        return new Recommendation(id, type, new RecommendationTarget(TargetScope.MINER,
                "m1", "hall-a", List.of(MinerId.of("m1"))), List.of(change), impact, 0.8, "Set m1", "why", List.of(), List.of(), Urgency.LOW, CHANGE.minusSeconds(3600),
                CHANGE.plusSeconds(3600), List.of(), 1, Optional.empty(), List.of());
    }

    private List<Miner> fleet() {
        return farm.miners.stream().map(MinerFacts::miner).toList();
    }

    @Test
    void aRealImprovementIsMeasuredInsideItsPredictedInterval() {
        telemetry("m1", 100, 3000, 98, 2800);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        Recommendation r = applied(null, new Estimate(-1.5, -2.0, -1.0));

        MeasuredOutcome o = new OutcomeMeasurement(store.telemetry(), RULES).measure(r, "action-1", CHANGE, fleet(),
                Map.of(), Optional.of(PRICING), CHANGE.plus(Duration.ofHours(3)));

        assertThat(o.treatedMiners()).isEqualTo(1);
        assertThat(o.controlMiners()).isEqualTo(3);
        assertThat(o.hashrateThs()).isEqualTo(-2.0, offset(0.05));
        assertThat(o.powerWatts()).isEqualTo(-200.0, offset(1.0));
        assertThat(o.efficiencyJPerTh()).isEqualTo(2800.0 / 98 - 30, offset(0.02));
        // −2 TH/s × $0.05 + 0.2 kW × 24 h × $0.06
        assertThat(o.profitUsdPerDay()).isEqualTo(-0.10 + 0.288, offset(0.01));
        assertThat(o.headline()).isEqualTo("efficiencyJPerTh");
        assertThat(o.inside()).isTrue();
        assertThat(o.summary()).contains("inside the interval").contains("3 untouched peer(s)");
    }

    @Test
    void aFarmWideAmbientSwingIsCancelledByTheUntouchedPeers() {
        // the afternoon warms the room: every miner's fans draw 100 W more and it loses 1 TH/s
        telemetry("m1", 100, 3000, 99, 2900);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 99, 3100);
        }
        Recommendation r = applied(new Estimate(-200, -230, -170), null);
        OutcomeMeasurement measurement = new OutcomeMeasurement(store.telemetry(), RULES);

        MeasuredOutcome adjusted = measurement.measure(r, "action-1", CHANGE, fleet(), Map.of(), Optional.of(PRICING),
                CHANGE.plus(Duration.ofHours(3)));
        MeasuredOutcome unadjusted = measurement.measure(r, "action-1", CHANGE, fleet().subList(0, 1),
                Map.of(), Optional.of(PRICING), CHANGE.plus(Duration.ofHours(3)));

        assertThat(adjusted.powerWatts()).isEqualTo(-200.0, offset(1.0));
        assertThat(adjusted.hashrateThs()).isEqualTo(0.0, offset(0.05));
        assertThat(adjusted.inside()).isTrue();
        assertThat(unadjusted.controlMiners()).isZero();
        assertThat(unadjusted.powerWatts()).isEqualTo(-100.0, offset(1.0));
        assertThat(unadjusted.inside()).isFalse();
    }

    @Test
    void aPeerAnotherRecommendationChangedAroundTheSameTimeIsNoControl() {
        telemetry("m1", 100, 3000, 98, 2800);
        telemetry("c1", 100, 3000, 98, 2800); // changed the same way by its own recommendation
        for (String c : List.of("c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        RecommendationStore recs = store.recommendations();
        Recommendation other = new Recommendation("power-c1", RecommendationType.POWER, new RecommendationTarget(
                TargetScope.MINER, "c1", "hall-a", List.of(MinerId.of("c1"))), List.of(new SettingChange(
                MinerId.of("c1"), Farm.MODEL, Farm.preset("3000"), Farm.preset("2800"))), new ExpectedImpact(null,
                null, new Estimate(-1.5, -2.0, -1.0), null), 0.8, "Set c1", "why", List.of(), List.of(), Urgency.LOW,
                CHANGE.minusSeconds(3600), CHANGE.plusSeconds(3600), List.of(), 1, Optional.empty(), List.of());
        recs.savePass(List.of(applied(null, new Estimate(-1.5, -2.0, -1.0)), other), CHANGE.minusSeconds(600));
        recs.markApplied("power-x", "action-1", CHANGE);
        recs.markApplied("power-c1", "action-2", CHANGE);

        List<MeasuredOutcome> due = new OutcomeMeasurement(store.telemetry(), RULES).measureDue(recs,
                farm.evidence(), CHANGE.plus(Duration.ofHours(3)));

        assertThat(due).filteredOn(o -> o.actionId().equals("action-1")).singleElement().satisfies(o -> {
            assertThat(o.controlMiners()).isEqualTo(2);
            assertThat(o.efficiencyJPerTh()).isEqualTo(2800.0 / 98 - 30, offset(0.02));
            assertThat(o.inside()).isTrue();
        });
    }

    @Test
    void aMinerWithTooFewReadingsIsNotMeasuredAndTheOutcomeSaysSo() {
        Recommendation r = applied(new Estimate(-200, -230, -170), null);

        MeasuredOutcome o = new OutcomeMeasurement(store.telemetry(), RULES).measure(r, "action-1", CHANGE, fleet(),
                Map.of(), Optional.empty(), CHANGE.plus(Duration.ofHours(3)));

        assertThat(o.treatedMiners()).isZero();
        assertThat(o.inside()).isNull();
        assertThat(o.summary()).startsWith("Not measurable");
    }

    @Test
    void dueOutcomesAreMeasuredOnceTheirAfterWindowHasEndedAndStoredBesideThePrediction() {
        telemetry("m1", 100, 3000, 98, 2800);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        RecommendationStore recs = store.recommendations();
        recs.savePass(List.of(applied(null, new Estimate(-1.5, -2.0, -1.0))), CHANGE.minusSeconds(600));
        recs.markApplied("power-x", "action-1", CHANGE);
        OutcomeMeasurement measurement = new OutcomeMeasurement(store.telemetry(), RULES);

        List<MeasuredOutcome> early = measurement.measureDue(recs, farm.evidence(), CHANGE.plus(Duration.ofHours(1)));
        List<MeasuredOutcome> due = measurement.measureDue(recs, farm.evidence(), CHANGE.plus(Duration.ofHours(3)));

        assertThat(early).isEmpty();
        assertThat(due).singleElement().satisfies(o -> assertThat(o.inside()).isTrue());
        assertThat(recs.outcome("action-1")).isPresent();
        assertThat(recs.outcomeTally()).containsEntry(RecommendationType.POWER, new OutcomeTally(1, 1));
        assertThat(recs.awaitingOutcome()).isEmpty();
    }

    @Test
    void aProfitOutcomeIsPricedAtTheMarketFiguresItsPredictionWasPricedAt() {
        telemetry("m1", 100, 3000, 98, 2800);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        RecommendationStore recs = store.recommendations();
        // −2 TH/s at $0.05 and −200 W for 24 h at $0.06/kWh: −0.10 + 0.288 = +$0.188 a day
        recs.savePass(List.of(applied("power-x", RecommendationType.POWER, new ExpectedImpact(null, null, null,
                new Estimate(0.19, 0.15, 0.23), PRICING))), CHANGE.minusSeconds(600));
        recs.markApplied("power-x", "action-1", CHANGE);

        // the farm's own report prices nothing now: only the prediction's figures can price the outcome
        List<MeasuredOutcome> due = new OutcomeMeasurement(store.telemetry(), RULES).measureDue(recs,
                farm.evidence(), CHANGE.plus(Duration.ofHours(3)));

        assertThat(due).singleElement().satisfies(o -> {
            assertThat(o.headline()).isEqualTo("profitUsdPerDay");
            assertThat(o.profitUsdPerDay()).isCloseTo(0.188, offset(0.01));
            assertThat(o.inside()).isTrue();
        });
        assertThat(recs.outcome("action-1").orElseThrow().predicted().pricedAt()).isEqualTo(PRICING);
    }

    @Test
    void readingsOfAnotherSettingInTheWindowsAreLeftOutOfTheComparison() {
        // the first hour of the before-window m1 ran an operator's own trial of the 2600 preset, drawing 400 W less
        Instant trialEnds = CHANGE.minus(Duration.ofHours(1));
        telemetry("m1", 100, 3000, 98, 2800, t -> t.isBefore(trialEnds) ? "2600" : t.isBefore(CHANGE) ? "3000" : "2800");
        store.telemetry().ingest(trial("m1", CHANGE.minus(RULES.before()), trialEnds, 90, 2600));
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }

        MeasuredOutcome o = new OutcomeMeasurement(store.telemetry(), RULES).measure(
                applied(null, new Estimate(-1.5, -2.0, -1.0)), "action-1", CHANGE, fleet(), Map.of(),
                Optional.of(PRICING), CHANGE.plus(Duration.ofHours(3)));

        // counted in, the trial's hour would pull the before-mean down by about 200 W and the change would read 0
        assertThat(o.treatedMiners()).isEqualTo(1);
        assertThat(o.powerWatts()).isEqualTo(-200.0, offset(1.0));
    }

    /** One poll of a miner mining at these figures on {@code preset}, {@code acceptedShares} accepted so far. */
    private static TelemetrySnapshot reading(String miner, Instant t, double ths, double watts, String preset,
                                             long acceptedShares) {
        return new TelemetrySnapshot(MinerId.of(miner), t, MinerStatus.MINING, ths, ths, List.of(), 75.0, 65.0,
                List.of(5000, 5000), 50.0, watts, 13.8, 525.0, preset, "pool:3333", acceptedShares, 0L, 0L,
                Duration.ofHours(10));
    }

    /** Readings of the 2600 preset at {@code ths} and {@code watts}, every 5 minutes, replacing those stored there. */
    private static List<TelemetrySnapshot> trial(String miner, Instant from, Instant to, double ths, double watts) {
        List<TelemetrySnapshot> polls = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
            polls.add(reading(miner, t, ths, watts, "2600", 0));
        }
        return polls;
    }

    @Test
    void aGroupMeasuredOnlyInPartIsJudgedAgainstItsPredictionForTheMinersMeasured() {
        telemetry("m1", 100, 3000, 98, 2800);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        // m1 and a second unit, since removed from the inventory: −400 W (−440 to −360) predicted for the two
        SettingChange m1 = new SettingChange(MinerId.of("m1"), Farm.MODEL, Farm.preset("3000"), Farm.preset("2800"));
        SettingChange gone = new SettingChange(MinerId.of("gone"), Farm.MODEL, Farm.preset("3000"),
                Farm.preset("2800"));
        Recommendation group = new Recommendation("power-g", RecommendationType.POWER, new RecommendationTarget(
                TargetScope.GROUP, "2 units", "hall-a", List.of(MinerId.of("m1"), MinerId.of("gone"))),
                List.of(m1, gone), new ExpectedImpact(null, new Estimate(-400, -440, -360), null, null), 0.8,
                "Set 2 units", "why", List.of(), List.of(), Urgency.LOW, CHANGE.minusSeconds(3600),
                CHANGE.plusSeconds(3600), List.of(), 1, Optional.empty(), List.of());

        MeasuredOutcome o = new OutcomeMeasurement(store.telemetry(), RULES).measure(group, "action-1", CHANGE,
                fleet(), Map.of(), Optional.empty(), CHANGE.plus(Duration.ofHours(3)));

        assertThat(o.treatedMiners()).isEqualTo(1);
        assertThat(o.powerWatts()).isEqualTo(-200.0, offset(1.0));
        assertThat(o.predicted().powerWatts()).isEqualTo(new Estimate(-200, -220, -180));
        assertThat(o.inside()).as("half the group measured, against half its prediction").isTrue();
    }

    @Test
    void aChangeWhoseNewSettingNeverShowsInTheReadingsIsNotMeasured() {
        telemetry("m1", 100, 3000, 98, 2800, t -> "3000");
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }

        MeasuredOutcome o = new OutcomeMeasurement(store.telemetry(), RULES).measure(
                applied(null, new Estimate(-1.5, -2.0, -1.0)), "action-1", CHANGE, fleet(), Map.of(),
                Optional.of(PRICING), CHANGE.plus(Duration.ofHours(3)));

        assertThat(o.treatedMiners()).isZero();
        assertThat(o.summary()).startsWith("Not measurable");
    }

    @Test
    void aTargetAnotherRecommendationChangedWithinTheWindowsIsNotMeasured() {
        // a later step (a schedule curtailing m1 an hour after its power change) halves m1's power again
        telemetry("m1", 100, 3000, 96, 2600);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        RecommendationStore recs = store.recommendations();
        recs.savePass(List.of(applied(new Estimate(-200, -230, -170), null),
                applied("schedule-x", RecommendationType.SCHEDULE, new Estimate(-200, -200, -200), null)),
                CHANGE.minusSeconds(600));
        recs.markApplied("power-x", "action-1", CHANGE);
        recs.markApplied("schedule-x", "action-2", CHANGE.plus(Duration.ofHours(1)));

        List<MeasuredOutcome> due = new OutcomeMeasurement(store.telemetry(), RULES).measureDue(recs,
                farm.evidence(), CHANGE.plus(Duration.ofHours(3)));

        assertThat(due).singleElement().satisfies(o -> {
            assertThat(o.actionId()).isEqualTo("action-1");
            assertThat(o.treatedMiners()).isZero();
            assertThat(o.powerWatts()).isNull();
            assertThat(o.inside()).isNull();
            assertThat(o.summary()).startsWith("Not measurable").contains("cut short where other changes");
        });
    }

    @Test
    void aTargetChangedAgainLaterIsMeasuredOverTheWindowBeforeItsNextChange() {
        telemetry("m1", 100, 3000, 98, 2800);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        RecommendationStore recs = store.recommendations();
        recs.savePass(List.of(applied(new Estimate(-230, -260, -170), null),
                applied("schedule-x", RecommendationType.SCHEDULE, new Estimate(-200, -200, -200), null)),
                CHANGE.minusSeconds(600));
        recs.markApplied("power-x", "action-1", CHANGE);
        // the next step comes 100 min later: 90 min of the after-window (18 buckets) are still clean
        recs.markApplied("schedule-x", "action-2", CHANGE.plus(Duration.ofMinutes(100)));

        List<MeasuredOutcome> due = new OutcomeMeasurement(store.telemetry(), RULES).measureDue(recs,
                farm.evidence(), CHANGE.plus(Duration.ofHours(3)));

        assertThat(due).filteredOn(o -> o.actionId().equals("action-1")).singleElement().satisfies(o -> {
            assertThat(o.treatedMiners()).isEqualTo(1);
            assertThat(o.powerWatts()).isEqualTo(-200.0, offset(1.0));
            assertThat(o.inside()).isTrue();
        });
    }

    @Test
    void aScheduleStepIsMeasuredButNotJudgedAgainstItsWholePlansInterval() {
        telemetry("m1", 100, 3000, 98, 2800);
        for (String c : List.of("c1", "c2", "c3")) {
            telemetry(c, 100, 3000, 100, 3000);
        }
        // the plan's day-average change, a point: one step's windows cannot be held to it
        Recommendation r = applied("schedule-x", RecommendationType.SCHEDULE, new Estimate(-90, -90, -90), null);

        MeasuredOutcome o = new OutcomeMeasurement(store.telemetry(), RULES).measure(r, "action-1", CHANGE, fleet(),
                Map.of(), Optional.of(PRICING), CHANGE.plus(Duration.ofHours(3)));

        assertThat(o.treatedMiners()).isEqualTo(1);
        assertThat(o.powerWatts()).isEqualTo(-200.0, offset(1.0));
        assertThat(o.inside()).isNull();
        assertThat(o.headline()).isNull();
        assertThat(o.summary()).contains("not comparable with the prediction");
    }
}
