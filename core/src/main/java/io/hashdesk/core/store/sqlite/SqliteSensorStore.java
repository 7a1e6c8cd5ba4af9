package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.store.AmbientScope;
import io.hashdesk.core.store.PowerCircuit;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.core.store.SensorStore;
import io.hashdesk.core.store.Stat;
import io.hashdesk.core.store.sqlite.SensorRows.Filter;
import io.hashdesk.core.store.sqlite.SensorRows.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@link SensorStore} on SQLite: raw values in {@code sensor_sample}, rollups in {@code sensor_rollup} written by
 * {@link SensorRollups} during the telemetry's maintenance run, the last read of each sensor in
 * {@code sensor_latest}. Nothing is cached in memory, so a read-only store sees another process's writes as they
 * are committed.
 */
final class SqliteSensorStore implements SensorStore {

    private final SqliteDatabase db;

    SqliteSensorStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public int ingest(Collection<SensorReading> reads) {
        if (reads.isEmpty()) {
            return 0;
        }
        return db.inTransaction("store sensor reads", conn -> {
            long closedBefore = SensorRollups.rolledUntil(conn);
            int stored = 0;
            for (SensorReading read : reads) {
                int num = sensorNumber(conn, read.sensor(), read.placement());
                if (read.takenAt().toEpochMilli() >= closedBefore) {
                    stored += storeValues(conn, num, read);
                }
                storeLatest(conn, num, read);
            }
            return stored;
        });
    }

    /** Adds the sensor or updates its placement, and returns its number. */
    private static int sensorNumber(Connection conn, SensorId id, SensorPlacement placement) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("""
                INSERT INTO sensor (id, room_id, rack, position) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET room_id = excluded.room_id, rack = excluded.rack,
                                               position = excluded.position""")) {
            st.setString(1, id.value());
            st.setString(2, placement.roomId());
            st.setString(3, placement.rack());
            st.setString(4, placement.position().name());
            st.executeUpdate();
        }
        try (PreparedStatement st = conn.prepareStatement("SELECT num FROM sensor WHERE id = ?")) {
            st.setString(1, id.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int storeValues(Connection conn, int num, SensorReading read) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(
                "INSERT OR REPLACE INTO sensor_sample (sensor_num, quantity, ts_ms, value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<SensorQuantity, Double> value : read.values().entrySet()) {
                st.setInt(1, num);
                st.setString(2, value.getKey().name());
                st.setLong(3, read.takenAt().toEpochMilli());
                st.setDouble(4, value.getValue());
                st.addBatch();
            }
            st.executeBatch();
        }
        return read.values().size();
    }

    private static void storeLatest(Connection conn, int num, SensorReading read) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("""
                INSERT INTO sensor_latest (sensor_num, ts_ms, status, detail, sample_values) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (sensor_num) DO UPDATE SET ts_ms = excluded.ts_ms, status = excluded.status,
                    detail = excluded.detail, sample_values = excluded.sample_values
                WHERE excluded.ts_ms >= sensor_latest.ts_ms""")) {
            st.setInt(1, num);
            st.setLong(2, read.takenAt().toEpochMilli());
            st.setString(3, read.status().name());
            st.setString(4, read.detail());
            st.setString(5, encodeValues(read.values()));
            st.executeUpdate();
        }
    }

    @Override
    public Map<SensorId, SensorReading> latest() {
        return db.read("read the sensors' last reads", conn -> {
            Map<SensorId, SensorReading> out = new TreeMap<>();
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT s.id, s.room_id, s.rack, s.position, l.ts_ms, l.status, l.detail, l.sample_values
                    FROM sensor_latest l JOIN sensor s ON s.num = l.sensor_num""");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    SensorId id = SensorId.of(rs.getString(1));
                    SensorPlacement placement = new SensorPlacement(rs.getString(2), rs.getString(3),
                            SensorPosition.valueOf(rs.getString(4)));
                    out.put(id, new SensorReading(id, placement, Instant.ofEpochMilli(rs.getLong(5)),
                            SensorStatus.valueOf(rs.getString(6)), rs.getString(7), decodeValues(rs.getString(8))));
                }
            }
            return out;
        });
    }

    @Override
    public List<SensorPoint> series(SensorId sensor, SensorQuantity quantity, Instant from, Instant to,
                                    Resolution resolution) {
        List<Row> rows = db.read("read a sensor series",
                conn -> SensorRows.read(conn, Filter.sensor(sensor), quantity, from, to, resolution));
        return rows.stream().map(row -> point(row.startMs(), resolution, row.samples(), row.min(), row.mean(),
                row.max())).toList();
    }

    @Override
    public Map<AmbientScope, List<SensorPoint>> ambientIntake(Instant from, Instant to, Resolution resolution) {
        List<Row> rows = db.read("read the rooms' intake air", conn -> SensorRows.read(conn,
                Filter.position(SensorPosition.INTAKE), SensorQuantity.TEMPERATURE_C, from, to, resolution));
        Map<AmbientScope, TreeMap<Long, Combined>> scopes = new LinkedHashMap<>();
        for (Row row : rows) {
            combine(scopes, AmbientScope.room(row.roomId()), row);
            if (row.rack() != null) {
                combine(scopes, AmbientScope.rack(row.roomId(), row.rack()), row);
            }
        }
        return toSeries(scopes, resolution, Combined::averaged);
    }

    @Override
    public Map<PowerCircuit, List<SensorPoint>> powerByCircuit(Instant from, Instant to, Resolution resolution) {
        Map<PowerCircuit, TreeMap<Long, Combined>> circuits = new LinkedHashMap<>();
        for (Row row : powerRows(from, to, resolution)) {
            combine(circuits, new PowerCircuit(row.sensor(), row.roomId(), row.rack()), row);
        }
        return toSeries(circuits, resolution, Combined::summed);
    }

    @Override
    public Map<String, List<SensorPoint>> powerByRoom(Instant from, Instant to, Resolution resolution) {
        Map<String, TreeMap<Long, Combined>> rooms = new LinkedHashMap<>();
        for (Row row : powerRows(from, to, resolution)) {
            combine(rooms, row.roomId(), row);
        }
        return toSeries(rooms, resolution, Combined::summed);
    }

    private List<Row> powerRows(Instant from, Instant to, Resolution resolution) {
        return db.read("read the measured power", conn -> SensorRows.read(conn,
                Filter.position(SensorPosition.CIRCUIT), SensorQuantity.POWER_WATTS, from, to, resolution));
    }

    /** Several sensors' rows in one bucket. */
    private static final class Combined {
        int sensors;
        int samples;
        double minSum;
        double meanSum;
        double maxSum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(Row row) {
            sensors++;
            samples += row.samples();
            minSum += row.min();
            meanSum += row.mean();
            maxSum += row.max();
            min = Math.min(min, row.min());
            max = Math.max(max, row.max());
        }

        double[] averaged() {
            return new double[] {min, meanSum / sensors, max};
        }

        double[] summed() {
            return new double[] {minSum, meanSum, maxSum};
        }
    }

    private static <K> void combine(Map<K, TreeMap<Long, Combined>> into, K key, Row row) {
        into.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(row.startMs(), t -> new Combined()).add(row);
    }

    private static <K> Map<K, List<SensorPoint>> toSeries(Map<K, TreeMap<Long, Combined>> combined,
                                                        Resolution resolution, Function<Combined, double[]> stat) {
        Map<K, List<SensorPoint>> out = new HashMap<>();
        combined.forEach((key, buckets) -> {
            List<SensorPoint> points = new ArrayList<>(buckets.size());
            buckets.forEach((start, c) -> {
                double[] s = stat.apply(c);
                points.add(point(start, resolution, c.samples, s[0], s[1], s[2]));
            });
            out.put(key, List.copyOf(points));
        });
        return out;
    }

    private static SensorPoint point(long startMs, Resolution resolution, int samples, double min, double mean,
                                     double max) {
        // an average of equal values can land a rounding error outside them
        double inside = Math.max(min, Math.min(max, mean));
        return new SensorPoint(Instant.ofEpochMilli(startMs), resolution.width(), samples, new Stat(min, inside, max));
    }

    static String encodeValues(Map<SensorQuantity, Double> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((quantity, value) -> {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(quantity.name()).append('=').append(value);
        });
        return out.toString();
    }

    static Map<SensorQuantity, Double> decodeValues(String text) {
        Map<SensorQuantity, Double> out = new EnumMap<>(SensorQuantity.class);
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            out.put(SensorQuantity.valueOf(pair.substring(0, eq)), Double.parseDouble(pair.substring(eq + 1)));
        }
        return out;
    }
}
