package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FailureRiskModelTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final int DAYS = 20;
    /**
     * The 7-day lead target rather than the defaults' margin above it: here the fan shows only in its last 10
     * days and samples are daily, so a margin could only be met by alarming on noise.
     */
    private final MaintenanceSettings settings = TestSettings.withLeadTarget(7);

    /**
     * Daily rows of a unit. A failing unit's slowest fan sags from 1 to 0.7 of its peers over its last 10 days and
     * stops on day {@code DAYS}; every other feature is noise shared by all units.
     */
    private static List<TrainingSample> unit(String id, boolean fails, Random random) {
        List<TrainingSample> samples = new ArrayList<>();
        Instant failure = T0.plus(Duration.ofDays(DAYS));
        for (int d = 0; d < DAYS; d++) {
            double[] x = new double[MaintenanceFeature.count()];
            for (int f = 0; f < x.length; f++) {
                x[f] = random.nextGaussian();
            }
            double daysLeft = DAYS - d;
            double sag = fails ? Math.max(0, 0.3 * (1 - daysLeft / 10)) : 0;
            x[MaintenanceFeature.SLOWEST_FAN_VS_PEERS.ordinal()] = 1 - sag + 0.005 * random.nextGaussian();
            FeatureRow row = new FeatureRow(MinerId.of(id), "g", T0.plus(Duration.ofDays(d)), x);
            samples.add(fails ? new TrainingSample(row, failure, FailureKind.FAN) : new TrainingSample(row, null, null));
        }
        return samples;
    }

    private static List<TrainingSample> fleet(int failing, int healthy, long seed) {
        Random random = new Random(seed);
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < failing; i++) {
            samples.addAll(unit("f" + i, true, random));
        }
        for (int i = 0; i < healthy; i++) {
            samples.addAll(unit("h" + i, false, random));
        }
        return samples;
    }

    @Test
    void raisesTheAlarmBeforeASaggingFanStopsAndNamesTheFanAsTheReason() {
        FailureRiskModel model = FailureRiskModel.fit(fleet(12, 12, 1), settings, TrainingProgress.NONE);
        List<TrainingSample> unseen = fleet(6, 6, 2);

        boolean[] alarms = new boolean[unseen.size()];
        for (int i = 0; i < alarms.length; i++) {
            alarms[i] = model.assess(unseen.get(i).row()).alarm();
        }
        AlarmScore score = AlarmScore.of(unseen, alarms, settings.horizon());

        assertThat(score.f1()).isGreaterThan(0.8);
        assertThat(score.medianLeadDays()).isGreaterThanOrEqualTo(5);
        FailureRisk lastDay = model.assess(unseen.get(DAYS - 1).row());
        assertThat(lastDay.probability()).isGreaterThan(0.8);
        assertThat(lastDay.warningSigns().getFirst().feature()).isEqualTo(MaintenanceFeature.SLOWEST_FAN_VS_PEERS);
        assertThat(lastDay.warningSigns().getFirst().healthyValue()).isGreaterThan(0.99);
        assertThat(model.assess(unseen.getLast().row()).probability()).isLessThan(0.2);
    }

    @Test
    void calibratedProbabilitiesScoreBetterThanTheBaseRate() {
        FailureRiskModel model = FailureRiskModel.fit(fleet(12, 12, 3), settings, TrainingProgress.NONE);

        double baseRate = 12 * 7.0 / (24 * DAYS);
        double baseRateBrier = baseRate * (1 - baseRate);
        assertThat(model.report().brierScore()).isLessThan(baseRateBrier / 2);
    }

    @Test
    void probabilitiesStayCalibratedWhenHealthySamplesAreThinnedAndWeighted() {
        // Three in four healthy samples left out, each kept one weighing 4: the forest sees a failure-heavy history.
        List<TrainingSample> thinned = new ArrayList<>();
        List<TrainingSample> full = fleet(12, 48, 5);
        for (int i = 0; i < full.size(); i++) {
            TrainingSample s = full.get(i);
            if (s.failureAt() != null) {
                thinned.add(s);
            } else if (i % 4 == 0) {
                thinned.add(new TrainingSample(s.row(), null, null, 4));
            }
        }
        FailureRiskModel model = FailureRiskModel.fit(thinned, settings, TrainingProgress.NONE);
        List<TrainingSample> unseen = fleet(12, 48, 6);

        double meanProbability = unseen.stream().mapToDouble(s -> model.probability(s.row())).average().orElseThrow();
        double observed = unseen.stream().filter(s -> s.failsWithin(settings.horizon())).count()
                / (double) unseen.size();
        assertThat(meanProbability).isCloseTo(observed, within(0.03));
    }

    @Test
    void aFleetAssessmentExplainsOnlyTheHighestAlarmedRisks() {
        FailureRiskModel model = FailureRiskModel.fit(fleet(12, 12, 1), settings, TrainingProgress.NONE);
        List<FeatureRow> rows = fleet(30, 30, 7).stream().map(TrainingSample::row).toList();

        List<FailureRisk> risks = model.assessFleet(rows);

        assertThat(risks).extracting(FailureRisk::probability)
                .containsExactly(java.util.Arrays.stream(model.probabilities(rows)).boxed().toArray(Double[]::new));
        List<FailureRisk> explained = risks.stream().filter(FailureRisk::explained).toList();
        assertThat(risks.stream().filter(FailureRisk::alarm).count()).isGreaterThan(settings.explainedUnits());
        assertThat(explained).hasSize(settings.explainedUnits()).allSatisfy(r -> assertThat(r.alarm()).isTrue());
        double lowestExplained = explained.stream().mapToDouble(FailureRisk::probability).min().orElseThrow();
        assertThat(risks).filteredOn(r -> r.alarm() && !r.explained())
                .allSatisfy(r -> assertThat(r.probability()).isLessThanOrEqualTo(lowestExplained));
        for (int i = 0; i < rows.size(); i++) {
            if (risks.get(i).explained()) {
                assertThat(risks.get(i)).isEqualTo(model.assess(rows.get(i)));
            } else {
                assertThat(risks.get(i).warningSigns()).isEmpty();
            }
        }
    }

    @Test
    void refusesAHistoryWithFewerFailingUnitsThanFolds() {
        assertThatThrownBy(() -> FailureRiskModel.fit(fleet(2, 12, 4), settings, TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least " + settings.calibrationFolds() + " units that failed");
    }
}
