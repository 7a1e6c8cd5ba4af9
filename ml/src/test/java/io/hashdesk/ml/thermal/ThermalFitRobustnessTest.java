package io.hashdesk.ml.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.bench.SyntheticFarm;
import io.hashdesk.ml.drift.DriftSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fits on the ML benchmark's farm ({@link SyntheticFarm}): rooms swinging by 3 °C and more that the fit takes to be
 * a constant 25 °C (no room sensor yet), the firmware's fan control hiding the swing, settings changed only every
 * 2–4 days. On this farm (10 units, 9 days, the bench's seed) unbounded fits gave airflow exponents of 248 and 54,
 * heat offsets of −23,646 W and held-out errors of 11 °C; at the bench's size exponents of −698, resistances of
 * 1e-208 and held-out errors of 4e7 °C, Infinity as a scope's figure and NaN intervals.
 */
class ThermalFitRobustnessTest {

    private static final ThermalModel.Options OPTIONS = ThermalModel.Options.defaults();
    private static final RoomAmbient ASSUMED_ROOM = RoomAmbient.constant(25);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int UNITS = 10;
    private static final int DAYS = 9;
    private static final long BENCH_SEED = 20_261_127L;

    @TempDir
    static Path dir;
    private static SyntheticFarm.Stored stored;
    private static SqliteFarmStore store;
    private static SyntheticFarm farm;

    @BeforeAll
    static void fillTheBenchFarm() {
        farm = SyntheticFarm.create(MinerModelCatalog.bundled(), UNITS, START, DAYS, BENCH_SEED);
        stored = farm.storeIn(dir.resolve("farm.db"));
        store = stored.store();
    }

    @AfterAll
    static void close() {
        stored.close();
    }

    @Test
    void ownFitAgainstAnAssumedConstantRoomIsInsideItsBoundsAndPredictsFinitelyOrIsRefusedSayingWhy() {
        int accepted = 0;
        for (Miner miner : farm.miners()) {
            List<SeriesPoint> series = store.telemetry().series(miner.id(), farm.end().minus(OPTIONS.trainingWindow()),
                    farm.end(), Resolution.FIVE_MINUTES);
            IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
                    () -> ThermalModel.fit(series, ASSUMED_ROOM, null, OPTIONS, TrainingProgress.NONE));
            if (refused != null) {
                assertThat(refused.getMessage()).as(miner.id().value()).contains("implausible thermal fit");
                continue;
            }
            accepted++;
            assertPlausible(ThermalModel.fit(series, ASSUMED_ROOM, null, OPTIONS, TrainingProgress.NONE),
                    miner.id().value());
        }
        // 4 of the 10 here (7 days hold only two or three settings), 9 in 10 at the bench's 14 days: the rest fall
        // back to their peers' prior in training
        assertThat(accepted).as("units whose own fit was accepted").isGreaterThanOrEqualTo(3);
    }

    @Test
    void trainingFallsBackToThePriorOrLeavesTheUnitOutWithItsReasonAndKeepsEveryFigureFinite() {
        List<ThermalTraining.Trained> trained = ThermalTraining.train(store.telemetry(), farm.miners(),
                miner -> ASSUMED_ROOM, farm.end(), OPTIONS, DriftSettings.defaults(), TrainingProgress.NONE);

        assertThat(trained).isNotEmpty();
        // a miner model none of whose units fitted plausibly has no candidate (logged with the reasons)
        assertThat(trained.stream().mapToInt(t -> t.models().units().size() + t.skipped().size()).sum())
                .isLessThanOrEqualTo(UNITS);
        for (ThermalTraining.Trained scope : trained) {
            assertThat(scope.skipped().values()).allSatisfy(reason -> assertThat(reason).contains("implausible"));
            scope.models().units().forEach((id, state) -> assertPlausible(ThermalModel.restore(state), id));
            assertThat(scope.candidate().metrics()).allSatisfy((name, value) -> assertThat(value).as(name).isFinite());
            // the room's unseen swing costs a degree or a few; the unbounded fits' pooled figures ran to 1e7 °C
            assertThat(scope.candidate().metrics().get(ThermalTraining.HELD_OUT_RMSE))
                    .as(scope.candidate().scope().key()).isBetween(0.3, OPTIONS.maxHeldOutRmseC());
        }
    }

    @Test
    void scopeHeldOutRmseFollowsTheTypicalUnitNotOneWildOne() {
        List<ThermalModel> units = new ArrayList<>();
        for (double rmse : new double[]{1.1, 1.3, 1.2, 1.4}) {
            units.add(unitWithHeldOutRmse(rmse));
        }
        double typical = ThermalTraining.metrics(units).get(ThermalTraining.HELD_OUT_RMSE);
        units.add(unitWithHeldOutRmse(4e7));

        Map<String, Double> withWildUnit = ThermalTraining.metrics(units);

        assertThat(withWildUnit.get(ThermalTraining.HELD_OUT_RMSE)).isBetween(typical, 1.4);
        assertThat(withWildUnit.get("heldOutRmsePooledC")).isGreaterThan(1e6);
    }

    private static void assertPlausible(ThermalModel model, String unit) {
        double[] v = model.parameters().toVector();
        assertThat(v).as(unit + " parameters " + model.parameters()).satisfies(p -> {
            double[] lo = OPTIONS.bounds().lowerVector();
            double[] hi = OPTIONS.bounds().upperVector();
            for (int i = 0; i < p.length; i++) {
                assertThat(p[i]).isStrictlyBetween(lo[i], hi[i]);
            }
        });
        double heldOut = model.state().errors().oneStepRmseC();
        assertThat(heldOut).as(unit + " held-out RMSE").isFinite().isLessThanOrEqualTo(OPTIONS.maxHeldOutRmseC());
        for (double ambient : new double[]{10, 25, 40}) {
            for (double watts : new double[]{0, 1500, 3500, 6000}) {
                for (double fan : new double[]{0, 30, 70, 100}) {
                    TemperaturePrediction steady = model.steadyState(ambient, watts, fan);
                    TemperaturePrediction ahead = model.predict(ambient, watts, fan, 70, Duration.ofMinutes(10));
                    // a stopped fan at full power is far outside any data: finite is all that can be asked there
                    double hottest = fan == 0 ? Double.MAX_VALUE : 400;
                    assertThat(List.of(steady.lowC(), steady.chipTempC(), steady.highC(), ahead.lowC(),
                            ahead.chipTempC(), ahead.highC())).as(unit + " at " + ambient + " °C, " + watts + " W, "
                            + fan + " %").allSatisfy(t -> assertThat(t).isBetween(ambient - 50, hottest));
                }
            }
        }
    }

    private static ThermalModel unitWithHeldOutRmse(double rmseC) {
        PredictionErrors errors = new PredictionErrors(new double[]{300}, new double[]{-0.1}, new double[]{0.1}, -0.1,
                0.1, 1, 0.9, 2, rmseC, 500);
        ThermalParameters parameters = new ThermalParameters(5, 4, 0.8, 60, Duration.ofSeconds(90));
        return ThermalModel.restore(new ThermalModelState(parameters, errors, true, 1, 0.05, 2016,
                START, START.plus(Duration.ofDays(7)), 1, null));
    }
}
