package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.Farm.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.MinerId;
import org.junit.jupiter.api.Test;

class MinerRiskAdvisorTest {

    private final MinerRiskAdvisor advisor = new MinerRiskAdvisor(RecommendationSettings.defaults());

    @Test
    void aRoomWhereManyUnitsRunWithThinHeadroomIsARisk() {
        Farm farm = new Farm().add("m1", "hall-a").add("m2", "hall-a").add("m3", "hall-a").add("m4", "hall-a")
                .thermal("m1", 87, 31, null, 0).thermal("m2", 88, 31, null, 0)
                .thermal("m3", 70, 31, null, 0).thermal("m4", 70, 31, null, 0);

        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(r.type()).isEqualTo(RecommendationType.RISK);
        assertThat(r.target().miners()).extracting(MinerId::value).containsExactly("m1", "m2");
        assertThat(r.reasoning()).contains("2 of 4 units").contains("50 %").contains("2.0 °C");
        assertThat(r.changes()).isEmpty();
    }

    @Test
    void oneThinUnitAmongManyIsNotARoomRisk() {
        Farm farm = new Farm();
        for (int i = 1; i <= 10; i++) {
            farm.add("m" + i, "hall-a").thermal("m" + i, i == 1 ? 88 : 70, 30, null, 0);
        }

        assertThat(advisor.advise(farm.evidence(), NOW, TrackRecord.none())).isEmpty();
    }

    @Test
    void unitsOfOneModelOnDifferentFirmwareAreDriftNamingTheVersionsAndTheOddOnesOut() {
        Farm farm = new Farm().add(Farm.miner("a", "r", "Vnish 1.2.6", 1), 50.0)
                .add(Farm.miner("b", "r", "Vnish 1.2.6", 2), 50.0).add(Farm.miner("c", "r", "Vnish 1.3.4", 3), 50.0)
                .add(Farm.miner("d", "r", "", 4), 50.0);

        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(r.headline()).contains("firmware drift");
        assertThat(r.reasoning()).contains("Vnish 1.2.6 on 2").contains("Vnish 1.3.4 on 1")
                .contains("bring the 1 that differ to Vnish 1.2.6");
        assertThat(r.target().miners()).extracting(MinerId::value).containsExactly("a", "b", "c");
        assertThat(r.confidence()).isEqualTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void oneFirmwareVersionIsNoDrift() {
        Farm farm = new Farm().add("a", "r").add("b", "r");

        assertThat(advisor.advise(farm.evidence(), NOW, TrackRecord.none())).isEmpty();
    }
}
