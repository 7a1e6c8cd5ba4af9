package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.Farm.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MaintenanceAdvisorTest {

    private final MaintenanceAdvisor advisor = new MaintenanceAdvisor(RecommendationSettings.defaults(),
            MaintenancePlaybook.bundled());

    @Test
    void aLikelyFanFailureBecomesAWorkOrderWithThePlaybooksStepsPartsAndWarningSigns() {
        Farm farm = new Farm().add("m1", "hall-a").failure("m1", 0.6, Duration.ofDays(7), "FAN");

        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(r.type()).isEqualTo(RecommendationType.MAINTENANCE);
        assertThat(r.changes()).isEmpty();
        assertThat(r.headline()).startsWith("Replace the failing fan");
        assertThat(r.parts()).anySatisfy(p -> assertThat(p).contains("Fan"));
        assertThat(r.steps()).hasSizeGreaterThan(2);
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("slowest fan"));
        assertThat(r.reasoning()).contains("60 %").contains("7 days");
        assertThat(r.confidence()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.rankScore()).isEqualTo(6.0 * 0.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void urgencyRisesWithTheProbabilityPerDayOfTheHorizon() {
        Farm farm = new Farm().add("a", "r").add("b", "r").add("c", "r")
                .failure("a", 0.9, Duration.ofDays(2), "HASHBOARD")
                .failure("b", 0.5, Duration.ofDays(10), "HASHBOARD")
                .failure("c", 0.35, Duration.ofDays(30), "HASHBOARD");

        var out = advisor.advise(farm.evidence(), NOW, TrackRecord.none());

        assertThat(out).extracting(Recommendation::urgency)
                .containsExactly(Urgency.CRITICAL, Urgency.HIGH, Urgency.MEDIUM);
    }

    @Test
    void aLowProbabilityIsNotWorthAWorkOrderButAStrongAnomalyAsksForAnInspection() {
        Farm farm = new Farm().add("a", "r").add("b", "r").failure("a", 0.1, Duration.ofDays(7), "FAN")
                .anomaly("b", 0.9);

        var out = advisor.advise(farm.evidence(), NOW, TrackRecord.none());

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.target().miners().getFirst().value()).isEqualTo("b");
            assertThat(r.headline()).startsWith("Inspect the unit");
            assertThat(r.reasoning()).contains("hardware errors");
        });
    }

    @Test
    void anUnknownFailureKindGetsTheGenericPlaybook() {
        Farm farm = new Farm().add("a", "r").failure("a", 0.5, Duration.ofDays(7), "CONTROL_BOARD");

        assertThat(advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst().headline())
                .startsWith("Inspect the unit");
    }
}
