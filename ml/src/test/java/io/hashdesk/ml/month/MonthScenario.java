package io.hashdesk.ml.month;

import io.hashdesk.drivers.sim.FleetDefinition;
import io.hashdesk.drivers.sim.FleetDefinitionReader;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.ModelLibrary;
import io.hashdesk.ml.eval.EvaluationScale;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one simulated month runs: the farm's units (the demo farm's, or a few of them), a warm-up in which both runs
 * only collect history, the measured stretch, how often the farm is polled, how finely the simulator steps, how often
 * retraining is checked and how often the operator looks at the inbox.
 *
 * @param farm          the fleet file the units come from (rooms, ambient curves, pools)
 * @param units         the units simulated, a subset of the farm's at the test scale
 * @param start         when the warm-up begins
 * @param warmUp        history gathered before the measured stretch, so the models have something to train on
 * @param measured      the stretch whose profit and J/TH are compared
 * @param pollEvery     one snapshot per unit per interval goes to the store, as the poller's
 * @param subStep       the simulator's largest step (its lags are exact exponentials; a minute suffices for 5-min
 *                      polls)
 * @param retrainEvery  how often scheduled retraining is checked (the schedule itself decides what is due)
 * @param operatorEvery how often the operator runs the recommendation loop in the run with Hashdesk
 * @param marketSeed    seed of the synthetic market history; the same for both runs
 */
record MonthScenario(FleetDefinition farm, List<MinerBlueprint> units, Instant start, Duration warmUp,
                     Duration measured, Duration pollEvery, Duration subStep, Duration retrainEvery,
                     Duration operatorEvery, long marketSeed) {

    /** A Monday in the summer tariff season, so weekday peaks and hot afternoons are both in the month. */
    static final Instant MEASURED_FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final String SOURCE = "demo farm";
    /**
     * The test scale's groups: SHA-256 models with tuned presets in both rooms. An efficiency curve is scored on units
     * it has not seen, so each model needs at least two units.
     */
    private static final List<String> TEST_GROUPS = List.of("A-S19JP-", "A-S19P-", "B-S19XP-");
    private static final int TEST_UNITS_PER_GROUP = 2;

    MonthScenario {
        Objects.requireNonNull(farm, "farm");
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a month needs at least one unit");
        }
        for (Duration d : List.of(measured, pollEvery, subStep, retrainEvery, operatorEvery)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every step of a month must be positive, got " + d);
            }
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("warmUp must not be negative, got " + warmUp);
        }
    }

    /**
     * The demo farm at {@code scale}: every unit for a 30-day month after a 7-day warm-up, or at the test scale the
     * first {@value #TEST_UNITS_PER_GROUP} units of each of {@link #TEST_GROUPS} (six SHA-256 units in both rooms) for
     * 7 days after 3 days of warm-up. Retraining is checked every 6 hours at full scale (drift may retrain a model
     * that often, {@code minIntervalAfterDrift}), once a day at the test scale to keep the test within a minute.
     */
    static MonthScenario demoFarm(Path farmFile, EvaluationScale scale) {
        FleetDefinition farm = FleetDefinitionReader.read(farmFile);
        List<MinerBlueprint> all = farm.blueprints(ModelLibrary.bundled(), SOURCE);
        boolean full = scale == EvaluationScale.FULL;
        List<MinerBlueprint> units = full ? all : firstOfGroups(all);
        Duration warmUp = Duration.ofDays(full ? 7 : 3);
        return new MonthScenario(farm, units, MEASURED_FROM.minus(warmUp), warmUp,
                Duration.ofDays(full ? 30 : 7), Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ofHours(full ? 6 : 24), Duration.ofHours(6), farm.seed());
    }

    Instant measuredFrom() {
        return start.plus(warmUp);
    }

    Instant end() {
        return measuredFrom().plus(measured);
    }

    double measuredDays() {
        return measured.toSeconds() / 86_400.0;
    }

    private static List<MinerBlueprint> firstOfGroups(List<MinerBlueprint> all) {
        List<MinerBlueprint> picked = new ArrayList<>();
        for (String prefix : TEST_GROUPS) {
            all.stream().filter(u -> u.id().startsWith(prefix)).limit(TEST_UNITS_PER_GROUP).forEach(picked::add);
        }
        return picked;
    }
}
