package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmScoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    /** Daily samples of one unit for {@code days} days, failing at the end of the last day (or never). */
    private static List<TrainingSample> unit(String id, int days, boolean fails) {
        List<TrainingSample> samples = new ArrayList<>();
        Instant failure = T0.plus(Duration.ofDays(days));
        for (int d = 0; d < days; d++) {
            FeatureRow row = new FeatureRow(MinerId.of(id), "g", T0.plus(Duration.ofDays(d)),
                    new double[MaintenanceFeature.count()]);
            samples.add(fails ? new TrainingSample(row, failure, FailureKind.FAN) : new TrainingSample(row, null, null));
        }
        return samples;
    }

    @Test
    void leadTimeRunsFromTheFirstAlarmOfTheRunThatReachesTheFailure() {
        List<TrainingSample> samples = unit("a", 12, true);
        boolean[] alarms = new boolean[12];
        alarms[1] = true; // an early blip, then quiet: not the alarm that announced the failure
        for (int d = 3; d < 12; d++) {
            alarms[d] = true;
        }

        AlarmScore score = AlarmScore.of(samples, alarms, WEEK);

        assertThat(score.leadDays()).containsExactly(9.0);
        // Days 5–11 fail within a week: all alarmed. Days 1, 3, 4 are alarms too early.
        assertThat(score.truePositives()).isEqualTo(7);
        assertThat(score.falsePositives()).isEqualTo(3);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void aThinnedSampleCountsForTheSamplesItStandsFor() {
        List<TrainingSample> samples = new ArrayList<>(unit("a", 8, true));
        for (TrainingSample s : unit("b", 8, false)) {
            samples.add(new TrainingSample(s.row(), null, null, 5));
        }
        boolean[] alarms = new boolean[16];
        alarms[7] = true;
        alarms[15] = true;

        AlarmScore score = AlarmScore.of(samples, alarms, WEEK);

        assertThat(score.falsePositives()).isEqualTo(5);
        assertThat(score.trueNegatives()).isEqualTo(1 + 35);
        assertThat(score.precision()).isCloseTo(1.0 / 6, within(1e-9));
    }

    @Test
    void aFailureWhoseLastSampleRaisedNoAlarmHadNoWarning() {
        List<TrainingSample> samples = unit("a", 10, true);
        boolean[] alarms = new boolean[10];
        alarms[6] = true;

        AlarmScore score = AlarmScore.of(samples, alarms, WEEK);

        assertThat(score.leadDays()).containsExactly(0.0);
        assertThat(score.medianLeadDays()).isZero();
    }

    @Test
    void healthyUnitsAddOnlyNegativesAndNoLeadTimes() {
        List<TrainingSample> samples = new ArrayList<>(unit("a", 8, true));
        samples.addAll(unit("b", 8, false));
        boolean[] alarms = new boolean[16];
        alarms[7] = true;
        alarms[15] = true;

        AlarmScore score = AlarmScore.of(samples, alarms, WEEK);

        assertThat(score.leadDays()).containsExactly(1.0);
        assertThat(score.falsePositives()).isEqualTo(1);
        assertThat(score.trueNegatives()).isEqualTo(8);
        assertThat(score.f1()).isCloseTo(2 * 0.5 * (1.0 / 7) / (0.5 + 1.0 / 7), within(1e-9));
    }

    @Test
    void aFailureFirstSeenLessThanAHorizonBeforeItCountsInF1ButAddsNoLeadTime() {
        List<TrainingSample> samples = new ArrayList<>(unit("a", 10, true));
        samples.addAll(unit("late", 3, true));
        boolean[] alarms = new boolean[13];
        for (int d = 3; d < 13; d++) {
            alarms[d] = true;
        }

        AlarmScore score = AlarmScore.of(samples, alarms, WEEK);

        assertThat(score.leadDays()).containsExactly(7.0);
        assertThat(score.failuresSeenLate()).isEqualTo(1);
        assertThat(score.truePositives()).isEqualTo(10);
    }
}
