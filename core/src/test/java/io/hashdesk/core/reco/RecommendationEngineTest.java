package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.Farm.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationEngineTest {

    @TempDir
    Path dir;

    private final RecommendationSettings settings = RecommendationSettings.defaults();
    private SqliteFarmStore store;
    private RecommendationEngine engine;

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), Clock.systemUTC());
        engine = engine(RecommendationEngine.minerAdvisors(settings, PolicyReplay.none()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RecommendationEngine engine(List<Advisor> advisors) {
        return new RecommendationEngine(advisors, store.recommendations(),
                new OutcomeMeasurement(store.telemetry(), settings.outcomes()), settings);
    }

    private List<StoredRecommendation> inbox() {
        return store.recommendations().list(RecommendationQuery.inbox());
    }

    @Test
    void aRerunUpdatesTheSameAdviceInsteadOfDuplicatingIt() {
        Farm farm = new Farm().add("m1", "a").powerProposal("m1", 0.5);

        PassReport first = engine.run(farm.evidence(), NOW);
        PassReport second = engine.run(farm.evidence(), NOW.plus(Duration.ofMinutes(15)));

        assertThat(first.saved().added()).isEqualTo(1);
        assertThat(second.saved()).isEqualTo(new PassSave(0, 1, 0, 0));
        assertThat(inbox()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(first.shown().getFirst().id());
            assertThat(s.firstAdvisedAt()).isEqualTo(NOW);
            assertThat(s.recommendation().createdAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        });
    }

    @Test
    void ranksByExpectedGainTimesConfidence() {
        // in three rooms, so they are not grouped
        Farm farm = new Farm().add("small", "a").add("big", "b").add("mid", "c")
                .powerProposal("small", 0.2).powerProposal("big", 2.0).powerProposal("mid", 0.8);

        PassReport report = engine.run(farm.evidence(), NOW);

        assertThat(report.shown()).extracting(r -> r.target().miners().getFirst().value())
                .containsExactly("big", "mid", "small");
        assertThat(report.shown()).allSatisfy(r -> assertThat(r.rankScore())
                .isEqualTo(r.impact().profitUsdPerDay().mean() * r.confidence(), org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(inbox()).extracting(StoredRecommendation::id)
                .containsExactlyElementsOf(report.shown().stream().map(Recommendation::id).toList());
    }

    @Test
    void advisBelowTheMinimumGainIsNotShownAndSaysWhy() {
        // $0.05/day and 0.5 % J/TH: under both POWER minimums ($0.10/day per miner, 1 % J/TH)
        Farm farm = new Farm().add("m1", "a").propose("m1", RecommendationType.POWER, Farm.preset("3000"),
                Farm.preset("2950"), Farm.impact(0.05, 0.01, -0.15), 0.95, true);

        PassReport report = engine.run(farm.evidence(), NOW);

        assertThat(report.shown()).isEmpty();
        assertThat(report.dropped()).singleElement().satisfies(d -> assertThat(d.reason())
                .contains("below the minimum for POWER").contains("0.10 USD/day per miner").contains("1.0 % J/TH"));
    }

    @Test
    void aSmallDollarGainStillPassesWhenTheEfficiencyGainClearsItsMinimum() {
        // $0.05/day but 5 % J/TH (1.5 of 30 J/TH)
        Farm farm = new Farm().add("m1", "a").propose("m1", RecommendationType.POWER, Farm.preset("3000"),
                Farm.preset("2800"), Farm.impact(0.05, 0.01, -1.5), 0.95, true);

        assertThat(engine.run(farm.evidence(), NOW).shown()).hasSize(1);
    }

    @Test
    void anAppliedRecommendationsCooldownBlocksARepeatOnThatMinerUntilItEnds() {
        Farm farm = new Farm().add("m1", "a").powerProposal("m1", 0.5).register(store.registry());
        String id = engine.run(farm.evidence(), NOW).shown().getFirst().id();
        store.recommendations().markApplied(id, "action-1", NOW.plus(Duration.ofMinutes(20)));
        Farm next = new Farm().add("m1", "a").propose("m1", RecommendationType.POWER, Farm.preset("2800"),
                Farm.preset("2600"), Farm.impact(0.5, 0.1, -1.5), 0.95, true);

        PassReport during = engine.run(next.evidence(), NOW.plus(Duration.ofHours(1)));
        PassReport after = engine.run(next.evidence(), NOW.plus(Duration.ofDays(3)));

        assertThat(during.shown()).isEmpty();
        assertThat(during.dropped()).singleElement().satisfies(d -> assertThat(d.reason())
                .contains("m1 had a POWER recommendation applied").contains("cooldown runs until"));
        assertThat(after.shown()).hasSize(1);
    }

    @Test
    void aMinerWhoseAcceptedRecommendationIsStillBeingAppliedGetsNoOtherChange() {
        Farm farm = new Farm().add("m1", "a").powerProposal("m1", 0.5).register(store.registry());
        String id = engine.run(farm.evidence(), NOW).shown().getFirst().id();
        store.recommendations().accept(id, "ana", NOW.plusSeconds(30));
        Farm next = new Farm().add("m1", "a").propose("m1", RecommendationType.OVERCLOCK, Farm.preset("2800"),
                SettingValues.none().withClocks(560, 13.1), Farm.impact(0.8, 0.1, -2.0), 0.95, true);

        PassReport during = engine.run(next.evidence(), NOW.plus(Duration.ofMinutes(15)));

        assertThat(during.shown()).isEmpty();
        assertThat(during.dropped()).singleElement().satisfies(d -> assertThat(d.reason())
                .contains("m1 is being changed by").contains("not finished"));
    }

    @Test
    void aDismissedRecommendationStaysAwayThroughItsCooldown() {
        Farm farm = new Farm().add("m1", "a").powerProposal("m1", 0.5);
        String id = engine.run(farm.evidence(), NOW).shown().getFirst().id();
        store.recommendations().dismiss(id, "ana", "we keep this unit at full power", NOW.plusSeconds(60));

        PassReport next = engine.run(farm.evidence(), NOW.plus(Duration.ofHours(1)));

        assertThat(next.shown()).isEmpty();
        assertThat(inbox()).isEmpty();
        assertThat(store.recommendations().find(id)).get().satisfies(s -> {
            assertThat(s.status()).isEqualTo(RecommendationStatus.DISMISSED);
            assertThat(s.dismissReason()).contains("we keep this unit at full power");
        });
    }

    @Test
    void aSnoozedRecommendationReturnsToTheInboxOnceItsSnoozeEnds() {
        Farm farm = new Farm().add("m1", "a").powerProposal("m1", 0.5);
        String id = engine.run(farm.evidence(), NOW).shown().getFirst().id();
        store.recommendations().snooze(id, "ana", NOW.plus(Duration.ofHours(2)), NOW.plusSeconds(60));

        engine.run(farm.evidence(), NOW.plus(Duration.ofHours(1)));
        List<StoredRecommendation> whileSnoozed = inbox();
        PassReport afterwards = engine.run(farm.evidence(), NOW.plus(Duration.ofHours(3)));

        assertThat(whileSnoozed).isEmpty();
        assertThat(afterwards.saved().reopened()).isEqualTo(1);
        assertThat(inbox()).extracting(StoredRecommendation::id).containsExactly(id);
    }

    @Test
    void ofTwoChangesToTheSameMinersClocksTheBetterOneIsKeptAndNamesTheOther() {
        Farm farm = new Farm().add("m1", "a").powerProposal("m1", 0.5)
                .propose("m1", RecommendationType.OVERCLOCK, SettingValues.none().withClocks(525, 13.8),
                        SettingValues.none().withClocks(500, 13.4), Farm.impact(0.9, 0.2, -2.0), 0.95, true);

        PassReport report = engine.run(farm.evidence(), NOW);

        assertThat(report.shown()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(RecommendationType.OVERCLOCK);
            assertThat(r.reasoning()).contains("Preferred over POWER").contains("2800 W preset");
        });
        assertThat(report.dropped()).singleElement().satisfies(d -> {
            assertThat(d.recommendation().type()).isEqualTo(RecommendationType.POWER);
            assertThat(d.reason()).contains("conflicts with").contains("expected gain × confidence");
        });
    }

    @Test
    void aProtectiveCoolingDerateWinsOverAMoreProfitablePowerRaise() {
        Farm farm = new Farm().add(Farm.miner("m1", "a", "Vnish 1.2.6"), 95.0)
                .propose("m1", RecommendationType.POWER, Farm.preset("3000"), Farm.preset("3300"),
                        Farm.impact(3.0, 0.5, -1.0), 0.95, true)
                .thermal("m1", 91, 30, 2700, 0);

        PassReport report = engine.run(farm.evidence(), NOW);

        assertThat(report.shown()).extracting(Recommendation::type).contains(RecommendationType.COOLING)
                .doesNotContain(RecommendationType.POWER);
        assertThat(report.dropped()).anySatisfy(d -> assertThat(d.reason()).contains("COOLING protects the hardware"));
    }

    @Test
    void changesToDifferentSettingsOfOneMinerDoNotConflict() {
        Farm farm = new Farm().add(Farm.miner("m1", "a", "Vnish 1.2.6"), 50.0).powerProposal("m1", 0.5)
                .thermal("m1", 87, 30, null, 0);

        assertThat(engine.run(farm.evidence(), NOW).shown()).extracting(Recommendation::type)
                .containsExactlyInAnyOrder(RecommendationType.POWER, RecommendationType.COOLING);
    }

    @Test
    void adviceNoLongerGivenIsSupersededAndLeavesTheInbox() {
        String id = engine.run(new Farm().add("m1", "a").powerProposal("m1", 0.5).evidence(), NOW).shown()
                .getFirst().id();

        PassReport next = engine.run(new Farm().add("m1", "a").evidence(), NOW.plus(Duration.ofMinutes(15)));

        assertThat(next.saved().superseded()).isEqualTo(1);
        assertThat(inbox()).isEmpty();
        assertThat(store.recommendations().find(id)).get().extracting(StoredRecommendation::status)
                .isEqualTo(RecommendationStatus.SUPERSEDED);
    }

    @Test
    void storedAdvicePastItsExpiryExpiresAndAdviceAlreadyExpiredIsNotShown() {
        Farm farm = new Farm().add("m1", "a").add("m2", "a").failure("m1", 0.6, Duration.ofDays(7), "FAN");
        String id = engine.run(farm.evidence(), NOW).shown().getFirst().id();
        Advisor stale = (evidence, now, record) -> List.of(new Recommendation("risk-stale", RecommendationType.RISK,
                new RecommendationTarget(TargetScope.MINER, "m2", "a", List.of(io.hashdesk.core.domain.MinerId.of("m2"))),
                List.of(), ExpectedImpact.none(), 0.5, "stale", "stale", List.of(), List.of(), Urgency.LOW, now,
                now.minusSeconds(1), List.of(), 1, Optional.empty(), List.of()));

        PassReport later = engine(List.of(stale)).run(farm.evidence(),
                NOW.plus(settings.rules(RecommendationType.MAINTENANCE).expiry()).plusSeconds(1));

        assertThat(later.expired()).isEqualTo(1);
        assertThat(store.recommendations().find(id)).get().extracting(StoredRecommendation::status)
                .isEqualTo(RecommendationStatus.EXPIRED);
        assertThat(later.shown()).isEmpty();
        assertThat(later.dropped()).singleElement().satisfies(d -> assertThat(d.reason()).startsWith("expired at"));
    }

    @Test
    void aFailingAdvisorCostsOnlyItsOwnAdvice() {
        Advisor broken = (evidence, now, record) -> {
            throw new IllegalStateException("model file missing");
        };
        RecommendationEngine withBroken = engine(List.of(broken, new PowerAdvisor(settings, PolicyReplay.none())));

        PassReport report = withBroken.run(new Farm().add("m1", "a").powerProposal("m1", 0.5).evidence(), NOW);

        assertThat(report.shown()).hasSize(1);
        assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f).contains("model file missing"));
    }

    @Test
    void lowConfidenceAdviceIsNotShown() {
        Farm farm = new Farm().add("m1", "a").propose("m1", RecommendationType.POWER, Farm.preset("3000"),
                Farm.preset("2800"), Farm.impact(0.5, 0.1, -1.5), 0.2, true);

        PassReport report = engine.run(farm.evidence(), NOW);

        assertThat(report.shown()).isEmpty();
        assertThat(report.dropped().getFirst().reason()).contains("below the minimum 30 % for POWER");
    }
}
