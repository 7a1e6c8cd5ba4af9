package io.hashdesk.ml.anomaly;

import io.hashdesk.drivers.sim.AmbientCurve;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.sim.Condition;
import io.hashdesk.ml.sim.HistoryScenario;
import io.hashdesk.ml.sim.ScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The farm anomaly detection is judged on: two models in two rooms (one with a daily temperature swing), healthy for
 * the training days except for what wears slowly — a worn fan and a unit gathering dust fast are there from the
 * start — then step faults injected one unit after another: a fan stopping, blocked and partly blocked airflow, a
 * hashboard failing, and a manual voltage far and a little too low for the frequency.
 *
 * @param trainFrom  first as-of instant of the training tables (a day of history exists by then)
 * @param faultsFrom when the first step fault is injected; training tables end here
 * @param planted    every fault planted, one unit each
 */
record AnomalyScenario(HistoryScenario history, Instant trainFrom, Instant faultsFrom, Duration tableStep,
                       List<PlantedFault> planted, int units) {

    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final List<String> MODELS = List.of("antminer-s19j-pro", "antminer-s19");
    static final List<String> ROOMS = List.of("hall-a", "hall-b");
    /** 0.45 V under the stock voltage: about 0.2 V short of what the chips need, a few percent of errors. */
    static final int BAD_VOLTAGE_DROP_10MV = 45;
    /** 0.25 V under stock: about what the chips need, errors some tenths of a percent, hashrate all but unchanged. */
    static final int MILD_VOLTAGE_DROP_10MV = 25;
    static final double BLOCKED_AIRFLOW_FACTOR = 1.5;
    static final double MILD_OVERHEATING_FACTOR = 1.15;
    /** The worn fan stops this long after the history starts, well after it ends; its rpm sags meanwhile. */
    static final double WORN_FAN_FAILS_IN_DAYS = 60;
    /** Days of dust gathered per day on the dusty unit (1 is the model's normal rate). */
    static final double DUST_RATE_PER_DAY = 12;
    /**
     * Dust counts from when it adds this much thermal resistance more than a normal unit's (ground truth): about what
     * the mild overheating fault adds, and the least an operator would send someone to clean for.
     */
    static final double DUST_VISIBLE_GAIN = 0.10;

    /**
     * One planted fault.
     *
     * @param at when it is injected; the history's start for those in the blueprint
     */
    record PlantedFault(FaultKind kind, String unitId, Instant at) {
    }

    static AnomalyScenario of(EvaluationScale scale) {
        boolean full = scale == EvaluationScale.FULL;
        int perGroup = full ? 10 : 6;
        int days = full ? 14 : 6;
        int faultDay = full ? 7 : 3;
        int faultsPerKind = full ? 2 : 1;
        Duration spacing = Duration.ofHours(full ? 3 : 2);
        List<MinerBlueprint> units = new ArrayList<>();
        long seed = 100;
        for (String model : MODELS) {
            for (String room : ROOMS) {
                for (int i = 0; i < perGroup; i++) {
                    String id = model.replace("antminer-", "") + "-" + room + "-" + i;
                    units.add(HistoryScenario.inRoom(MinerBlueprint.of(id, model, "1.2.6", seed++), room));
                }
            }
        }
        Instant faultsFrom = START.plus(Duration.ofDays(faultDay));
        List<ScheduledEvent> events = new ArrayList<>();
        List<PlantedFault> planted = new ArrayList<>();
        FaultKind[] kinds = FaultKind.values();
        int groups = MODELS.size() * ROOMS.size();
        for (int k = 0; k < kinds.length * faultsPerKind; k++) {
            // one faulted unit per model-and-room group in turn, each kind landing in different groups; fewer than half
            // of a group faulted, so the peers' median stays with the healthy majority
            int unitIndex = (k % groups) * perGroup + 1 + k / groups;
            MinerBlueprint unit = units.get(unitIndex);
            FaultKind kind = kinds[k % kinds.length];
            Instant at = faultsFrom.plus(spacing.multipliedBy(k));
            switch (kind) {
                case WORN_FAN -> {
                    units.set(unitIndex, unit.withWear(0, 0,
                            List.of(new MinerBlueprint.WornFan(k % 4, WORN_FAN_FAILS_IN_DAYS)), List.of()));
                    at = START;
                }
                case DUST -> {
                    units.set(unitIndex, withDustRate(unit, DUST_RATE_PER_DAY));
                    at = START;
                }
                case STOPPED_FAN -> events.add(new ScheduledEvent.InjectFault(at, unit.id(), new Fault.FanFailure(k % 4)));
                case BLOCKED_AIRFLOW -> events.add(new ScheduledEvent.InjectFault(at, unit.id(),
                        new Fault.Overheating(BLOCKED_AIRFLOW_FACTOR)));
                case MILD_OVERHEATING -> events.add(new ScheduledEvent.InjectFault(at, unit.id(),
                        new Fault.Overheating(MILD_OVERHEATING_FACTOR)));
                case DEAD_BOARD -> events.add(new ScheduledEvent.InjectFault(at, unit.id(),
                        new Fault.HashboardFailure(1 + k % 3)));
                case LOW_VOLTAGE -> events.add(new ScheduledEvent.ChangeSettings(at, unit.id(),
                        s -> lowerVoltage(s, BAD_VOLTAGE_DROP_10MV), Condition.BAD_VOLTAGE));
                case MILD_LOW_VOLTAGE -> events.add(new ScheduledEvent.ChangeSettings(at, unit.id(),
                        s -> lowerVoltage(s, MILD_VOLTAGE_DROP_10MV), Condition.BAD_VOLTAGE));
            }
            planted.add(new PlantedFault(kind, unit.id(), at));
        }
        AmbientCurve swing = new AmbientCurve(List.of(new AmbientCurve.Point(4, 19), new AmbientCurve.Point(15, 29)));
        HistoryScenario history = HistoryScenario.of(units, START, Duration.ofDays(days))
                .withRooms(Map.of("hall-a", AmbientCurve.constant(24), "hall-b", swing))
                .withEvents(events);
        return new AnomalyScenario(history, START.plus(Duration.ofDays(2)), faultsFrom, Duration.ofHours(4), planted,
                units.size());
    }

    /** Manual clocks at the same frequency with the voltage lowered by {@code drop10mV}. */
    static MinerSettings lowerVoltage(MinerSettings settings, int drop10mV) {
        MinerSettings.Overclock oc = settings.overclock();
        return settings.withOverclock(new MinerSettings.Overclock(MinerSettings.MANUAL_PRESET, oc.globalFreqMhz(),
                oc.globalVoltage10mV() - drop10mV, oc.chains(), oc.moddedPsu(), oc.presetSwitcher()));
    }

    /** The blueprint in a dustier spot (blueprints have no such wither). */
    private static MinerBlueprint withDustRate(MinerBlueprint unit, double rate) {
        return new MinerBlueprint(unit.id(), unit.modelId(), unit.firmware(), unit.seed(), unit.room(), unit.preset(),
                unit.tunedPresets(), unit.pools(), unit.password(), unit.ageDays(), unit.dustDays(), rate,
                unit.wornFans(), unit.boardFailures(), unit.faults(), unit.rpcUnanswered());
    }
}
