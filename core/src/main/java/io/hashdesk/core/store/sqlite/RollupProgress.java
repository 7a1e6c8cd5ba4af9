package io.hashdesk.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per miner, up to when history is rolled up (the {@code telemetry_progress} table, mirrored in memory
 * because ingestion checks it for every snapshot). Before {@link #closedBefore} a miner's hours are closed:
 * a late snapshot for them is refused rather than silently missing from rollups already written.
 */
final class RollupProgress {

    /** {hourly_until_ms, daily_until_ms} per miner number. */
    private final Map<Integer, long[]> byMiner = new ConcurrentHashMap<>();

    void load(Connection conn) throws SQLException {
        byMiner.clear();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT miner_num, hourly_until_ms, daily_until_ms FROM telemetry_progress")) {
            while (rs.next()) {
                byMiner.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
    }

    long hourlyUntil(int miner) {
        long[] p = byMiner.get(miner);
        return p == null ? 0 : p[0];
    }

    long dailyUntil(int miner) {
        long[] p = byMiner.get(miner);
        return p == null ? 0 : p[1];
    }

    long closedBefore(int miner) {
        return Math.max(hourlyUntil(miner), dailyUntil(miner));
    }

    /**
     * Records new progress within the writer's transaction and in memory at once, so ingestion — which checks
     * it under the same write lock — can never slip a snapshot into an hour being closed. If the transaction
     * then rolls back, memory is ahead of the file until {@link #load} is called again: late snapshots are
     * refused a little early, never lost silently.
     */
    void advance(Connection writer, int miner, long hourlyUntilMs, long dailyUntilMs) throws SQLException {
        try (PreparedStatement st = writer.prepareStatement("""
                INSERT INTO telemetry_progress (miner_num, hourly_until_ms, daily_until_ms) VALUES (?, ?, ?)
                ON CONFLICT (miner_num) DO UPDATE SET hourly_until_ms = excluded.hourly_until_ms,
                                                      daily_until_ms = excluded.daily_until_ms""")) {
            st.setInt(1, miner);
            st.setLong(2, hourlyUntilMs);
            st.setLong(3, dailyUntilMs);
            st.executeUpdate();
        }
        byMiner.put(miner, new long[] {hourlyUntilMs, dailyUntilMs});
    }
}
