package io.hashdesk.ml.thermal;

import io.hashdesk.ml.CancelledProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.Stat;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ThermalModelTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);
    /** The physics the synthetic series are generated from. */
    private static final ThermalParameters TRUTH = new ThermalParameters(5, 7, 0.8, 60, Duration.ofSeconds(100));
    private static final double FULL_DUTY_RPM = 6000;
    private static final ThermalModel.Options OPTIONS = ThermalModel.Options.defaults();

    /** A miner whose power and fan change every 40 minutes, in a room swinging ±5 °C over a day. */
    private static List<SeriesPoint> series(int minutes, long seed, double fanHealth) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SeriesPoint> points = new ArrayList<>();
        double temp = 60;
        double power = 3000;
        double duty = 60;
        for (int m = 0; m < minutes; m++) {
            if (m % 40 == 0) {
                power = 2000 + random.nextDouble() * 1500;
                duty = 40 + random.nextDouble() * 60;
            }
            Instant at = T0.plus(STEP.multipliedBy(m));
            double steady = TRUTH.steadyStateC(ambient(at), power, duty / 100 * fanHealth);
            temp = steady + (temp - steady) * Math.exp(-60.0 / 100);
            points.add(point(at, power, duty, duty / 100 * FULL_DUTY_RPM * fanHealth, temp));
        }
        return points;
    }

    private static double ambient(Instant at) {
        return 22 + 5 * Math.sin(2 * Math.PI * at.getEpochSecond() / 86_400.0);
    }

    private static RoomAmbient room(int minutes) {
        List<RoomAmbient.Reading> readings = new ArrayList<>();
        for (int m = 0; m <= minutes; m += 15) {
            Instant at = T0.plus(STEP.multipliedBy(m));
            readings.add(new RoomAmbient.Reading(at, ambient(at)));
        }
        return new RoomAmbient(readings);
    }

    static SeriesPoint point(Instant at, Double power, Double duty, double rpm, double chipTempC) {
        return new SeriesPoint(at, Duration.ZERO, 1, 1, MinerStatus.MINING, Stat.of(100), power == null ? null
                : Stat.of(power), Stat.of(chipTempC), Stat.of(chipTempC - 10), Stat.of(rpm), duty, null, null, 0, 0,
                0, "3000", null, List.of(), List.of(rpm, rpm, rpm, rpm));
    }

    @Test
    void recoversThePhysicsItWasGeneratedFrom() {
        ThermalModel model = ThermalModel.fit(series(2 * 1440, 1, 1), room(2 * 1440), null, OPTIONS,
                TrainingProgress.NONE);

        ThermalParameters p = model.parameters();
        assertThat(p.timeConstant().toSeconds()).isBetween(90L, 110L);
        assertThat(p.airflowExponent()).isCloseTo(0.8, within(0.05));
        assertThat(model.airflowFromRpm()).isTrue();
        for (double fan : new double[]{30, 50, 100}) {
            assertThat(model.resistanceCPerW(fan)).isCloseTo(TRUTH.resistanceCPerW(fan / 100), within(2e-4));
        }
        assertThat(model.trainingRmseC()).isLessThan(0.05);
    }

    @Test
    void predictionStartsAtTheCurrentTemperatureAndSettlesAtTheSteadyState() {
        ThermalModel model = ThermalModel.fit(series(1440, 2, 1), room(1440), null, OPTIONS, TrainingProgress.NONE);

        double steady = model.steadyState(25, 3200, 70).chipTempC();
        assertThat(model.predict(25, 3200, 70, 50, Duration.ZERO).chipTempC()).isCloseTo(50, within(1e-9));
        double oneTau = model.predict(25, 3200, 70, 50, model.parameters().timeConstant()).chipTempC();
        assertThat(oneTau).isCloseTo(steady + (50 - steady) / Math.E, within(1e-6));
        assertThat(model.predict(25, 3200, 70, 50, Duration.ofHours(2)).chipTempC()).isCloseTo(steady, within(1e-6));
        assertThat(steady).isCloseTo(TRUTH.steadyStateC(25, 3200, 0.7), within(0.3));
    }

    @Test
    void predictionIntervalsContainThePredictionAndWidenWithTheHorizon() {
        List<SeriesPoint> noisy = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (SeriesPoint p : series(1440, 3, 1)) {
            double t = Math.round(p.chipTempC().mean() + random.nextGaussian() * 0.3);
            noisy.add(point(p.start(), p.powerWatts().mean(), p.fanPercent(), p.fanRpm().getFirst(), t));
        }
        ThermalModel model = ThermalModel.fit(noisy, room(1440), null, OPTIONS, TrainingProgress.NONE);

        TemperaturePrediction soon = model.predict(25, 3000, 60, 70, Duration.ofMinutes(1));
        TemperaturePrediction steady = model.steadyState(25, 3000, 60);
        assertThat(soon.lowC()).isLessThan(soon.chipTempC());
        assertThat(soon.highC()).isGreaterThan(soon.chipTempC());
        assertThat(soon.coverage()).isEqualTo(OPTIONS.intervalCoverage());
        assertThat(steady.highC() - steady.lowC()).isGreaterThan(0.5);
    }

    @Test
    void wornFansLowerAirflowPerDutyAndRaiseThePredictedTemperature() {
        List<SeriesPoint> healthy = series(1440, 4, 1);
        List<SeriesPoint> sagging = new ArrayList<>(healthy);
        // The last 3 hours: fans deliver 80 % of their former airflow at the same duty.
        List<SeriesPoint> late = series(1440 + 180, 4, 0.8).subList(1440, 1440 + 180);
        sagging.addAll(late);

        ThermalModel before = ThermalModel.fit(healthy, room(1440 + 180), null, OPTIONS, TrainingProgress.NONE);
        ThermalModel after = ThermalModel.fit(sagging, room(1440 + 180), null, OPTIONS, TrainingProgress.NONE);

        assertThat(after.airflowPerDuty()).isLessThan(0.9 * before.airflowPerDuty());
        assertThat(after.steadyState(25, 3000, 60).chipTempC())
                .isGreaterThan(before.steadyState(25, 3000, 60).chipTempC() + 1);
    }

    @Test
    void aShortSeriesNeedsAPriorAndSaysHowManyPointsItHas() {
        List<SeriesPoint> peers = series(1440, 5, 1);
        List<SeriesPoint> shortSeries = series(20, 6, 1);

        assertThatThrownBy(() -> ThermalModel.fit(shortSeries, room(20), null, OPTIONS, TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 36 usable points")
                .hasMessageContaining("got 19 of 20");
        ThermalModel peer = ThermalModel.fit(peers, room(1440), null, OPTIONS, TrainingProgress.NONE);
        ThermalPrior prior = ThermalPrior.fromPeers("s19j-pro", List.of(peer), OPTIONS);
        ThermalModel newcomer = ThermalModel.fit(shortSeries, room(20), prior, OPTIONS, TrainingProgress.NONE);

        assertThat(newcomer.priorScope()).isEqualTo("s19j-pro");
        assertThat(newcomer.steadyState(25, 3000, 90).chipTempC())
                .isCloseTo(TRUTH.steadyStateC(25, 3000, 0.9), within(1.0));
    }

    @Test
    void pointsMissingPowerAreLeftOutAndBreakTheLag() {
        List<SeriesPoint> series = new ArrayList<>(series(60, 7, 1));
        SeriesPoint gap = series.get(30);
        series.set(30, point(gap.start(), null, gap.fanPercent(), gap.fanRpm().getFirst(), gap.chipTempC().mean()));

        ThermalSamples samples = ThermalSamples.from(series, room(60), OPTIONS);

        assertThat(samples.size()).isEqualTo(59);
        assertThat(samples.leftOut).isEqualTo(1);
        assertThat(samples.chained[30]).as("the point after the gap starts a new chain").isFalse();
        assertThat(samples.chainedCount()).isEqualTo(57);
    }

    @Test
    void refusesASeriesOutOfTimeOrderNamingThePoint() {
        List<SeriesPoint> series = new ArrayList<>(series(60, 8, 1));
        series.set(10, series.get(9));

        assertThatThrownBy(() -> ThermalModel.fit(series, room(60), null, OPTIONS, TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("telemetry point 10");
    }

    @Test
    void refusesImpossibleInputsToAPrediction() {
        ThermalModel model = ThermalModel.fit(series(240, 10, 1), room(240), null, OPTIONS, TrainingProgress.NONE);

        assertThatThrownBy(() -> model.predict(25, 3000, 120, 60, Duration.ofMinutes(5)))
                .hasMessageContaining("fan duty 0–100 %");
        assertThatThrownBy(() -> model.predict(25, -1, 50, 60, Duration.ofMinutes(5)))
                .hasMessageContaining("power ≥ 0 W");
        assertThatThrownBy(() -> model.predict(25, 3000, 50, 60, Duration.ofMinutes(-5)))
                .hasMessageContaining("into the past");
    }

    @Test
    void stopsWhenCancelled() {
        TrainingProgress cancelled = new CancelledProgress();

        assertThatThrownBy(() -> ThermalModel.fit(series(240, 11, 1), room(240), null, OPTIONS, cancelled))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void theAnalyticJacobianMatchesFiniteDifferences() {
        ThermalSamples samples = ThermalSamples.from(series(240, 12, 1), room(240), OPTIONS);
        ThermalModel peer = ThermalModel.fit(series(1440, 13, 1), room(1440), null, OPTIONS, TrainingProgress.NONE);
        LagResiduals residuals = new LagResiduals(samples, ThermalPrior.fromPeers("s19j-pro", List.of(peer), OPTIONS));
        double[] theta = {Math.log(4), Math.log(8), 0.7, 40, Math.log(120)};
        double[][] analytic = new double[residuals.count()][ThermalParameters.COUNT];
        double[] base = new double[residuals.count()];
        double[] shifted = new double[residuals.count()];

        residuals.jacobian(theta, analytic);
        residuals.evaluate(theta, base);

        for (int a = 0; a < theta.length; a++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[a]));
            double[] moved = theta.clone();
            moved[a] += h;
            residuals.evaluate(moved, shifted);
            for (int i = 0; i < base.length; i++) {
                assertThat(analytic[i][a]).as("residual %d, parameter %d", i, a)
                        .isCloseTo((shifted[i] - base[i]) / h, within(1e-4 * Math.max(1, Math.abs(analytic[i][a]))));
            }
        }
    }

    @Test
    void intervalsComeFromRollingOriginErrorsAndWidenWithTheRiseAndTheMove() {
        List<SeriesPoint> noisy = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(14);
        for (SeriesPoint p : series(2 * 1440, 15, 1)) {
            double t = Math.round(p.chipTempC().mean() + random.nextGaussian() * 0.3);
            noisy.add(point(p.start(), p.powerWatts().mean(), p.fanPercent(), p.fanRpm().getFirst(), t));
        }
        ThermalModel model = ThermalModel.fit(noisy, room(2 * 1440), null, OPTIONS, TrainingProgress.NONE);

        assertThat(model.state().errors().calibrationOrigins()).isEqualTo(OPTIONS.calibrationBlocks() - 1);
        assertThat(model.state().errors().oneStepRmseC()).isBetween(0.1, 1.0);
        TemperaturePrediction cool = model.steadyState(25, 2000, 60);
        TemperaturePrediction hot = model.steadyState(25, 3500, 60);
        assertThat(hot.highC() - hot.lowC()).isGreaterThan(cool.highC() - cool.lowC());
        double steady = model.steadyState(25, 3000, 60).chipTempC();
        TemperaturePrediction settled = model.predict(25, 3000, 60, steady, Duration.ofMinutes(1));
        TemperaturePrediction cooling = model.predict(25, 3000, 60, steady + 15, Duration.ofMinutes(1));
        assertThat(cooling.highC() - cooling.lowC()).isGreaterThan(settled.highC() - settled.lowC());
    }

    @Test
    void roomAmbientInterpolatesBetweenReadingsAndHoldsFlatOutsideThem() {
        RoomAmbient room = new RoomAmbient(List.of(new RoomAmbient.Reading(T0, 20),
                new RoomAmbient.Reading(T0.plus(Duration.ofHours(1)), 26)));

        assertThat(room.tempAt(T0.minus(Duration.ofHours(3)))).isEqualTo(20);
        assertThat(room.tempAt(T0.plus(Duration.ofMinutes(30)))).isCloseTo(23, within(1e-9));
        assertThat(room.tempAt(T0.plus(Duration.ofDays(1)))).isEqualTo(26);
        assertThat(RoomAmbient.constant(24).tempAt(T0)).isEqualTo(24);
        assertThatThrownBy(() -> new RoomAmbient.Reading(T0, 95)).hasMessageContaining("[-40, 60]");
    }
}
