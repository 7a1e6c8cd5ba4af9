package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.reco.MeasuredOutcome;
import io.hashdesk.core.reco.OutcomeTally;
import io.hashdesk.core.reco.RecommendationType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recommendation store's measured outcomes, one per applying action, and the track record they add up to. */
final class SqliteRecommendationStoreOutcomes {

    private static final String COLUMNS = "recommendation_id, action_id, type, change_finished_at_ms, measured_at_ms,"
            + " treated_miners, control_miners, hashrate_ths, power_watts, efficiency_j_per_th, profit_usd_per_day,"
            + " predicted, inside, headline, summary";

    private final SqliteDatabase db;

    SqliteRecommendationStoreOutcomes(SqliteDatabase db) {
        this.db = db;
    }

    void record(MeasuredOutcome o) {
        db.inTransaction("record the outcome of action " + o.actionId(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("INSERT OR REPLACE INTO recommendation_outcome ("
                    + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, o.recommendationId());
                st.setString(2, o.actionId());
                st.setString(3, o.type().name());
                st.setLong(4, o.changeFinishedAt().toEpochMilli());
                st.setLong(5, o.measuredAt().toEpochMilli());
                st.setInt(6, o.treatedMiners());
                st.setInt(7, o.controlMiners());
                SqliteRecommendationStore.setNullable(st, 8, o.hashrateThs());
                SqliteRecommendationStore.setNullable(st, 9, o.powerWatts());
                SqliteRecommendationStore.setNullable(st, 10, o.efficiencyJPerTh());
                SqliteRecommendationStore.setNullable(st, 11, o.profitUsdPerDay());
                st.setString(12, SqliteRecommendationStoreJson.write(o.predicted()));
                if (o.inside() == null) {
                    st.setNull(13, Types.INTEGER);
                } else {
                    st.setInt(13, o.inside() ? 1 : 0);
                }
                st.setString(14, o.headline());
                st.setString(15, o.summary());
                st.executeUpdate();
            }
            return null;
        });
    }

    Optional<MeasuredOutcome> byAction(String actionId) {
        return db.read("read the outcome of action " + actionId, conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS
                    + " FROM recommendation_outcome WHERE action_id = ?")) {
                st.setString(1, actionId);
                return rows(st).stream().findFirst();
            }
        });
    }

    List<MeasuredOutcome> since(Instant since) {
        return db.read("read measured outcomes", conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM recommendation_outcome"
                    + " WHERE measured_at_ms >= ? ORDER BY measured_at_ms DESC, action_id")) {
                st.setLong(1, since.toEpochMilli());
                return rows(st);
            }
        });
    }

    Map<RecommendationType, OutcomeTally> tally() {
        return db.read("tally measured outcomes", conn -> {
            Map<RecommendationType, OutcomeTally> tally = new EnumMap<>(RecommendationType.class);
            try (PreparedStatement st = conn.prepareStatement("SELECT type, COUNT(*), SUM(inside)"
                    + " FROM recommendation_outcome WHERE inside IS NOT NULL GROUP BY type");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tally.put(RecommendationType.valueOf(rs.getString(1)), new OutcomeTally(rs.getInt(2),
                            rs.getInt(3)));
                }
            }
            return tally;
        });
    }

    private static List<MeasuredOutcome> rows(PreparedStatement st) throws SQLException {
        List<MeasuredOutcome> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                int inside = rs.getInt(13);
                Boolean judged = rs.wasNull() ? null : inside == 1;
                found.add(new MeasuredOutcome(rs.getString(1), rs.getString(2),
                        RecommendationType.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6), rs.getInt(7), nullable(rs, 8),
                        nullable(rs, 9), nullable(rs, 10), nullable(rs, 11),
                        SqliteRecommendationStoreJson.readImpact(rs.getString(12)), judged, rs.getString(14),
                        rs.getString(15)));
            }
        }
        return found;
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
