package io.hashdesk.app.discovery;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.discovery.DiscoveredMiner;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One miner the scan found, as the results table shows it: what it said it is, whether the farm already has it,
 * and the operator's tick. Miners already registered cannot be ticked (registering them again would duplicate them).
 */
public final class FoundMiner {

    private final DiscoveredMiner miner;
    private final Optional<String> modelId;
    private final Optional<MinerId> registeredAs;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", false);

    FoundMiner(DiscoveredMiner miner, Optional<String> modelId, Optional<MinerId> registeredAs) {
        this.miner = miner;
        this.modelId = modelId;
        this.registeredAs = registeredAs;
    }

    public DiscoveredMiner miner() {
        return miner;
    }

    /** The catalog model the firmware's name matched; empty for a model the catalog does not know. */
    public Optional<String> modelId() {
        return modelId;
    }

    public Optional<MinerId> registeredAs() {
        return registeredAs;
    }

    public boolean isNew() {
        return registeredAs.isEmpty();
    }

    /** Ticked for registering; only new miners can be ticked. */
    public BooleanProperty selectedProperty() {
        return selected;
    }

    public String addressText() {
        return miner.address().host() + ":" + miner.address().httpPort();
    }

    public String modelText() {
        return miner.modelName().isEmpty() ? "unknown model" : miner.modelName();
    }

    public String firmwareText() {
        return miner.firmware().isEmpty() ? "—" : miner.firmware();
    }

    public String statusText() {
        return registeredAs.map(id -> "registered as " + id).orElse("new");
    }
}
