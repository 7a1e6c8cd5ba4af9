package io.hashdesk.core.store.sqlite;

import static io.hashdesk.core.store.sqlite.TelemetryHistory.DAY_MS;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.FIVE_MINUTES_MS;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.HOUR_MS;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.TIER_FIVE_MINUTES;
import static io.hashdesk.core.store.sqlite.TelemetryHistory.TIER_ONE_HOUR;

import io.hashdesk.core.store.StoreSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensors' part of the telemetry maintenance run: folds closed hours of raw sensor values into 5-minute and
 * 1-hour buckets and deletes what has outlived the telemetry's retention ({@link StoreSettings}: the same raw,
 * 5-minute and 1-hour retention and the same grace before an hour counts as closed). Sensors are a few dozen series
 * against thousands of miners, so SQL aggregates do the folding; a day per transaction keeps ingestion's waits short.
 */
final class SensorRollups {

    private static final Logger LOG = LoggerFactory.getLogger(SensorRollups.class);

    private final SqliteDatabase db;
    private final StoreSettings settings;

    SensorRollups(SqliteDatabase db, StoreSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Every value before this instant (epoch ms) is rolled up; later values for that time are refused. */
    static long rolledUntil(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolled_until_ms FROM sensor_progress WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    void maintain(Instant now) {
        long graceEnd = now.minus(settings.rollupGrace()).toEpochMilli();
        long hourLimit = Math.floorDiv(graceEnd, HOUR_MS) * HOUR_MS;
        long from = db.read("find sensor hours to roll up", SensorRollups::firstOpenHour);
        long hours = 0;
        for (long start = from; start < hourLimit; start += DAY_MS) {
            long end = Math.min(hourLimit, start + DAY_MS);
            long dayStart = start;
            db.inTransaction("roll up sensor hours", conn -> {
                rollUp(conn, TIER_FIVE_MINUTES, FIVE_MINUTES_MS, dayStart, end);
                rollUp(conn, TIER_ONE_HOUR, HOUR_MS, dayStart, end);
                try (PreparedStatement st = conn.prepareStatement(
                        "UPDATE sensor_progress SET rolled_until_ms = ? WHERE id = 1")) {
                    st.setLong(1, end);
                    st.executeUpdate();
                }
                return null;
            });
            hours += (end - start) / HOUR_MS;
        }
        long deleted = deleteExpired(now);
        if (hours > 0 || deleted > 0) {
            LOG.info("Sensor maintenance rolled up {} hours and deleted {} expired values and buckets", hours, deleted);
        }
    }

    /** Where rolling up resumes: the progress mark, or the hour of the oldest value on a first run. */
    private static long firstOpenHour(Connection conn) throws SQLException {
        long until = rolledUntil(conn);
        if (until > 0) {
            return until;
        }
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(ts_ms) FROM sensor_sample")) {
            long oldest = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Long.MAX_VALUE : Math.floorDiv(oldest, HOUR_MS) * HOUR_MS;
        }
    }

    private static void rollUp(Connection conn, int tier, long widthMs, long fromMs, long toMs) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("""
                INSERT INTO sensor_rollup (sensor_num, quantity, tier, start_ms, samples, min_value, mean_value, max_value)
                SELECT sensor_num, quantity, ?, (ts_ms / ?) * ?, COUNT(*), MIN(value), AVG(value), MAX(value)
                FROM sensor_sample WHERE ts_ms >= ? AND ts_ms < ? GROUP BY sensor_num, quantity, 4
                ON CONFLICT (sensor_num, quantity, tier, start_ms) DO UPDATE SET samples = excluded.samples,
                    min_value = excluded.min_value, mean_value = excluded.mean_value, max_value = excluded.max_value""")) {
            st.setInt(1, tier);
            st.setLong(2, widthMs);
            st.setLong(3, widthMs);
            st.setLong(4, fromMs);
            st.setLong(5, toMs);
            st.executeUpdate();
        }
    }

    private long deleteExpired(Instant now) {
        long rawCutoff = now.minus(settings.rawRetention()).toEpochMilli();
        long fiveMinuteCutoff = now.minus(settings.fiveMinuteRetention()).toEpochMilli();
        long oneHourCutoff = now.minus(settings.oneHourRetention()).toEpochMilli();
        return db.inTransaction("delete expired sensor values", conn -> {
            long deleted;
            // raw values are deleted only once rolled up, whatever their age
            try (PreparedStatement st = conn.prepareStatement(
                    "DELETE FROM sensor_sample WHERE ts_ms < MIN(?, (SELECT rolled_until_ms FROM sensor_progress))")) {
                st.setLong(1, rawCutoff);
                deleted = st.executeUpdate();
            }
            try (PreparedStatement st = conn.prepareStatement(
                    "DELETE FROM sensor_rollup WHERE tier = ? AND start_ms < ?")) {
                st.setInt(1, TIER_FIVE_MINUTES);
                st.setLong(2, fiveMinuteCutoff);
                deleted += st.executeUpdate();
                st.setInt(1, TIER_ONE_HOUR);
                st.setLong(2, oneHourCutoff);
                deleted += st.executeUpdate();
            }
            return deleted;
        });
    }
}
