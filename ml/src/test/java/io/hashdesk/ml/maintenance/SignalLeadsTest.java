package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignalLeadsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final int HOURS_PER_SAMPLE = 6;

    private final List<TrainingSample> samples = new ArrayList<>();
    private final List<double[]> scores = new ArrayList<>();
    private final Random random = new Random(5);

    /**
     * Samples every 6 h over 12 days of a unit; a failing unit's score for its kind is high from {@code showsDays}
     * before the failure on and noise like a healthy unit's before that.
     */
    private void unit(String id, FailureKind kind, double showsDays) {
        Instant failure = T0.plus(Duration.ofDays(12));
        for (int h = 0; h < 12 * 24; h += HOURS_PER_SAMPLE) {
            FeatureRow row = new FeatureRow(MinerId.of(id), "g", T0.plus(Duration.ofHours(h)),
                    new double[MaintenanceFeature.count()]);
            TrainingSample s = kind == null ? new TrainingSample(row, null, null)
                    : new TrainingSample(row, failure, kind);
            double[] k = new double[FailureKind.values().length];
            for (int i = 0; i < k.length; i++) {
                k[i] = 0.1 * random.nextDouble();
            }
            if (kind != null && s.daysToFailure() <= showsDays) {
                k[kind.ordinal()] = 0.5 + 0.5 * random.nextDouble();
            }
            samples.add(s);
            scores.add(k);
        }
    }

    @Test
    void aKindIsLearnedOnlyFromTheDaysOnWhichItsScoreStandsOutFromHealthyUnits() {
        for (int i = 0; i < 4; i++) {
            unit("board" + i, FailureKind.HASHBOARD, 3);
            unit("hot" + i, FailureKind.OVERHEAT, 10);
            unit("healthy" + i, null, 0);
        }

        SignalLeads leads = SignalLeads.measure(samples, scores.toArray(double[][]::new), WEEK, 0.75, 8);

        assertThat(leads.leadDays(FailureKind.HASHBOARD)).isEqualTo(3);
        assertThat(leads.leadDays(FailureKind.OVERHEAT)).isEqualTo(7);
        // No fan failures to judge by: every fan sample would be kept.
        assertThat(leads.leadDays(FailureKind.FAN)).isEqualTo(7);
        TrainingSample boardFiveDaysAhead = samples.stream().filter(s -> s.failureKind() == FailureKind.HASHBOARD
                && s.daysToFailure() == 5).findFirst().orElseThrow();
        TrainingSample boardTwoDaysAhead = samples.stream().filter(s -> s.failureKind() == FailureKind.HASHBOARD
                && s.daysToFailure() == 2).findFirst().orElseThrow();
        TrainingSample boardTenDaysAhead = samples.stream().filter(s -> s.failureKind() == FailureKind.HASHBOARD
                && s.daysToFailure() == 10).findFirst().orElseThrow();
        assertThat(leads.trainsOn(boardFiveDaysAhead, WEEK)).isFalse();
        assertThat(leads.trainsOn(boardTwoDaysAhead, WEEK)).isTrue();
        assertThat(leads.trainsOn(boardTenDaysAhead, WEEK)).as("a negative sample is always learned from").isTrue();
    }

    @Test
    void daysWithTooFewSamplesToTellCountAsVisible() {
        unit("board", FailureKind.HASHBOARD, 3);
        unit("healthy", null, 0);

        SignalLeads leads = SignalLeads.measure(samples, scores.toArray(double[][]::new), WEEK, 0.75, 8);

        assertThat(leads.leadDays(FailureKind.HASHBOARD)).isEqualTo(7);
    }

    @Test
    void areaUnderTheCurveCountsTiesAsHalf() {
        assertThat(SignalLeads.auc(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1);
        assertThat(SignalLeads.auc(new double[] {1}, new double[] {1, 2})).isCloseTo(0.25, within(1e-12));
    }
}
