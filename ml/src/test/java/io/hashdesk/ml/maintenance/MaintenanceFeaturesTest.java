package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceFeaturesTest {

    private static final int HOURS = 10 * 24;
    private final MaintenanceFeatures features = new MaintenanceFeatures(MaintenanceSettings.defaults());
    private final Instant end = HourlyPoints.START.plus(Duration.ofHours(HOURS));

    @Test
    void aSaggingFanShowsAsALowShareFallingByTheDay() {
        // Fan 2 at 72 % of its siblings, losing 0.2 % of their speed a day.
        HourlyHistory h = HourlyPoints.history("a", HOURS, hour -> HourlyPoints.Hour.healthy()
                .withFans(5000, 5000, 5000 * (0.74 - 0.002 * hour / 24.0), 5000));

        FeatureRow row = features.rows(List.of(h), end).getFirst();

        assertThat(row.value(MaintenanceFeature.SLOWEST_FAN_SHARE)).isCloseTo(0.74 - 0.002 * 9.5, within(0.001));
        assertThat(row.value(MaintenanceFeature.SLOWEST_FAN_SHARE_SLOPE)).isCloseTo(-0.002, within(1e-5));
        assertThat(row.value(MaintenanceFeature.PROJECTED_SLOWEST_FAN_VS_PEERS))
                .isLessThan(row.value(MaintenanceFeature.SLOWEST_FAN_VS_PEERS));
    }

    @Test
    void aWarmingUnitCountsTheDaysUntilItsPeakReachesTheModelsLimit() {
        HourlyHistory h = HourlyPoints.history("a", HOURS, hour -> HourlyPoints.Hour.healthy()
                .withChipTemp(70 + 0.5 * hour / 24.0, 72 + 0.5 * hour / 24.0));

        FeatureRow row = features.rows(List.of(h), end).getFirst();

        assertThat(row.value(MaintenanceFeature.CHIP_TEMP_SLOPE)).isCloseTo(0.5, within(1e-6));
        double headroom = HourlyPoints.CHIP_TEMP_MAX_C - row.value(MaintenanceFeature.CHIP_TEMP_PEAK);
        assertThat(row.value(MaintenanceFeature.DAYS_TO_CHIP_LIMIT)).isCloseTo(headroom / 0.5, within(1e-6));
    }

    @Test
    void aSteadyUnitIsAsFarFromItsLimitAsProjectionsReach() {
        HourlyHistory h = HourlyPoints.history("a", HOURS, hour -> HourlyPoints.Hour.healthy());

        FeatureRow row = features.rows(List.of(h), end).getFirst();

        assertThat(row.value(MaintenanceFeature.DAYS_TO_CHIP_LIMIT))
                .isEqualTo(MaintenanceSettings.defaults().maxProjectionDays());
    }

    @Test
    void climbingHardwareErrorsRaiseTheErrorRateAgainstTheUnitsOwnBaseline() {
        HourlyHistory h = HourlyPoints.history("a", HOURS, hour -> HourlyPoints.Hour.healthy()
                .withErrors(hour >= HOURS - 24 ? 100_000 : 1_000));

        FeatureRow row = features.rows(List.of(h), end).getFirst();

        assertThat(row.value(MaintenanceFeature.ERROR_RATE_CHANGE)).isCloseTo(2, within(0.05));
    }

    @Test
    void chipTemperatureIsComparedWithPeersOfTheSameGroupOnly() {
        HourlyHistory hot = HourlyPoints.history("hot", "g1", HOURS, hour -> HourlyPoints.Hour.healthy()
                .withChipTemp(75, 76));
        HourlyHistory peer1 = HourlyPoints.history("p1", "g1", HOURS, hour -> HourlyPoints.Hour.healthy());
        HourlyHistory peer2 = HourlyPoints.history("p2", "g1", HOURS, hour -> HourlyPoints.Hour.healthy());
        HourlyHistory elsewhere = HourlyPoints.history("x", "g2", HOURS, hour -> HourlyPoints.Hour.healthy()
                .withChipTemp(80, 81));

        List<FeatureRow> rows = features.rows(List.of(hot, peer1, peer2, elsewhere), end);

        assertThat(rows.get(0).value(MaintenanceFeature.CHIP_TEMP_ABOVE_PEERS)).isCloseTo(10, within(1e-9));
        assertThat(rows.get(3).value(MaintenanceFeature.CHIP_TEMP_ABOVE_PEERS)).isZero();
    }

    @Test
    void aUnitWithTooLittleHashingHistoryIsNotAssessed() {
        HourlyHistory h = HourlyPoints.history("a", HOURS, hour -> hour >= HOURS - 20
                ? HourlyPoints.Hour.healthy() : HourlyPoints.Hour.healthy().withHashing(0));
        HourlyHistory young = HourlyPoints.history("b", 5 * 24, hour -> HourlyPoints.Hour.healthy());

        assertThat(features.rows(List.of(h, young), end)).isEmpty();
    }
}
