package io.hashdesk.ml.optimiser;

import java.util.List;
import java.util.Objects;

/**
 * The probes one unit has run so far, oldest first.
 *
 * @param unitId  the miner the probes ran on
 * @param modelId catalog id of its model (which per-model prior applies)
 */
public record UnitHistory(String unitId, String modelId, List<Probe> probes) {

    public UnitHistory {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(modelId, "modelId");
        probes = List.copyOf(probes);
    }

    public UnitHistory with(Probe probe) {
        List<Probe> more = new java.util.ArrayList<>(probes);
        more.add(probe);
        return new UnitHistory(unitId, modelId, more);
    }
}
