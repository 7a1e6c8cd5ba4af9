/**
 * The simulator's wire side: every simulated miner's Vnish web API ({@code /api/v1/...}, as in
 * {@code ../shared/vnish-api.md} and the firmware's OpenAPI documents) and CGMiner-style RPC, on 127.0.0.1 only.
 *
 * <p>Start with {@link io.hashdesk.drivers.sim.server.FarmSimulation#start} (a fleet file, a speed, options) or
 * {@link io.hashdesk.drivers.sim.server.SimulatorServer#start} (a fleet you built); read addresses from
 * {@code endpoints()}. {@link io.hashdesk.drivers.sim.server.SimulatorMain} runs a farm as its own process.
 *
 * <p>Design for many miners: one HTTP port and one RPC port per miner (drivers address a miner by host and port,
 * as on a real LAN, and a rebooting miner's ports really close), each served by a small HTTP/1.1 listener on
 * virtual threads — one parked virtual thread per listening socket and per open connection, no platform thread per
 * miner. The JDK's {@code com.sun.net.httpserver.HttpServer} was measured and rejected for this: it starts two
 * platform threads (dispatcher and idle timer) and a selector per server, i.e. 20,000 threads and about 50,000
 * file descriptors for 10,000 miners. The limit that remains is file descriptors: two per miner plus open
 * connections, so 10,000 miners with RPC need {@code ulimit -n} above 20,000 (or RPC off, or two processes).
 * Ephemeral ports get slow to bind in the thousands; large fleets should use fixed base ports below the OS's
 * ephemeral range ({@link io.hashdesk.drivers.sim.server.ServerOptions#withFixedPorts}).
 *
 * <p>Routes beyond what a farm console polls, with the simulator's choices where the firmware is unconfirmed:
 * <ul>
 *   <li>{@code GET /metrics?time_slice=&step=}: the unit's own history (see {@link io.hashdesk.drivers.sim}); one
 *       point per step that has samples, stamped with the start of its step; a {@code time_slice} over three days
 *       is cut to three days and a {@code step} under a minute raised to a minute; a parameter that is not a
 *       positive integer is refused with 400 {@code {"err": ...}} naming it (the firmware documents no 4xx here,
 *       {@code {"err"}} is its error shape).</li>
 *   <li>{@code GET /logs/{type}} (text/plain, {@code [YYYY/MM/DD HH:MM:SS] LEVEL: text} in the unit's time zone;
 *       {@code pool} and {@code hwscan} on 1.3 only, unknown types 404, {@code *} 500 as "not implemented");
 *       {@code POST /logs/{type}/clear} (auth; {@code *} clears all). The {@code api} log records writes and
 *       refused requests, not reads, so that polling does not push everything else out.</li>
 *   <li>{@code /notes} (read open, writes auth): {@code POST} creates (409 if the key exists, 507 when the store or
 *       the value is too big), {@code PUT /notes/{key}} updates an existing note (404 otherwise),
 *       {@code DELETE} removes (404 if missing). {@code /apikeys} (auth): {@code POST {key: 32 characters,
 *       description}} answers {@code inserted}, {@code updated} or {@code nochanges}. A stored key authorizes any
 *       request in the {@code x-api-key} header ({@code apikeyAuth}), except {@code /lock}, which is bearer-only.
 *       Notes, keys, the warranty state and the layout live on the unit's "flash": they survive reboots and a
 *       factory reset (except the layout, which is part of the settings).</li>
 *   <li>{@code POST /settings/factory-reset} (auth): {@code {after}}, then the reboot. {@code /firmware/update} is
 *       refused with 500 and {@code /firmware/remove} with 400 (the statuses the firmware documents for a failed
 *       update and for a model without "remove firmware"), each with {@code {"err"}} saying it is a simulated
 *       miner. Warranty: {@code inactive} at first; activation makes it {@code active} (restore then answers 403),
 *       cancellation {@code cancelled}, which cannot be activated again; {@code /status} reports it.</li>
 *   <li>{@code GET /layout}: what a settings write put in {@code layout} (checked against the firmware's
 *       {@code Layout}), else {@code null}. {@code GET /docs/api-doc.json}: the firmware's own OpenAPI document for
 *       the unit's line (1.2.7 or 1.3.4), shipped beside the model data.</li>
 * </ul>
 */
package io.hashdesk.drivers.sim.server;
