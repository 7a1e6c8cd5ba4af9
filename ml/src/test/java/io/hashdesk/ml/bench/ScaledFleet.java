package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureTable;
import io.hashdesk.ml.maintenance.FeatureRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Inference inputs for a fleet of a given size from a smaller farm's real ones: each unit's row repeated under new
 * miner ids until there are {@code n}, so that inference benchmarks run on 5,000 units without a 5,000-unit store.
 */
final class ScaledFleet {

    /** Rooms the repeated feature-table rows are spread over, so peer groups stay a realistic size. */
    private static final int ROOMS = 50;

    private ScaledFleet() {
    }

    /** The table's rows repeated to {@code n} units in {@value #ROOMS} rooms. */
    static FeatureTable featureTable(FeatureTable table, int n) {
        requireRows(table.size());
        List<FeatureTable.Row> rows = new ArrayList<>(n);
        double[][] values = new double[n][];
        List<Feature> all = Arrays.asList(Feature.values());
        for (int i = 0; i < n; i++) {
            FeatureTable.Row source = table.row(i % table.size());
            rows.add(new FeatureTable.Row(replicaId(i), source.modelId(), "room-" + i % ROOMS));
            values[i] = table.vector(i % table.size(), all);
        }
        return FeatureTable.of(table.asOf(), rows, values);
    }

    /** The failure model's feature rows repeated to {@code n} units, each keeping its peer group. */
    static List<FeatureRow> maintenanceRows(List<FeatureRow> rows, int n) {
        requireRows(rows.size());
        List<FeatureRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FeatureRow source = rows.get(i % rows.size());
            out.add(new FeatureRow(replicaId(i), source.peerGroup(), source.at(), source.values().clone()));
        }
        return out;
    }

    static MinerId replicaId(int i) {
        return MinerId.of("x-" + i);
    }

    private static void requireRows(int size) {
        if (size == 0) {
            throw new IllegalArgumentException("no rows to repeat: the store had no unit to build them from");
        }
    }
}
