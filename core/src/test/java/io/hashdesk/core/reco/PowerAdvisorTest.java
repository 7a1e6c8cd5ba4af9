package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.Farm.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerAdvisorTest {

    private final RecommendationSettings settings = RecommendationSettings.defaults();
    private final PowerAdvisor advisor = new PowerAdvisor(settings, PolicyReplay.none());

    @Test
    void oneMinerGetsOneRecommendationWithTheExactChangeAndReasoningNamingTheEvidence() {
        Farm farm = new Farm().add("m1", "hall-a").powerProposal("m1", 0.40);

        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(r.type()).isEqualTo(RecommendationType.POWER);
        assertThat(r.target().scope()).isEqualTo(TargetScope.MINER);
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.miner()).isEqualTo(MinerId.of("m1"));
            assertThat(c.from().preset()).isEqualTo("3000");
            assertThat(c.to().preset()).isEqualTo("2800");
        });
        assertThat(r.headline()).contains("m1").contains("2800 W preset");
        assertThat(r.reasoning()).contains("12 probes").contains("95 %").contains("USD/day");
        assertThat(r.expiresAt()).isEqualTo(NOW.plus(settings.rules(RecommendationType.POWER).expiry()));
        assertThat(r.modelVersions()).containsExactly("efficiency/m1@1");
    }

    @Test
    void aGroupKeepsTheMarketFiguresItsUnitsWerePricedAtOnlyWhenTheyAreTheSame() {
        OutcomePricing usual = new OutcomePricing(0.05, 0.06);
        OutcomePricing costlierPool = new OutcomePricing(0.048, 0.06);
        Farm same = new Farm();
        Farm mixed = new Farm();
        for (String id : List.of("m1", "m2", "m3")) {
            same.add(id, "hall-a").propose(id, RecommendationType.POWER, Farm.preset("3000"), Farm.preset("2800"),
                    priced(usual), 0.95, true);
            mixed.add(id, "hall-a").propose(id, RecommendationType.POWER, Farm.preset("3000"), Farm.preset("2800"),
                    priced(id.equals("m2") ? costlierPool : usual), 0.95, true);
        }

        Recommendation sameGroup = advisor.advise(same.evidence(), NOW, TrackRecord.none()).getFirst();
        Recommendation mixedGroup = advisor.advise(mixed.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(sameGroup.impact().pricedAt()).isEqualTo(usual);
        assertThat(sameGroup.evidence()).anySatisfy(line -> assertThat(line)
                .startsWith("profit priced at 0.0500 USD per TH/s a day and 0.060 USD/kWh"));
        assertThat(mixedGroup.impact().pricedAt()).as("no one pair of figures prices the whole group").isNull();
        assertThat(mixedGroup.evidence()).noneSatisfy(line -> assertThat(line).startsWith("profit priced at"));
    }

    private static ExpectedImpact priced(OutcomePricing pricing) {
        ExpectedImpact i = Farm.impact(0.4, 0.1, -1.5);
        return new ExpectedImpact(i.hashrateThs(), i.powerWatts(), i.efficiencyJPerTh(), i.profitUsdPerDay(), pricing);
    }

    @Test
    void unitsOfOneModelInOneRoomWithTheSameProposalBecomeOneGroupRecommendation() {
        Farm farm = new Farm();
        for (String id : List.of("m1", "m2", "m3")) {
            farm.add(id, "hall-a").powerProposal(id, 0.40);
        }
        farm.add("m4", "hall-b").powerProposal("m4", 0.40);

        List<Recommendation> out = advisor.advise(farm.evidence(), NOW, TrackRecord.none());

        assertThat(out).hasSize(2);
        Recommendation group = out.stream().filter(r -> r.target().scope() == TargetScope.GROUP).findFirst()
                .orElseThrow();
        assertThat(group.target().miners()).extracting(MinerId::value).containsExactly("m1", "m2", "m3");
        assertThat(group.changes()).hasSize(3);
        assertThat(group.impact().profitUsdPerDay().mean()).isEqualTo(1.20, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(group.impact().efficiencyJPerTh().mean()).isEqualTo(-1.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void confidenceFallsWithAWiderIntervalALowerChanceOfHoldingAnUncalibratedCurveAndAPoorTrackRecord() {
        double tight = confidence(new Farm().add("m1", "a").propose("m1", RecommendationType.POWER, Farm.preset("3000"),
                Farm.preset("2800"), Farm.impact(0.4, 0.1, -1.5), 0.95, true), TrackRecord.none());
        double wide = confidence(new Farm().add("m1", "a").propose("m1", RecommendationType.POWER, Farm.preset("3000"),
                Farm.preset("2800"), Farm.impact(0.4, 0.8, -1.5), 0.95, true), TrackRecord.none());
        double risky = confidence(new Farm().add("m1", "a").propose("m1", RecommendationType.POWER,
                Farm.preset("3000"), Farm.preset("2800"), Farm.impact(0.4, 0.1, -1.5), 0.60, true), TrackRecord.none());
        double uncalibrated = confidence(new Farm().add("m1", "a").propose("m1", RecommendationType.POWER,
                Farm.preset("3000"), Farm.preset("2800"), Farm.impact(0.4, 0.1, -1.5), 0.95, false),
                TrackRecord.none());
        double poorRecord = confidence(new Farm().add("m1", "a").propose("m1", RecommendationType.POWER,
                Farm.preset("3000"), Farm.preset("2800"), Farm.impact(0.4, 0.1, -1.5), 0.95, true),
                (type, model) -> model / 2);

        assertThat(tight).isBetween(0.0, 1.0);
        assertThat(wide).isLessThan(tight);
        assertThat(risky).isLessThan(tight);
        assertThat(uncalibrated).isLessThan(tight);
        assertThat(poorRecord).isEqualTo(tight / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSameProposalGetsTheSameIdOnEveryPassAndAnotherProposalAnother() {
        Farm farm = new Farm().add("m1", "a").powerProposal("m1", 0.4);
        String first = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst().id();
        String again = advisor.advise(farm.evidence(), NOW.plusSeconds(900), TrackRecord.none()).getFirst().id();
        String other = advisor.advise(new Farm().add("m1", "a").propose("m1", RecommendationType.POWER,
                Farm.preset("3000"), Farm.preset("2600"), Farm.impact(0.4, 0.1, -1.5), 0.95, true).evidence(), NOW,
                TrackRecord.none()).getFirst().id();

        assertThat(again).isEqualTo(first).startsWith("power-");
        assertThat(other).isNotEqualTo(first);
    }

    private double confidence(Farm farm, TrackRecord record) {
        return advisor.advise(farm.evidence(), NOW, record).getFirst().confidence();
    }
}
