package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.drivers.sim.AmbientCurve;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.sim.HistoryScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The farm the maintenance model is judged on: units of one model in a cool and a warm room, a quarter with a worn fan
 * that stops at a seeded day, a sixth with a hashboard that fails at a seeded day, a sixth in the warm room with heat
 * sinks clogging fast enough to reach the firmware's overheat shutdown inside the history, the rest healthy (of
 * assorted age and dust). Failures fall between {@link #firstFailureDay()} and the last day, so that every failure
 * has a full horizon of assessments before it: a unit is first assessed once the settings' history is there, and a
 * failure earlier than a horizon after that could not be announced a horizon ahead by any model.
 */
record MaintenanceScenario(int units, int days, long seed) {

    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    static final String MODEL = "antminer-s19j-pro";
    static final String COOL_ROOM = "cool";
    static final String WARM_ROOM = "warm";
    /** Dust days at which an S19j Pro in the warm room first trips at 85 °C (measured on the simulator). */
    private static final double OVERHEAT_DUST_DAYS = 175;

    static MaintenanceScenario of(EvaluationScale scale) {
        return switch (scale) {
            case TEST -> new MaintenanceScenario(36, 24, 7);
            case FULL -> new MaintenanceScenario(120, 35, 7);
        };
    }

    /**
     * Days added to the earliest failure: a clogging unit's overheat comes up to a day and a half before the day its
     * dust rate aims at (the daily ambient peak decides the trip), and its horizon of samples must still be there.
     */
    private static final double FAILURE_DAY_MARGIN = 2;

    /** The first assessment (history needed) plus a horizon, plus the margin. */
    static double firstFailureDay() {
        MaintenanceSettings settings = MaintenanceSettings.defaults();
        return settings.historyNeeded().plus(settings.horizon()).toHours() / 24.0 + FAILURE_DAY_MARGIN;
    }

    /** The catalog's safe chip temperature of the scenario's model. */
    static double chipTempMaxC() {
        return MinerModelCatalog.bundled().byId(MODEL).orElseThrow().safeLimits().chipTempMaxC();
    }

    enum Fate { WORN_FAN, FAILING_BOARD, CLOGGING, HEALTHY }

    Fate fateOf(int i) {
        int slot = i % 12;
        return slot < 3 ? Fate.WORN_FAN : slot < 5 ? Fate.FAILING_BOARD : slot < 7 ? Fate.CLOGGING : Fate.HEALTHY;
    }

    HistoryScenario history() {
        Random random = new Random(seed);
        double firstFailureDay = firstFailureDay();
        List<MinerBlueprint> blueprints = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            Fate fate = fateOf(i);
            double failDay = firstFailureDay + random.nextDouble() * (days - 1 - firstFailureDay);
            double age = random.nextDouble() * 900;
            MinerBlueprint unit = MinerBlueprint.of(String.format("m%03d", i), MODEL, "1.2.7", seed * 1000 + i);
            boolean warm = fate == Fate.CLOGGING || i % 2 == 0;
            unit = switch (fate) {
                case WORN_FAN -> unit.withWear(age, random.nextDouble() * 40,
                        List.of(new MinerBlueprint.WornFan(random.nextInt(4), failDay)), List.of());
                case FAILING_BOARD -> unit.withWear(age, random.nextDouble() * 40, List.of(),
                        List.of(new MinerBlueprint.BoardFailure(1 + random.nextInt(3), failDay)));
                case CLOGGING -> clogging(unit, age, failDay, random);
                case HEALTHY -> unit.withWear(age, random.nextDouble() * 60, List.of(), List.of());
            };
            blueprints.add(HistoryScenario.inRoom(unit, warm ? WARM_ROOM : COOL_ROOM));
        }
        AmbientCurve cool = new AmbientCurve(List.of(new AmbientCurve.Point(4, 22), new AmbientCurve.Point(15, 26)));
        AmbientCurve warm = new AmbientCurve(List.of(new AmbientCurve.Point(4, 28), new AmbientCurve.Point(15, 32)));
        return HistoryScenario.of(blueprints, START, Duration.ofDays(days))
                .withRooms(Map.of(COOL_ROOM, cool, WARM_ROOM, warm))
                .withSteps(pollEvery(), Duration.ofMinutes(5));
    }

    /** Dust that reaches the overheat point around {@code failDay}, gathering 3–8 times the model's normal rate. */
    private static MinerBlueprint clogging(MinerBlueprint unit, double age, double failDay, Random random) {
        double rate = Math.min(3 + random.nextDouble() * 5, OVERHEAT_DUST_DAYS / failDay);
        double dust = Math.max(0, OVERHEAT_DUST_DAYS - rate * failDay);
        return new MinerBlueprint(unit.id(), unit.modelId(), unit.firmware(), unit.seed(), unit.room(), unit.preset(),
                unit.tunedPresets(), unit.pools(), unit.password(), age, dust, rate, List.of(), List.of(),
                List.of(), List.of());
    }

    /**
     * Every half hour at both scales: the features read hourly rollups, so finer polls only cost generation time (at
     * 5 minutes the full scenario would take most of an hour to generate on a 2-core machine).
     */
    Duration pollEvery() {
        return Duration.ofMinutes(30);
    }

    String describe() {
        return units + " S19j Pro units over " + days + " days, polled every " + pollEvery().toMinutes() + " minutes: a quarter with a worn fan, a"
                + " sixth with a failing hashboard, a sixth clogging with dust in the warm room (28–32 °C), the rest"
                + " healthy; cool room 22–26 °C";
    }
}
