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
 * the training days, then faults injected one unit after another — a fan stopping, blocked airflow (dust or a hot
 * aisle), a hashboard failing, and a manual voltage too low for the frequency.
 *
 * @param trainFrom    first as-of instant of the training tables (a day of history exists by then)
 * @param faultsFrom   when the first fault is injected; training tables end here
 * @param faultSpacing time between two faulted units' injections
 */
record AnomalyScenario(HistoryScenario history, Instant trainFrom, Instant faultsFrom, Duration tableStep,
                       int faultedUnits, int units) {

    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final List<String> MODELS = List.of("antminer-s19j-pro", "antminer-s19");
    static final List<String> ROOMS = List.of("hall-a", "hall-b");
    /** 0.45 V under the stock voltage: about 0.2 V short of what the chips need, a few percent of errors. */
    static final int BAD_VOLTAGE_DROP_10MV = 45;
    static final double BLOCKED_AIRFLOW_FACTOR = 1.5;

    static AnomalyScenario of(EvaluationScale scale) {
        boolean full = scale == EvaluationScale.FULL;
        int perGroup = full ? 10 : 5;
        int days = full ? 14 : 6;
        int faultDay = full ? 7 : 3;
        int faultsPerKind = full ? 3 : 1;
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
        int kinds = 4;
        for (int k = 0; k < kinds * faultsPerKind; k++) {
            // one faulted unit per model-and-room group in turn, each kind landing in different groups
            int groups = MODELS.size() * ROOMS.size();
            MinerBlueprint unit = units.get(((k + k / groups) % groups) * perGroup + 1 + k / groups);
            Instant at = faultsFrom.plus(spacing.multipliedBy(k));
            events.add(switch (k % kinds) {
                case 0 -> new ScheduledEvent.InjectFault(at, unit.id(), new Fault.FanFailure(k % 4));
                case 1 -> new ScheduledEvent.InjectFault(at, unit.id(), new Fault.Overheating(BLOCKED_AIRFLOW_FACTOR));
                case 2 -> new ScheduledEvent.InjectFault(at, unit.id(), new Fault.HashboardFailure(1 + k % 3));
                default -> new ScheduledEvent.ChangeSettings(at, unit.id(), AnomalyScenario::lowVoltage,
                        Condition.BAD_VOLTAGE);
            });
        }
        AmbientCurve swing = new AmbientCurve(List.of(new AmbientCurve.Point(4, 19), new AmbientCurve.Point(15, 29)));
        HistoryScenario history = HistoryScenario.of(units, START, Duration.ofDays(days))
                .withRooms(Map.of("hall-a", AmbientCurve.constant(24), "hall-b", swing))
                .withEvents(events);
        return new AnomalyScenario(history, START.plus(Duration.ofDays(2)), faultsFrom, Duration.ofHours(4),
                kinds * faultsPerKind, units.size());
    }

    /** Manual clocks at the same frequency with the voltage lowered. */
    static MinerSettings lowVoltage(MinerSettings settings) {
        MinerSettings.Overclock oc = settings.overclock();
        return settings.withOverclock(new MinerSettings.Overclock(MinerSettings.MANUAL_PRESET, oc.globalFreqMhz(),
                oc.globalVoltage10mV() - BAD_VOLTAGE_DROP_10MV, oc.chains(), oc.moddedPsu(), oc.presetSwitcher()));
    }
}
