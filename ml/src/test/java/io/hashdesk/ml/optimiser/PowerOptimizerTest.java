package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.catalog.SafeLimits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PowerOptimizerTest {

    /** Chips of {@link SyntheticUnit} pass 85 °C from about 4 kW, inside this envelope's top corner. */
    private static final SafeLimits LIMITS = new SafeLimits(340, 850, 12.0, 15.0, 6000, 10, 100, 85, 75);
    private static final FirmwareEnvelope FIRMWARE = FirmwareEnvelope.vnish(50, 1000, 1200, 1500);
    private static final OptimiserOptions OPTIONS = OptimiserOptions.defaults();
    private static final Prices PRICES = new Prices(0.06, 0.05);
    private final PowerOptimizer optimizer = new PowerOptimizer(OPTIONS);

    private static OptimisationScope scope() {
        return new OptimisationScope(FIRMWARE, Constraints.defaults(LIMITS, OPTIONS), Optional.empty());
    }

    @Test
    void chasingHashrateStopsShortOfSettingsTheCurveExpectsTooHot() {
        UnitHistory history = new UnitHistory("u1", "synthetic", SyntheticUnit.probes(0, 10));

        Proposal proposal = optimizer.propose(history, Objective.MAX_HASHRATE, LIMITS, PRICES, scope()).orElseThrow();

        Setting s = proposal.setting();
        assertThat(LIMITS.permits(s.freqMhz(), s.volts(), null, null)).isTrue();
        Interval temp = proposal.expected().chipTempC();
        assertThat((LIMITS.chipTempMaxC() - temp.mean()) / temp.sd()).as("z-score under the safe temperature")
                .isGreaterThan(1.6);
        assertThat(SyntheticUnit.probe(s, 0).chipTempC()).isLessThanOrEqualTo(LIMITS.chipTempMaxC());
    }

    @Test
    void proposalsCarryTheCurvesOwnConfidence() {
        UnitHistory history = new UnitHistory("u1", "synthetic", SyntheticUnit.probes(0, 6));

        Proposal proposal = optimizer.propose(history, Objective.MAX_EFFICIENCY, LIMITS, PRICES, scope())
                .orElseThrow();

        assertThat(proposal.probabilityConstraintsHold()).isBetween(0.0, 1.0);
        assertThat(proposal.expectedImprovement()).isPositive();
        assertThat(proposal.expected().efficiencyJPerTh().width()).isPositive();
        assertThat(proposal.objectiveValue().mean()).isEqualTo(proposal.expected().efficiencyJPerTh().mean());
    }

    @Test
    void bestKnownIsTheMostEfficientProbeThatMetTheConstraints() {
        List<Probe> probes = List.of(
                SyntheticUnit.probe(new Setting(675, 13.8), 0),
                SyntheticUnit.probe(new Setting(400, 12.0), 0),
                SyntheticUnit.probe(new Setting(450, 12.6), 0));
        UnitHistory history = new UnitHistory("u1", "synthetic", probes);
        assertThat(probes.get(1).errorFraction()).as("the cheapest probe errs too much").isGreaterThan(0.01);

        Proposal best = optimizer.bestKnown(history, Objective.MAX_EFFICIENCY, LIMITS, PRICES, scope()).orElseThrow();

        assertThat(best.setting()).isEqualTo(new Setting(450, 12.6));
        assertThat(best.expectedImprovement()).isZero();
    }

    @Test
    void needsTheCurrentSettingProbedFirst() {
        UnitHistory empty = new UnitHistory("u1", "synthetic", List.of());

        assertThatThrownBy(() -> optimizer.propose(empty, Objective.MAX_PROFIT, LIMITS, PRICES, scope()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u1");
    }
}
