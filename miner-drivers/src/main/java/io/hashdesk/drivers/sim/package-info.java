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
 *
 * <p>Firmware behaviour the model owns, so that every reply tells the same story:
 * <ul>
 *   <li><b>History</b> ({@code MetricsHistory}, served as {@code /metrics}): each step's hashrate (in the model's
 *       {@code hr_measure} unit, like {@code hr_realtime} — the firmware's unit is unconfirmed), wall power, hottest
 *       chip and PCB and fan duty, averaged into one-minute samples (last 4 hours) and quarter-hour samples (last 3
 *       days, the firmware's longest {@code time_slice}). A rebooting unit records nothing, so its reboot is a gap;
 *       a stopped one records zero hashrate, as the firmware's own sample in failure does.</li>
 *   <li><b>Logs</b> ({@link io.hashdesk.drivers.sim.EventLog}): state changes (status log), chip counts, board
 *       and fan failures, overheats and preset changes in the forms clients search for (miner log), autotune
 *       start, per-board result and finish (autotune), settings writes, reboots and factory resets (system), boots
 *       (messages), pool connections and chip scans (1.3's pool and hwscan), and the annotations {@code /metrics}
 *       returns: start, stop, restart, reboot, overheat, board disable/enable.</li>
 *   <li><b>Preset switcher</b> ({@code PresetStepper}): with {@code preset_switcher.enabled}, the hottest chip
 *       above {@code decrease_temp} for {@code check_time} seconds in a row steps the running preset down one (not
 *       below {@code min_preset}, else the lowest preset); below {@code rise_temp} for {@code check_time} steps it
 *       up one (not above {@code top_preset}, else the configured preset). Each step is a mining restart on the
 *       new preset's clocks (an autotune first if this unit never tuned it). {@code settings…preset} stays the
 *       configured preset; {@code perf-summary.current_preset} is the running one. New clocks, turning the switcher
 *       off or a reboot bring the configured preset back. {@code autochange_top_preset}, {@code ignore_fan_speed}
 *       and {@code power_delta} are stored and echoed, not acted on.</li>
 *   <li><b>Power limit</b> (1.3 {@code misc.power_limit} + {@code power_limit_enabled}; semantics unconfirmed):
 *       the simulator reads it as a throttle the firmware sets itself, like {@code /mining/throttle}, so that wall
 *       power stays at or under the limit. Every 10 s of hashing ({@code firmwareLimits.powerLimitCheckSeconds})
 *       it compares power with the limit, throttles in proportion when over (at least 1 %), gives power back in
 *       proportion when more than 2 % under, and never goes below the 20 % throttle floor (an unreachable limit
 *       leaves the unit at 20 %). The lower of this and the API throttle applies, and {@code throttled} reports
 *       it. A limit of 0, or {@code power_limit_enabled} false, means no limit; a limit above {@code /model}'s
 *       {@code max_power_limit} is refused. 1.2.x has neither key, ignores them in a write and never limits.</li>
 *   <li><b>Factory reset</b>: the settings and password the unit was built with (its blueprint stands for the
 *       farm's provisioning image), then a reboot; autotune results are not settings and stay.</li>
 * </ul>
 * How much each unit keeps (samples, log lines, annotations, notes, API keys) is data too:
 * {@link io.hashdesk.drivers.sim.FirmwareLimits}, the {@code firmwareLimits} block of {@code sim-models.json}.
 * Every buffer is bounded and allocated on first use: about 0.9 KB per unit at start, at most about 6 KB more
 * once three days of history are kept.
 */
package io.hashdesk.drivers.sim;
