package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A farm of simulated miners on one {@link SimulationClock}: builds each unit from its {@link MinerBlueprint} and
 * steps them all whenever the clock advances, in sub-steps no longer than {@link #maxStep()} so that thermal lags
 * and state timers resolve the same whatever the clock's speed. Each room has its own ambient curve.
 */
public final class SimulatedFleet implements SimulationClock.Listener, AutoCloseable {

    /** Default sub-step: well under the fastest lag in the model (fan spin-up, 15 s). */
    public static final Duration DEFAULT_MAX_STEP = Duration.ofSeconds(5);

    private final SimulationClock clock;
    private final List<SimulatedMiner> miners;
    private final Map<String, SimulatedMiner> byId;
    private final SimulatedMiner[] stepOrder;
    private final AmbientCurve[] ambientOf;
    private final Duration maxStep;

    private SimulatedFleet(SimulationClock clock, List<SimulatedMiner> miners, List<AmbientCurve> ambient,
                           Duration maxStep) {
        this.clock = clock;
        this.miners = List.copyOf(miners);
        Map<String, SimulatedMiner> index = new LinkedHashMap<>();
        miners.forEach(m -> index.put(m.id(), m));
        this.byId = Map.copyOf(index);
        this.stepOrder = miners.toArray(SimulatedMiner[]::new);
        this.ambientOf = ambient.toArray(AmbientCurve[]::new);
        this.maxStep = maxStep;
        clock.addListener(this);
    }

    /**
     * Builds the units and joins them to the clock.
     *
     * @param rooms ambient curve per room id; a unit whose room is not listed gets {@code defaultAmbient}
     * @throws IllegalArgumentException for an unknown model, a duplicate id or a fan/board index the model lacks
     */
    public static SimulatedFleet create(SimulationClock clock, ModelLibrary library, List<MinerBlueprint> blueprints,
                                        Map<String, AmbientCurve> rooms, AmbientCurve defaultAmbient,
                                        Duration maxStep) {
        if (maxStep.isNegative() || maxStep.isZero()) {
            throw new IllegalArgumentException("maxStep must be positive, got " + maxStep);
        }
        Instant start = clock.instant();
        Map<String, ModelKit> kits = new HashMap<>();
        List<SimulatedMiner> miners = new ArrayList<>();
        List<AmbientCurve> ambient = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MinerBlueprint blueprint : blueprints) {
            if (!ids.add(blueprint.id())) {
                throw new IllegalArgumentException("miner id '" + blueprint.id() + "' is used twice");
            }
            ModelSpec spec = library.spec(blueprint.modelId()).orElseThrow(() -> new IllegalArgumentException(
                    "unit '" + blueprint.id() + "': unknown model '" + blueprint.modelId() + "' (known: "
                            + library.modelIds() + ")"));
            ModelKit kit = kits.computeIfAbsent(spec.id(), id -> ModelKit.of(spec, library.common()));
            AmbientCurve curve = rooms.getOrDefault(blueprint.room(), defaultAmbient);
            miners.add(UnitAssembly.build(blueprint, kit, start, curve.tempAt(start)));
            ambient.add(curve);
        }
        return new SimulatedFleet(clock, miners, ambient, maxStep);
    }

    /** A fleet in one room at a constant temperature, stepped in {@link #DEFAULT_MAX_STEP}s. */
    public static SimulatedFleet create(SimulationClock clock, List<MinerBlueprint> blueprints, double ambientC) {
        return create(clock, ModelLibrary.bundled(), blueprints, Map.of(), AmbientCurve.constant(ambientC),
                DEFAULT_MAX_STEP);
    }

    /**
     * The farm a fleet file describes, on {@code clock} (which should start at {@link FleetDefinition#startOr}).
     *
     * @throws FleetDefinitionException naming the field when the file names an unknown model or repeats an id
     */
    public static SimulatedFleet fromDefinition(FleetDefinition definition, SimulationClock clock, String source) {
        ModelLibrary library = ModelLibrary.bundled();
        List<MinerBlueprint> blueprints = definition.blueprints(library, source);
        try {
            return create(clock, library, blueprints, definition.ambientByRoom(),
                    definition.rooms().getFirst().ambient(), DEFAULT_MAX_STEP);
        } catch (IllegalArgumentException e) {
            throw new FleetDefinitionException(source, "", e.getMessage(), e);
        }
    }

    public SimulationClock clock() {
        return clock;
    }

    public List<SimulatedMiner> miners() {
        return miners;
    }

    public Optional<SimulatedMiner> miner(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Duration maxStep() {
        return maxStep;
    }

    @Override
    public void advanced(Instant from, Instant to) {
        Instant at = from;
        while (at.isBefore(to)) {
            Instant next = at.plus(maxStep);
            if (next.isAfter(to)) {
                next = to;
            }
            double dtSeconds = Duration.between(at, next).toNanos() / 1e9;
            for (int i = 0; i < stepOrder.length; i++) {
                stepOrder[i].step(next, dtSeconds, ambientOf[i].tempAt(next));
            }
            at = next;
        }
    }

    /** Detaches the fleet from its clock. */
    @Override
    public void close() {
        clock.removeListener(this);
    }
}
