package io.hashdesk.ml.sim;

import io.hashdesk.drivers.sim.AmbientCurve;
import io.hashdesk.drivers.sim.MinerBlueprint;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link SimulatedHistory} simulates: the units (their rooms, wear and starting faults in the blueprints), each
 * room's air temperature, the time span, how often every unit is polled, how finely the simulator steps between polls,
 * and the events that happen on the way.
 *
 * @param rooms          ambient curve per room id; units in a room not listed get {@code defaultAmbient}
 * @param sampleStep     poll interval: one snapshot per unit per step goes to the store
 * @param subStep        the simulator's largest step between polls. Its lags are first-order exponentials (chip 90 s,
 *                       fans 15 s), exact for any step, so a minute is accurate enough for 5-minute polls and five
 *                       times cheaper than the fleet's 5-second default; state timers (restarts, overheat cooldown)
 *                       resolve to this step
 */
public record HistoryScenario(List<MinerBlueprint> units, Map<String, AmbientCurve> rooms, AmbientCurve defaultAmbient,
                              Instant start, Duration duration, Duration sampleStep, Duration subStep,
                              List<ScheduledEvent> events) {

    /** Room of units whose blueprint names none. */
    public static final String DEFAULT_ROOM = "room-1";
    private static final Duration DEFAULT_SAMPLE_STEP = Duration.ofMinutes(5);
    private static final Duration DEFAULT_SUB_STEP = Duration.ofMinutes(1);
    private static final double DEFAULT_AMBIENT_C = 25;

    public HistoryScenario {
        units = List.copyOf(units);
        rooms = Map.copyOf(rooms);
        Objects.requireNonNull(defaultAmbient, "defaultAmbient");
        Objects.requireNonNull(start, "start");
        requirePositive(duration, "duration");
        requirePositive(sampleStep, "sampleStep");
        requirePositive(subStep, "subStep");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a history needs at least one unit");
        }
        if (subStep.compareTo(sampleStep) > 0) {
            throw new IllegalArgumentException("subStep (" + subStep + ") must not exceed sampleStep (" + sampleStep
                    + ")");
        }
        events = events.stream().sorted(Comparator.comparing(ScheduledEvent::at)).toList();
        Set<String> ids = new HashSet<>();
        units.forEach(u -> ids.add(u.id()));
        Instant end = start.plus(duration);
        for (ScheduledEvent event : events) {
            if (!ids.contains(event.minerId())) {
                throw new IllegalArgumentException("event " + event + " names unit '" + event.minerId()
                        + "', which is not in the scenario");
            }
            if (event.at().isBefore(start) || event.at().isAfter(end)) {
                throw new IllegalArgumentException("event " + event + " lies outside the history " + start + " – "
                        + end);
            }
        }
    }

    /** Units in {@link #DEFAULT_ROOM} at 25 °C, polled every 5 minutes, no events. */
    public static HistoryScenario of(List<MinerBlueprint> units, Instant start, Duration duration) {
        return new HistoryScenario(units, Map.of(), AmbientCurve.constant(DEFAULT_AMBIENT_C), start, duration,
                DEFAULT_SAMPLE_STEP, DEFAULT_SUB_STEP, List.of());
    }

    public HistoryScenario withRooms(Map<String, AmbientCurve> value) {
        return new HistoryScenario(units, value, defaultAmbient, start, duration, sampleStep, subStep, events);
    }

    public HistoryScenario withDefaultAmbient(AmbientCurve value) {
        return new HistoryScenario(units, rooms, value, start, duration, sampleStep, subStep, events);
    }

    public HistoryScenario withEvents(List<ScheduledEvent> value) {
        return new HistoryScenario(units, rooms, defaultAmbient, start, duration, sampleStep, subStep, value);
    }

    public HistoryScenario withSteps(Duration sample, Duration sub) {
        return new HistoryScenario(units, rooms, defaultAmbient, start, duration, sample, sub, events);
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** The room a unit's blueprint puts it in, {@link #DEFAULT_ROOM} when it names none. */
    public static String roomOf(MinerBlueprint unit) {
        return unit.room().isBlank() ? DEFAULT_ROOM : unit.room();
    }

    /** The blueprint moved to another room (blueprints have no such wither). */
    public static MinerBlueprint inRoom(MinerBlueprint unit, String room) {
        return new MinerBlueprint(unit.id(), unit.modelId(), unit.firmware(), unit.seed(), room, unit.preset(),
                unit.tunedPresets(), unit.pools(), unit.password(), unit.ageDays(), unit.dustDays(),
                unit.dustRatePerDay(), unit.wornFans(), unit.boardFailures(), unit.faults(), unit.rpcUnanswered());
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
