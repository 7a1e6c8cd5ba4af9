package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.TrainingProgress;
import org.junit.jupiter.api.Test;

class CurveChangeTest {

    private static final OptimiserOptions OPTIONS = OptimiserOptions.defaults();
    private static final InputBox BOX = new InputBox(340, 850, 12.0, 15.0);
    private static final EfficiencyCurve CURVE = EfficiencyCurve.fit("model test", SyntheticUnit.probes(0.0, 12), BOX,
            null, OPTIONS, TrainingProgress.NONE);

    @Test
    void aChangeIsTheDifferenceOfTheTwoForecasts() {
        Setting from = new Setting(500, 13.0);
        Setting to = new Setting(450, 12.7);

        CurveChange change = CURVE.change(from, to);

        assertThat(change.powerWatts().mean()).isCloseTo(
                CURVE.predict(to).powerWatts().mean() - CURVE.predict(from).powerWatts().mean(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.efficiencyJPerTh().low()).isLessThan(change.efficiencyJPerTh().mean());
        assertThat(change.efficiencyJPerTh().high()).isGreaterThan(change.efficiencyJPerTh().mean());
    }

    @Test
    void nearbySettingsShareTheirUncertaintySoTheirChangeIsNarrowerThanIndependentForecastsWouldGive() {
        Setting from = new Setting(500, 13.0);
        Setting to = new Setting(505, 13.02);
        CurvePoint before = CURVE.predict(from);
        CurvePoint after = CURVE.predict(to);

        CurveChange change = CURVE.change(from, to);

        double independentSd = Math.hypot(before.powerWatts().sd(), after.powerWatts().sd());
        assertThat(change.powerWatts().sd()).isLessThan(independentSd);
        // the measurement noise of the two settled readings is never cancelled
        assertThat(change.powerWatts().sd()).isGreaterThan(0);
    }

    @Test
    void theProfitChangeWeighsHashrateAgainstPowerAtThePrices() {
        CurveChange change = CURVE.change(new Setting(500, 13.0), new Setting(450, 12.7));
        Prices prices = new Prices(0.05, 0.05);

        Interval profit = change.profitUsdPerDay(prices);

        assertThat(profit.mean()).isCloseTo(change.hashrateThs().mean() * 0.05
                - change.powerWatts().mean() * 0.05 * 24 / 1000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(profit.low()).isLessThan(profit.mean());
    }
}
