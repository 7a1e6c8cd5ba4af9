package io.hashdesk.ml.features;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Features of every miner as of one instant: one row per miner (with its model and room, which peer comparisons
 * group by), one column per {@link Feature}, NaN where a value is missing. Immutable; built by {@link FeatureBuilder}
 * from data before {@link #asOf()} only, so tables at past instants carry no look-ahead.
 */
public final class FeatureTable {

    /** Who a row is about. */
    public record Row(MinerId miner, String modelId, String roomId) {
        public Row {
            Objects.requireNonNull(miner, "miner");
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(roomId, "roomId");
        }

        /** Miners compared with each other: the same model in the same room. */
        public String peerGroup() {
            return modelId + "@" + roomId;
        }
    }

    private final Instant asOf;
    private final List<Row> rows;
    private final double[][] values;
    private final Map<MinerId, Integer> index = new HashMap<>();

    /**
     * A table from values computed elsewhere (a model's own pipeline, a benchmark); {@code values[i]} holds row
     * {@code i}'s value of every {@link Feature}, indexed by ordinal.
     */
    public static FeatureTable of(Instant asOf, List<Row> rows, double[][] values) {
        return new FeatureTable(asOf, rows, values);
    }

    FeatureTable(Instant asOf, List<Row> rows, double[][] values) {
        if (rows.size() != values.length) {
            throw new IllegalArgumentException(rows.size() + " rows but " + values.length + " value rows");
        }
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.rows = List.copyOf(rows);
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != Feature.values().length) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, expected "
                        + Feature.values().length);
            }
            this.values[i] = values[i].clone();
            index.put(rows.get(i).miner(), i);
        }
    }

    public Instant asOf() {
        return asOf;
    }

    public int size() {
        return rows.size();
    }

    public List<Row> rows() {
        return rows;
    }

    public Row row(int i) {
        return rows.get(i);
    }

    public OptionalInt rowOf(MinerId miner) {
        Integer i = index.get(miner);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public double value(int row, Feature feature) {
        return values[row][feature.ordinal()];
    }

    /** The value for a miner, NaN when the miner has no row or the value is missing. */
    public double value(MinerId miner, Feature feature) {
        Integer i = index.get(miner);
        return i == null ? Double.NaN : values[i][feature.ordinal()];
    }

    /** The values of the given features for one row, in that order (a copy). */
    public double[] vector(int row, List<Feature> features) {
        double[] out = new double[features.size()];
        for (int f = 0; f < out.length; f++) {
            out[f] = values[row][features.get(f).ordinal()];
        }
        return out;
    }
}
