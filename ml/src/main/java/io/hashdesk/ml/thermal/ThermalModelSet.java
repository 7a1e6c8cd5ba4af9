package io.hashdesk.ml.thermal;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The thermal models of every fitted unit of one miner model, as plain data: one registry version and one JSON
 * artifact ({@code ModelArtifact.json(set)}, read back with {@code registry.load(version, ThermalModelSet.class)}).
 *
 * @param minerModelId the catalog id of the miner model the units share
 * @param units        each unit's model state by miner id
 */
public record ThermalModelSet(String minerModelId, Map<String, ThermalModelState> units) {

    public ThermalModelSet {
        Objects.requireNonNull(minerModelId, "minerModelId");
        units = Map.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a thermal model set for '" + minerModelId + "' needs a unit");
        }
    }

    /** The unit's model, or empty when the unit was not fitted in this set. */
    public Optional<ThermalModel> unit(MinerId miner) {
        return Optional.ofNullable(units.get(miner.value())).map(ThermalModel::restore);
    }

    /** A prior from every unit in the set, for a unit of the same model with too little history of its own. */
    public ThermalPrior prior(ThermalModel.Options options) {
        List<ThermalModel> peers = units.values().stream().map(ThermalModel::restore).toList();
        return ThermalPrior.fromPeers(minerModelId, peers, options);
    }
}
