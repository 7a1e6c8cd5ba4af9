/**
 * The Vnish miner simulator's model: simulated units driven by a clock, not by random numbers.
 *
 * <p>Public API:
 * <ul>
 *   <li>{@link io.hashdesk.drivers.sim.SimulationClock} — simulated time; {@code manual(start)} for tests
 *       ({@code advance(Duration)}), {@code atSpeed(start, 1000).start()} to run faster than real time;</li>
 *   <li>{@link io.hashdesk.drivers.sim.SimulatedFleet} — units built from {@link io.hashdesk.drivers.sim.MinerBlueprint}s
 *       or a {@link io.hashdesk.drivers.sim.FleetDefinition} (read with
 *       {@link io.hashdesk.drivers.sim.FleetDefinitionReader}), stepped whenever the clock moves;</li>
 *   <li>{@link io.hashdesk.drivers.sim.SimulatedMiner} — one unit: {@code reading()} (what the firmware would
 *       report), {@code settings()}/{@code applySettings()}, mining commands, {@code inject(Fault)}/{@code clear},
 *       and {@code groundTruth()} (its true optimum and failure times, which no API reveals).</li>
 * </ul>
 *
 * <p>Physics per unit ({@code ModelPhysics}, {@code UnitPhysics}): hashrate ∝ frequency × working chips;
 * board power = switching (∝ V²·f) + leakage (∝ V, rising with temperature); each chip needs a voltage that grows
 * with frequency, set per unit and board by seeded silicon quality, and errs exponentially below it; chip
 * temperature follows ambient + power × thermal resistance with a first-order lag, the resistance falling with fan
 * airflow and rising with dust; fans sag with age and stop at a seeded lifetime; boards fail at a seeded time after
 * days of climbing errors. Model parameters live in {@code sim-models.json} beside these classes, rated figures in
 * the core model catalog. The wire side (web API, RPC, ports) is {@link io.hashdesk.drivers.sim.server}.
 */
package io.hashdesk.drivers.sim;
