package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSamplesTest {

    private static final int DAYS = 40;
    private static final int FAN_STOPS_AT_HOUR = 30 * 24;
    private static final MaintenanceSettings SETTINGS = MaintenanceSettings.defaults();

    /** Forty healthy units and one whose fan stops on day 30. */
    private static List<HourlyHistory> farm() {
        List<HourlyHistory> units = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            units.add(HourlyPoints.history(String.format("h%02d", i), DAYS * 24, hour -> HourlyPoints.Hour.healthy()));
        }
        units.add(HourlyPoints.history("failing", DAYS * 24, hour -> hour < FAN_STOPS_AT_HOUR
                ? HourlyPoints.Hour.healthy()
                : HourlyPoints.Hour.healthy().withFans(600, 0, 600, 600).withHashing(0).withBoards(0, 0, 0)));
        return units;
    }

    @Test
    void thinsSamplesFarFromAnyFailureAndWeighsTheKeptOnesForTheRest() {
        List<HourlyHistory> units = farm();
        ObservedFailure failure = new FailureDetector(SETTINGS.failureDetection()).first(units.getLast())
                .orElseThrow();
        List<TrainingSample> all = TrainingSamples.of(units, Map.of(MinerId.of("failing"), failure), SETTINGS,
                TrainingProgress.NONE);

        List<TrainingSample> thinned = TrainingSamples.fromStoredFailures(units, SETTINGS, TrainingProgress.NONE);

        Duration keepAll = SETTINGS.negativeSampling().keepAllBeforeFailure();
        List<TrainingSample> nearFailure = all.stream().filter(s -> s.failsWithin(keepAll)).toList();
        assertThat(thinned.stream().filter(s -> s.failsWithin(keepAll)).map(TrainingSamplesTest::key).toList())
                .isEqualTo(nearFailure.stream().map(TrainingSamplesTest::key).toList());
        List<TrainingSample> rest = thinned.stream().filter(s -> !s.failsWithin(keepAll)).toList();
        long positives = all.stream().filter(s -> s.failsWithin(SETTINGS.horizon())).count();
        assertThat((double) rest.size()).isCloseTo(SETTINGS.negativeSampling().negativesPerPositive() * positives,
                within(0.3 * SETTINGS.negativeSampling().negativesPerPositive() * positives));
        assertThat(rest).allSatisfy(s -> assertThat(s.weight()).isGreaterThan(1));
        double restOfAll = all.size() - nearFailure.size();
        assertThat(rest.stream().mapToDouble(TrainingSample::weight).sum()).isCloseTo(restOfAll,
                within(0.15 * restOfAll));
    }

    /** What identifies a sample, and what it weighs (rows hold arrays, which records compare by reference). */
    private static String key(TrainingSample s) {
        return s.row().miner() + "@" + s.row().at() + "×" + s.weight();
    }

    @Test
    void scoringSamplesAreNeverThinned() {
        List<HourlyHistory> units = farm().subList(0, 40);

        List<TrainingSample> all = TrainingSamples.of(units, Map.of(), SETTINGS, TrainingProgress.NONE);

        int perUnit = (int) ((DAYS * 24 - SETTINGS.historyNeeded().toHours()) / SETTINGS.sampleEvery().toHours()) + 1;
        assertThat(all).hasSize(units.size() * perUnit).allSatisfy(s -> assertThat(s.weight()).isEqualTo(1));
    }
}
