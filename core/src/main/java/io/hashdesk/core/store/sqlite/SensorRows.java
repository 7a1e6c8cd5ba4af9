package io.hashdesk.core.store.sqlite;

import static io.hashdesk.core.store.sqlite.TelemetryHistory.TIER_FIVE_MINUTES;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.TIER_ONE_HOUR;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.store.Resolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one query behind every sensor series: per sensor and bucket, rollups of the closed hours (in telemetry's tiers) and, for what is not
 * rolled up yet, the raw samples aggregated on the fly, so the newest buckets are always present.
 */
final class SensorRows {

    /** One sensor's bucket (or raw read) of one quantity. */
    record Row(SensorId sensor, String roomId, String rack, long startMs, int samples, double min, double mean,
               double max) {
    }

    /** Which sensors a query covers: one sensor, or every sensor at a position. */
    record Filter(String sql, String parameter) {

        static Filter sensor(SensorId id) {
            return new Filter("s.id = ?", id.value());
        }

        static Filter position(SensorPosition position) {
            return new Filter("s.position = ?", position.name());
        }
    }

    private static final String COLUMNS = "s.id, s.room_id, s.rack";

    private SensorRows() {
    }

    /** Rows ordered by sensor, then time. */
    static List<Row> read(Connection conn, Filter filter, SensorQuantity quantity, Instant from, Instant to,
                          Resolution resolution) throws SQLException {
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        if (resolution == Resolution.RAW) {
            String sql = "SELECT " + COLUMNS + ", x.ts_ms, 1, x.value, x.value, x.value"
                    + " FROM sensor_sample x JOIN sensor s ON s.num = x.sensor_num"
                    + " WHERE " + filter.sql() + " AND x.quantity = ? AND x.ts_ms >= ? AND x.ts_ms < ? ORDER BY s.id, 4";
            try (PreparedStatement st = conn.prepareStatement(sql)) {
                st.setString(1, filter.parameter());
                st.setString(2, quantity.name());
                st.setLong(3, fromMs);
                st.setLong(4, toMs);
                return rows(st);
            }
        }
        long width = resolution.width().toMillis();
        long alignedFrom = Math.floorDiv(fromMs, width) * width;
        int tier = resolution == Resolution.FIVE_MINUTES ? TIER_FIVE_MINUTES : TIER_ONE_HOUR;
        String sql = "WITH p AS (SELECT rolled_until_ms AS u FROM sensor_progress WHERE id = 1)"
                + " SELECT " + COLUMNS + ", r.start_ms, r.samples, r.min_value, r.mean_value, r.max_value"
                + " FROM sensor_rollup r JOIN sensor s ON s.num = r.sensor_num, p"
                + " WHERE " + filter.sql() + " AND r.quantity = ? AND r.tier = ? AND r.start_ms >= ? AND r.start_ms < ?"
                + " AND r.start_ms < p.u"
                + " UNION ALL"
                + " SELECT " + COLUMNS + ", (x.ts_ms / ?) * ?, COUNT(*), MIN(x.value), AVG(x.value), MAX(x.value)"
                + " FROM sensor_sample x JOIN sensor s ON s.num = x.sensor_num, p"
                + " WHERE " + filter.sql() + " AND x.quantity = ? AND x.ts_ms >= MAX(?, p.u) AND x.ts_ms < ?"
                + " GROUP BY s.id, 4"
                + " ORDER BY 1, 4";
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            int i = 1;
            st.setString(i++, filter.parameter());
            st.setString(i++, quantity.name());
            st.setInt(i++, tier);
            st.setLong(i++, alignedFrom);
            st.setLong(i++, toMs);
            st.setLong(i++, width);
            st.setLong(i++, width);
            st.setString(i++, filter.parameter());
            st.setString(i++, quantity.name());
            st.setLong(i++, alignedFrom);
            st.setLong(i, toMs);
            return rows(st);
        }
    }

    private static List<Row> rows(PreparedStatement st) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(SensorId.of(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)));
            }
        }
        return out;
    }
}
