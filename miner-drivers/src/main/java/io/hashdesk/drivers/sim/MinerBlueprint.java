package io.hashdesk.drivers.sim;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to put one unit into a simulated fleet: model, firmware, seed, starting settings and how worn
 * it already is. {@link FleetDefinition} expands a farm file into these; tests build them directly.
 *
 * @param preset          starting preset name, or {@code "disabled"} for stock clocks in manual mode
 * @param tunedPresets    presets the unit has already tuned (the starting preset is always treated as tuned)
 * @param ageDays         how long the unit has run: its fans are this old
 * @param dustDays        days of dust already on the heat sinks
 * @param dustRatePerDay  how fast dust gathers here, in days of dust per day (1 = the model's normal rate)
 * @param wornFans        fans that will fail soon, already sagging accordingly
 * @param boardFailures   boards that will fail at a known time
 * @param faults          faults active from the start
 * @param rpcUnanswered   RPC commands this build does not answer (newer builds skip {@code version}, {@code pools})
 */
public record MinerBlueprint(String id, String modelId, FirmwareVersion firmware, long seed, String room,
                             String preset, List<String> tunedPresets, List<MinerSettings.Pool> pools,
                             String password, double ageDays, double dustDays, double dustRatePerDay,
                             List<WornFan> wornFans, List<BoardFailure> boardFailures, List<Fault> faults,
                             List<String> rpcUnanswered) {

    /** The password every Vnish unit ships with. */
    public static final String DEFAULT_PASSWORD = "admin";

    public MinerBlueprint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(firmware, "firmware");
        room = room == null ? "" : room;
        preset = preset == null ? MinerSettings.MANUAL_PRESET : preset;
        tunedPresets = List.copyOf(tunedPresets);
        pools = List.copyOf(pools);
        password = password == null ? DEFAULT_PASSWORD : password;
        if (ageDays < 0 || dustDays < 0 || dustRatePerDay < 0) {
            throw new IllegalArgumentException("unit '" + id + "': ageDays, dustDays and dustRatePerDay must not be"
                    + " negative");
        }
        wornFans = List.copyOf(wornFans);
        boardFailures = List.copyOf(boardFailures);
        faults = List.copyOf(faults);
        rpcUnanswered = rpcUnanswered.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** A fresh, clean unit on its default clocks with one pool, as tests want it. */
    public static MinerBlueprint of(String id, String modelId, String firmware, long seed) {
        return new MinerBlueprint(id, modelId, FirmwareVersion.of(firmware), seed, "", MinerSettings.MANUAL_PRESET,
                List.of(), List.of(new MinerSettings.Pool("stratum.example.org:3333", id, "x")), DEFAULT_PASSWORD,
                0, 0, 1, List.of(), List.of(), List.of(), List.of());
    }

    public MinerBlueprint withPreset(String value, List<String> tuned) {
        return new MinerBlueprint(id, modelId, firmware, seed, room, value, tuned, pools, password, ageDays, dustDays,
                dustRatePerDay, wornFans, boardFailures, faults, rpcUnanswered);
    }

    public MinerBlueprint withWear(double age, double dust, List<WornFan> fans, List<BoardFailure> boards) {
        return new MinerBlueprint(id, modelId, firmware, seed, room, preset, tunedPresets, pools, password, age, dust,
                dustRatePerDay, fans, boards, faults, rpcUnanswered);
    }

    public MinerBlueprint withFaults(List<Fault> value) {
        return new MinerBlueprint(id, modelId, firmware, seed, room, preset, tunedPresets, pools, password, ageDays,
                dustDays, dustRatePerDay, wornFans, boardFailures, value, rpcUnanswered);
    }

    public MinerBlueprint withRpcUnanswered(List<String> commands) {
        return new MinerBlueprint(id, modelId, firmware, seed, room, preset, tunedPresets, pools, password, ageDays,
                dustDays, dustRatePerDay, wornFans, boardFailures, faults, commands);
    }

    /** Fan {@code fan} (0-based) fails {@code failsInDays} after the simulation starts. */
    public record WornFan(int fan, double failsInDays) {
        public WornFan {
            if (fan < 0 || failsInDays <= 0) {
                throw new IllegalArgumentException("a worn fan needs fan >= 0 and failsInDays > 0");
            }
        }
    }

    /** Board {@code board} (1-based) fails {@code failsInDays} after the simulation starts. */
    public record BoardFailure(int board, double failsInDays) {
        public BoardFailure {
            if (board < 1 || failsInDays <= 0) {
                throw new IllegalArgumentException("a board failure needs board >= 1 and failsInDays > 0");
            }
        }
    }
}
