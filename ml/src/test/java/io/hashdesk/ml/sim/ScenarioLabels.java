package io.hashdesk.ml.sim;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.GroundTruth;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a scenario's events on the units and keeps the ground-truth labels they imply: an injected fault from
 * injection to repair, a labelled settings change until the next change, dust from the start until a cleaning, and
 * each fan and board failure the simulator seeded inside the history (from the units' {@link GroundTruth} at the
 * start, which wear cannot change afterwards).
 */
final class ScenarioLabels {

    private static final String SETTINGS_KEY = "settings";
    private static final String DUST_KEY = "dust";

    private final SimulatedFleet fleet;
    private final List<FaultLabel> closed = new ArrayList<>();
    /** Labels still open, per unit and key (fault class name, "settings", "dust"). */
    private final Map<String, FaultLabel> open = new LinkedHashMap<>();

    ScenarioLabels(HistoryScenario scenario, SimulatedFleet fleet) {
        this.fleet = fleet;
        Instant start = scenario.start();
        Instant end = scenario.end();
        for (MinerBlueprint unit : scenario.units()) {
            MinerId id = MinerId.of(unit.id());
            for (Fault fault : unit.faults()) {
                open.put(key(unit.id(), fault.getClass().getName()),
                        new FaultLabel(id, Condition.of(fault), start, null, "blueprint"));
            }
            if (unit.dustDays() > 0 || unit.dustRatePerDay() > 1) {
                open.put(key(unit.id(), DUST_KEY), new FaultLabel(id, Condition.DUST, start, null, "blueprint"));
            }
            GroundTruth truth = unit(unit.id()).groundTruth();
            truth.fanFailureTimes().stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).forEach(t ->
                    closed.add(new FaultLabel(id, Condition.FAN_FAILURE, t, null, "wear")));
            truth.boardFailureTimes().stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).forEach(t ->
                    closed.add(new FaultLabel(id, Condition.HASHBOARD_FAILURE, t, null, "wear")));
        }
    }

    /** Does what the event says to its unit, at the clock's current time (the event's), and updates the labels. */
    void apply(ScheduledEvent event) {
        SimulatedMiner miner = unit(event.minerId());
        MinerId id = MinerId.of(event.minerId());
        switch (event) {
            case ScheduledEvent.InjectFault e -> {
                miner.inject(e.fault());
                close(key(e.minerId(), e.fault().getClass().getName()), e.at());
                open.put(key(e.minerId(), e.fault().getClass().getName()),
                        new FaultLabel(id, Condition.of(e.fault()), e.at(), null, "injected"));
            }
            case ScheduledEvent.ClearFault e -> {
                miner.clear(e.type());
                close(key(e.minerId(), e.type().getName()), e.at());
            }
            case ScheduledEvent.ChangeSettings e -> {
                miner.applySettings(e.change().apply(miner.settings()));
                close(key(e.minerId(), SETTINGS_KEY), e.at());
                if (e.condition() != null) {
                    open.put(key(e.minerId(), SETTINGS_KEY), new FaultLabel(id, e.condition(), e.at(), null,
                            "settings"));
                }
            }
            case ScheduledEvent.CleanDust e -> {
                miner.cleanDust();
                close(key(e.minerId(), DUST_KEY), e.at());
            }
        }
    }

    /** Every label, those still open running to the end of the history, ordered by start. */
    List<FaultLabel> all() {
        List<FaultLabel> out = new ArrayList<>(closed);
        out.addAll(open.values());
        out.sort(Comparator.comparing(FaultLabel::from).thenComparing(l -> l.miner().value()));
        return List.copyOf(out);
    }

    private void close(String key, Instant at) {
        FaultLabel label = open.remove(key);
        if (label != null) {
            closed.add(label.endingAt(at));
        }
    }

    private SimulatedMiner unit(String id) {
        return fleet.miner(id).orElseThrow();
    }

    private static String key(String minerId, String what) {
        return minerId + "|" + what;
    }
}
