package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.alert.Alert;
import io.hashdesk.core.alert.AlertBatch;
import io.hashdesk.core.alert.AlertFinding;
import io.hashdesk.core.alert.AlertKey;
import io.hashdesk.core.alert.AlertKind;
import io.hashdesk.core.alert.AlertSeverity;
import io.hashdesk.core.alert.AlertStore;
import io.hashdesk.core.alert.AlertView;
import io.hashdesk.core.domain.MinerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link AlertStore} on the farm's SQLite file. */
final class SqliteAlertStore implements AlertStore {

    private static final String COLUMNS = "id, miner_id, kind, severity, raised_at_ms, last_seen_at_ms, cleared_at_ms, "
            + "message, acknowledged_by, acknowledged_at_ms";
    /** Critical first, then the newest. */
    private static final String URGENT_FIRST = " ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 ELSE 1 END, "
            + "raised_at_ms DESC, id DESC";

    private final SqliteDatabase db;

    SqliteAlertStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<Alert> apply(AlertBatch batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        long at = batch.at().toEpochMilli();
        return db.inTransaction("record " + batch.active().size() + " active and " + batch.cleared().size()
                + " cleared alert(s)", conn -> {
            List<Long> opened = new ArrayList<>();
            try (PreparedStatement touch = conn.prepareStatement("""
                    UPDATE alert SET last_seen_at_ms = ?, severity = ?, message = ?
                    WHERE miner_id = ? AND kind = ? AND cleared_at_ms IS NULL""");
                 PreparedStatement insert = conn.prepareStatement("""
                    INSERT INTO alert (miner_id, kind, severity, raised_at_ms, last_seen_at_ms, message)
                    VALUES (?, ?, ?, ?, ?, ?)""", PreparedStatement.RETURN_GENERATED_KEYS)) {
                for (AlertFinding finding : batch.active()) {
                    touch.setLong(1, at);
                    touch.setString(2, finding.severity().name());
                    touch.setString(3, finding.message());
                    touch.setString(4, finding.key().minerId().value());
                    touch.setInt(5, finding.key().kind().code());
                    if (touch.executeUpdate() == 0) {
                        opened.add(insert(insert, finding, at));
                    }
                }
            }
            try (PreparedStatement clear = conn.prepareStatement("""
                    UPDATE alert SET cleared_at_ms = ? WHERE miner_id = ? AND kind = ? AND cleared_at_ms IS NULL""")) {
                for (AlertKey key : batch.cleared()) {
                    clear.setLong(1, at);
                    clear.setString(2, key.minerId().value());
                    clear.setInt(3, key.kind().code());
                    clear.addBatch();
                }
                clear.executeBatch();
            }
            return byIds(conn, opened);
        });
    }

    private static long insert(PreparedStatement insert, AlertFinding finding, long at) throws SQLException {
        insert.setString(1, finding.key().minerId().value());
        insert.setInt(2, finding.key().kind().code());
        insert.setString(3, finding.severity().name());
        insert.setLong(4, at);
        insert.setLong(5, at);
        insert.setString(6, finding.message());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static List<Alert> byIds(Connection conn, List<Long> ids) throws SQLException {
        List<Alert> found = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM alert WHERE id = ?")) {
            for (long id : ids) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(alert(rs));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public List<Alert> open() {
        return select("read the open alerts", "WHERE cleared_at_ms IS NULL" + URGENT_FIRST, -1);
    }

    @Override
    public List<Alert> list(AlertView view, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        String where = switch (view) {
            case OPEN -> "WHERE cleared_at_ms IS NULL AND acknowledged_by IS NULL" + URGENT_FIRST;
            case ACKNOWLEDGED -> "WHERE cleared_at_ms IS NULL AND acknowledged_by IS NOT NULL" + URGENT_FIRST;
            case CLEARED -> "WHERE cleared_at_ms IS NOT NULL ORDER BY cleared_at_ms DESC, id DESC";
        };
        return select("read the " + view.name().toLowerCase(java.util.Locale.ROOT) + " alerts", where, limit);
    }

    private List<Alert> select(String what, String whereAndOrder, int limit) {
        return db.read(what, conn -> {
            List<Alert> alerts = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM alert " + whereAndOrder
                    + (limit > 0 ? " LIMIT " + limit : ""));
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    alerts.add(alert(rs));
                }
            }
            return alerts;
        });
    }

    @Override
    public int unacknowledgedCount() {
        return db.read("count the unacknowledged alerts", conn -> {
            try (PreparedStatement st = conn.prepareStatement(
                    "SELECT COUNT(*) FROM alert WHERE cleared_at_ms IS NULL AND acknowledged_by IS NULL");
                 ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public int acknowledge(Collection<Long> alertIds, String operator, Instant at) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("Acknowledging needs the operator's name");
        }
        if (alertIds.isEmpty()) {
            return 0;
        }
        return db.inTransaction("acknowledge " + alertIds.size() + " alert(s)", conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    UPDATE alert SET acknowledged_by = ?, acknowledged_at_ms = ?
                    WHERE id = ? AND acknowledged_by IS NULL""")) {
                for (long id : alertIds) {
                    st.setString(1, operator.strip());
                    st.setLong(2, at.toEpochMilli());
                    st.setLong(3, id);
                    st.addBatch();
                }
                int changed = 0;
                for (int rows : st.executeBatch()) {
                    changed += Math.max(rows, 0);
                }
                return changed;
            }
        });
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), MinerId.of(rs.getString(2)), AlertKind.ofCode(rs.getInt(3)),
                AlertSeverity.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6)), optionalInstant(rs, 7), rs.getString(8),
                Optional.ofNullable(rs.getString(9)), optionalInstant(rs, 10));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
