package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureDetectorTest {

    private final FailureDetector detector = new FailureDetector(MaintenanceSettings.defaults().failureDetection());

    @Test
    void datesAFanStopToTheFirstHourItReadsFarBelowItsSiblings() {
        HourlyHistory h = HourlyPoints.history("a", 72, hour -> hour < 40
                ? HourlyPoints.Hour.healthy().withFans(5000, 3500, 5000, 5000)
                : HourlyPoints.Hour.healthy().withFans(600, 0, 600, 600).withHashing(0).withBoards(0, 0, 0));

        assertThat(detector.detect(h)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.FAN);
            assertThat(f.detail()).isEqualTo("fan 1");
            assertThat(f.at()).isEqualTo(HourlyPoints.START.plus(Duration.ofHours(40)));
        });
    }

    @Test
    void aWornFanThatStillTurnsIsNotAFailure() {
        HourlyHistory h = HourlyPoints.history("a", 72, hour -> HourlyPoints.Hour.healthy().withFans(5000, 3500, 5000,
                5000));

        assertThat(detector.detect(h)).isEmpty();
    }

    @Test
    void aBoardFailsWhenItsHashrateCollapsesWhileTheOthersHash() {
        HourlyHistory h = HourlyPoints.history("a", 72, hour -> hour < 50 ? HourlyPoints.Hour.healthy()
                : HourlyPoints.Hour.healthy().withBoards(34, 0, 34));

        assertThat(detector.detect(h)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.HASHBOARD);
            assertThat(f.detail()).isEqualTo("hashboard 1");
            assertThat(f.at()).isEqualTo(HourlyPoints.START.plus(Duration.ofHours(50)));
        });
    }

    @Test
    void boardsFallingUnevenlyInTheHourAFanStopsAreNotABoardFailure() {
        // Hour 40: the fan stops mid-hour, one board's mean falls further than the others' before the unit halts.
        HourlyHistory h = HourlyPoints.history("a", 72, hour -> hour < 40 ? HourlyPoints.Hour.healthy()
                : hour == 40 ? HourlyPoints.Hour.healthy().withFans(5000, 2600, 5000, 5000).withBoards(30, 12, 30)
                : HourlyPoints.Hour.healthy().withFans(600, 0, 600, 600).withHashing(0).withBoards(0, 0, 0));

        assertThat(detector.first(h)).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.FAN));
    }

    @Test
    void theWholeUnitStoppingIsNotABoardFailure() {
        HourlyHistory h = HourlyPoints.history("a", 72, hour -> hour < 50 ? HourlyPoints.Hour.healthy()
                : HourlyPoints.Hour.healthy().withBoards(0, 0, 0).withHashing(0));

        assertThat(detector.detect(h)).isEmpty();
    }

    @Test
    void anInterruptedHourWithAChipAtTheRestartTemperatureIsAnOverheat() {
        HourlyHistory h = HourlyPoints.history("a", 48, hour -> hour == 30
                ? HourlyPoints.Hour.healthy().withChipTemp(82, 85).withHashing(9)
                : HourlyPoints.Hour.healthy().withChipTemp(78, 80));

        assertThat(detector.first(h)).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.OVERHEAT);
            assertThat(f.at()).isEqualTo(HourlyPoints.START.plus(Duration.ofHours(30)));
        });
    }

    @Test
    void aRestartOfACoolUnitIsNotAnOverheat() {
        HourlyHistory h = HourlyPoints.history("a", 48, hour -> hour == 30
                ? HourlyPoints.Hour.healthy().withHashing(9) : HourlyPoints.Hour.healthy());

        assertThat(detector.detect(h)).isEmpty();
    }
}
