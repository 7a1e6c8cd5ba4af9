package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.Objects;

/** One unit's {@link MaintenanceFeature} vector at one instant, in {@link MaintenanceFeature} order. */
public record FeatureRow(MinerId miner, String peerGroup, Instant at, double[] values) {

    public FeatureRow {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(peerGroup, "peerGroup");
        Objects.requireNonNull(at, "at");
        if (values.length != MaintenanceFeature.count()) {
            throw new IllegalArgumentException("expected " + MaintenanceFeature.count() + " features, got "
                    + values.length);
        }
    }

    public double value(MaintenanceFeature feature) {
        return values[feature.ordinal()];
    }
}
