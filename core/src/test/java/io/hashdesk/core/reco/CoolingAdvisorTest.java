package io.hashdesk.core.reco;

import static io.hashdesk.core.reco.Farm.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoolingAdvisorTest {

    private final CoolingAdvisor advisor = new CoolingAdvisor(RecommendationSettings.defaults());

    @Test
    void aUnitShortOfHeadroomWhoseFansHaveRoomGetsAHigherFanMinimumAndALowerTarget() {
        Farm farm = new Farm().add(Farm.miner("m1", "hall-a", "Vnish 1.2.6"), 55.0).thermal("m1", 87, 30, 2800, 0);

        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(r.type()).isEqualTo(RecommendationType.COOLING);
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.to().fanMinDutyPercent()).isEqualTo(60);
            assertThat(c.to().targetTempC()).isEqualTo(82);
            assertThat(c.to().powerTargetWatts()).isNull();
        });
        assertThat(r.reasoning()).contains("87.0 °C").contains("90.0 °C").contains("room sensor");
        assertThat(r.confidence()).isGreaterThan(0);
    }

    @Test
    void aUnitWhoseFansAreSaturatedIsDeratedToThePowerTheModelGives() {
        Farm farm = new Farm().add(Farm.miner("m1", "hall-a", "Vnish 1.2.6"), 95.0).thermal("m1", 91, 30, 2700, 0);

        Recommendation r = advisor.advise(farm.evidence(), NOW, TrackRecord.none()).getFirst();

        assertThat(r.changes().getFirst().to().powerTargetWatts()).isEqualTo(2700);
        assertThat(r.changes().getFirst().from().preset()).isEqualTo("3000");
        assertThat(r.impact().powerWatts().mean()).isEqualTo(-300);
        assertThat(r.urgency()).isEqualTo(Urgency.HIGH);
    }

    @Test
    void aUnitWithAmpleHeadroomGetsNothing() {
        Farm farm = new Farm().add("m1", "hall-a").thermal("m1", 75, 25, null, 0);

        assertThat(advisor.advise(farm.evidence(), NOW, TrackRecord.none())).isEmpty();
    }

    @Test
    void severalShortUnitsInARoomGetRoomAdviceNamingWhichToDerateCleanAndMove() {
        Farm farm = new Farm();
        for (String id : List.of("m1", "m2", "m3", "m4", "m5")) {
            farm.add(Farm.miner(id, "hall-a", "Vnish 1.2.6", farm.miners.size() + 1), 95.0);
        }
        farm.thermal("m1", 88, 27, 2800, 0)      // short, derate
                .thermal("m2", 88, 27, 2800, 25)  // short, derate and clean
                .thermal("m3", 88, 33, 2800, 0)   // short, derate and move (6 °C hotter intake)
                .thermal("m4", 70, 27, null, 0)   // fine
                .thermal("m5", 70, 27, null, 0);  // fine

        List<Recommendation> out = advisor.advise(farm.evidence(), NOW, TrackRecord.none());

        assertThat(out).singleElement().satisfies(room -> {
            assertThat(room.target().scope()).isEqualTo(TargetScope.ROOM);
            assertThat(room.target().miners()).extracting(MinerId::value).containsExactly("m1", "m2", "m3");
            assertThat(room.changes()).extracting(c -> c.to().powerTargetWatts()).containsOnly(2800);
            assertThat(room.steps()).anySatisfy(s -> assertThat(s).startsWith("Clean").contains("m2").contains("25 %"));
            assertThat(room.steps()).anySatisfy(s -> assertThat(s).startsWith("Move").contains("m3")
                    .contains("33.0 °C").contains("27.0 °C"));
            assertThat(room.steps()).noneMatch(s -> s.startsWith("Move") && s.contains("m1"));
        });
    }
}
