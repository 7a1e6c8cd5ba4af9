package io.hashdesk.ml.optimiser;

import io.hashdesk.ml.CancelledProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashdesk.ml.TrainingProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfficiencyCurveTest {

    private static final OptimiserOptions OPTIONS = OptimiserOptions.defaults();
    private static final InputBox BOX = new InputBox(340, 850, 12.0, 15.0);

    @Test
    void aModelCurveTakesItsProbeBudgetRoundRobinOverTheUnitsNewestFirst() {
        List<Probe> many = SyntheticUnit.probes(0, 5);
        List<Probe> one = SyntheticUnit.probes(0.01, 1);
        List<Probe> three = SyntheticUnit.probes(0.02, 3);
        List<UnitHistory> units = List.of(new UnitHistory("a", "synthetic", many),
                new UnitHistory("b", "synthetic", one), new UnitHistory("c", "synthetic", three));

        assertThat(EfficiencyCurve.probesTaken(units, 6)).containsExactly(3, 1, 2);
        assertThat(EfficiencyCurve.probesTaken(units, 100)).containsExactly(5, 1, 3);
        assertThat(EfficiencyCurve.probesTaken(units, 2)).containsExactly(1, 1, 0);

        assertThat(EfficiencyCurve.modelProbes("synthetic", units, 6)).containsExactly(
                many.get(2), many.get(3), many.get(4), one.get(0), three.get(1), three.get(2));
        assertThatThrownBy(() -> EfficiencyCurve.modelProbes("other", units, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit a is a synthetic");
    }

    @Test
    void restoresFromItsJsonStateToTheSamePredictions() throws Exception {
        EfficiencyCurve prior = EfficiencyCurve.fit("model test", SyntheticUnit.probes(0.0, 9), BOX, null, OPTIONS,
                TrainingProgress.NONE);
        EfficiencyCurve curve = EfficiencyCurve.fit("unit test", SyntheticUnit.probes(0.1, 4), BOX, prior, OPTIONS,
                TrainingProgress.NONE);
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(curve.state());
        EfficiencyCurve restored = EfficiencyCurve.restore(json.readValue(text, EfficiencyCurve.State.class));

        Setting at = new Setting(450, 12.7);
        assertThat(restored.predict(at)).isEqualTo(curve.predict(at));
        assertThat(restored.state()).isEqualTo(curve.state());
    }

    @Test
    void learnsAUnitsShiftFromItsModelPriorWithFewProbes() {
        EfficiencyCurve prior = EfficiencyCurve.fit("model test", SyntheticUnit.probes(0.0, 16), BOX, null, OPTIONS,
                TrainingProgress.NONE);
        List<Probe> unitProbes = SyntheticUnit.probes(0.15, 3);
        EfficiencyCurve withPrior = EfficiencyCurve.fit("unit", unitProbes, BOX, prior, OPTIONS, TrainingProgress.NONE);
        EfficiencyCurve alone = EfficiencyCurve.fit("unit", unitProbes, BOX, null, OPTIONS, TrainingProgress.NONE);

        assertThat(meanLogErrorMiss(withPrior, 0.15)).isLessThan(meanLogErrorMiss(alone, 0.15));
    }

    /** Mean absolute miss of ln(error) over a grid of the envelope, errors floored as the curve floors them. */
    private static double meanLogErrorMiss(EfficiencyCurve curve, double offsetVolts) {
        double miss = 0;
        int count = 0;
        for (int f = 340; f <= 850; f += 30) {
            for (int v10 = 1200; v10 <= 1500; v10 += 20) {
                Setting at = new Setting(f, v10 / 100.0);
                double truth = Math.log(Math.max(OPTIONS.errorFloorFraction(),
                        SyntheticUnit.errorFraction(at, offsetVolts)));
                miss += Math.abs(Math.log(curve.predict(at).errorFraction().mean()) - truth);
                count++;
            }
        }
        return miss / count;
    }

    @Test
    void aUnitThatNeverReportedPowerTakesPowerFromItsPriorAndIsRefusedWithoutOne() {
        EfficiencyCurve prior = EfficiencyCurve.fit("model test", SyntheticUnit.probes(0.0, 9), BOX, null, OPTIONS,
                TrainingProgress.NONE);
        List<Probe> withoutPower = SyntheticUnit.probes(0.0, 4).stream()
                .map(p -> new Probe(p.setting(), p.hashrateThs(), null, p.chipTempC(), p.errorFraction())).toList();

        EfficiencyCurve unit = EfficiencyCurve.fit("unit u1", withoutPower, BOX, prior, OPTIONS,
                TrainingProgress.NONE);

        Setting at = new Setting(500, 13.0);
        assertThat(unit.predict(at).powerWatts().mean()).isEqualTo(prior.predict(at).powerWatts().mean());
        assertThat(unit.state().hyperparameters()).doesNotContainKeys(EfficiencyCurve.Output.POWER,
                EfficiencyCurve.Output.EFFICIENCY);
        assertThatThrownBy(() -> EfficiencyCurve.fit("unit u1", withoutPower, BOX, null, OPTIONS,
                TrainingProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit u1").hasMessageContaining("reported power");
    }

    @Test
    void measurementIntervalsAreWiderThanTheLatentSpreadAndCalibratedFromTheProbes() {
        EfficiencyCurve curve = EfficiencyCurve.fit("model test", SyntheticUnit.probes(0.0, 12), BOX, null, OPTIONS,
                TrainingProgress.NONE);
        Setting at = new Setting(560, 13.3);

        Forecast latent = curve.forecast(at);
        Interval measured = curve.predict(at).efficiencyJPerTh();

        assertThat(measured.sd()).isGreaterThan(latent.sd(EfficiencyCurve.Output.EFFICIENCY));
        assertThat(measured.high() - measured.mean()).isGreaterThan(curve.intervalZ() * measured.sd());
        assertThat(curve.calibrated()).isTrue();
        assertThat(curve.state().calibration().get(EfficiencyCurve.Output.EFFICIENCY).degreesOfFreedom())
                .isEqualTo((int) curve.probes().stream()
                        .filter(p -> EfficiencyCurve.teaches(EfficiencyCurve.Output.EFFICIENCY, p, OPTIONS)).count()
                        + OPTIONS.calibration().priorWeightProbes());
    }

    @Test
    void refusesAHistoryInWhichNothingHashed() {
        Probe dead = new Probe(new Setting(500, 12.0), 0, 2000.0, 60.0, 1);

        assertThatThrownBy(() -> EfficiencyCurve.fit("unit dead", List.of(dead), BOX, null, OPTIONS,
                TrainingProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit dead").hasMessageContaining("no hashrate");
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        TrainingProgress cancelled = new CancelledProgress();

        assertThatThrownBy(() -> EfficiencyCurve.fit("unit", SyntheticUnit.probes(0, 3), BOX, null, OPTIONS,
                cancelled)).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
