package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationStatus;
import io.hashdesk.core.reco.WorkOrder;
import io.hashdesk.core.reco.WorkOrderStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The recommendation store's work orders: opened on accepting MAINTENANCE advice, closed by a technician. */
final class SqliteRecommendationStoreWorkOrders {

    private static final String COLUMNS = "id, recommendation_id, title, miners, steps, parts, opened_by, opened_at_ms,"
            + " closed_by, closed_at_ms, work_done, parts_used";

    private final SqliteDatabase db;

    SqliteRecommendationStoreWorkOrders(SqliteDatabase db) {
        this.db = db;
    }

    /** Opens the work order for {@code r} inside the caller's transaction. */
    void open(Connection conn, Recommendation r, String by, Instant at) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO work_order (recommendation_id, title, miners,"
                + " steps, parts, opened_by, opened_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, r.id());
            st.setString(2, r.headline());
            st.setString(3, SqliteRecommendationStoreJson.write(r.target().miners().stream().map(MinerId::value)
                    .toList()));
            st.setString(4, SqliteRecommendationStoreJson.write(r.steps()));
            st.setString(5, SqliteRecommendationStoreJson.write(r.parts()));
            st.setString(6, by);
            st.setLong(7, at.toEpochMilli());
            st.executeUpdate();
        }
    }

    List<WorkOrder> list(WorkOrderStatus status) {
        String where = status == WorkOrderStatus.OPEN ? "closed_at_ms IS NULL" : "closed_at_ms IS NOT NULL";
        return db.read("list " + status.name().toLowerCase(java.util.Locale.ROOT) + " work orders", conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM work_order WHERE " + where
                    + " ORDER BY opened_at_ms DESC, id DESC")) {
                return rows(st);
            }
        });
    }

    WorkOrder close(long id, String by, String workDone, List<String> partsUsed, Instant at) {
        return db.inTransaction("close work order " + id, conn -> {
            WorkOrder order = byId(conn, id).orElseThrow(() ->
                    new IllegalArgumentException("There is no work order " + id));
            if (order.status() == WorkOrderStatus.CLOSED) {
                throw new IllegalStateException("Work order " + id + " was already closed by "
                        + order.closedBy().orElseThrow() + " at " + order.closedAt().orElseThrow());
            }
            try (PreparedStatement st = conn.prepareStatement("UPDATE work_order SET closed_by = ?,"
                    + " closed_at_ms = ?, work_done = ?, parts_used = ? WHERE id = ?")) {
                st.setString(1, by);
                st.setLong(2, at.toEpochMilli());
                st.setString(3, workDone);
                st.setString(4, SqliteRecommendationStoreJson.write(List.copyOf(partsUsed)));
                st.setLong(5, id);
                st.executeUpdate();
            }
            // the repair was the recommendation's application: its cooldown and outcome run from here
            if (SqliteRecommendationStore.find(conn, order.recommendationId())
                    .filter(r -> r.status() == RecommendationStatus.ACCEPTED).isPresent()) {
                SqliteRecommendationStore.setStatus(conn, order.recommendationId(), "status = 'APPLIED', action_id = ?,"
                        + " applied_at_ms = ?, status_at_ms = ?", "work-order-" + id, at.toEpochMilli(),
                        at.toEpochMilli());
            }
            return byId(conn, id).orElseThrow();
        });
    }

    private static Optional<WorkOrder> byId(Connection conn, long id) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM work_order WHERE id = ?")) {
            st.setLong(1, id);
            return rows(st).stream().findFirst();
        }
    }

    private static List<WorkOrder> rows(PreparedStatement st) throws SQLException {
        List<WorkOrder> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                found.add(new WorkOrder(rs.getLong(1), rs.getString(2), rs.getString(3),
                        SqliteRecommendationStoreJson.readTexts(rs.getString(4)).stream().map(MinerId::of).toList(),
                        SqliteRecommendationStoreJson.readTexts(rs.getString(5)),
                        SqliteRecommendationStoreJson.readTexts(rs.getString(6)), rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8)), Optional.ofNullable(rs.getString(9)),
                        SqliteRecommendationStore.instant(rs, 10), Optional.ofNullable(rs.getString(11)),
                        SqliteRecommendationStoreJson.readTexts(rs.getString(12))));
            }
        }
        return found;
    }
}
