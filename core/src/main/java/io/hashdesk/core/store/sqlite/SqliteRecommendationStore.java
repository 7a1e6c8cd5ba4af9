package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.CooldownMark;
import io.hashdesk.core.reco.MeasuredOutcome;
import io.hashdesk.core.reco.OutcomeTally;
import io.hashdesk.core.reco.PassSave;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationQuery;
import io.hashdesk.core.reco.RecommendationStatus;
import io.hashdesk.core.reco.RecommendationStore;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.StoredRecommendation;
import io.hashdesk.core.reco.WorkOrder;
import io.hashdesk.core.reco.WorkOrderStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link RecommendationStore} on the farm's SQLite file; outcomes and work orders are kept by its two helpers. */
final class SqliteRecommendationStore implements RecommendationStore {

    private static final String COLUMNS = "row_id, status, first_advised_at_ms, status_at_ms, status_by, "
            + "dismiss_reason, snoozed_until_ms, action_id, applied_at_ms, payload";
    private static final String LIVE = "('OPEN', 'SNOOZED', 'ACCEPTED')";
    private static final Set<RecommendationStatus> WAITING = EnumSet.of(RecommendationStatus.OPEN,
            RecommendationStatus.SNOOZED);
    private static final Set<RecommendationStatus> UNFINISHED = EnumSet.of(RecommendationStatus.OPEN,
            RecommendationStatus.SNOOZED, RecommendationStatus.ACCEPTED);

    private final SqliteDatabase db;
    private final SqliteRecommendationStoreOutcomes outcomes;
    private final SqliteRecommendationStoreWorkOrders workOrders;

    SqliteRecommendationStore(SqliteDatabase db) {
        this.db = db;
        this.outcomes = new SqliteRecommendationStoreOutcomes(db);
        this.workOrders = new SqliteRecommendationStoreWorkOrders(db);
    }

    private record LiveRow(long rowId, RecommendationStatus status, Long snoozedUntilMs) {
    }

    @Override
    public PassSave savePass(List<Recommendation> recommendations, Instant at) {
        long now = at.toEpochMilli();
        return db.inTransaction("save " + recommendations.size() + " recommendation(s)", conn -> {
            Map<String, LiveRow> live = liveRows(conn);
            Set<String> advised = new HashSet<>();
            int added = 0;
            int updated = 0;
            int reopened = 0;
            try (PreparedStatement insert = conn.prepareStatement("""
                    INSERT INTO recommendation (id, type, room_id, urgency, rank_score, status, first_advised_at_ms,
                        expires_at_ms, status_at_ms, payload) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""",
                    PreparedStatement.RETURN_GENERATED_KEYS);
                 PreparedStatement target = conn.prepareStatement(
                         "INSERT OR IGNORE INTO recommendation_miner (row_id, miner_id) VALUES (?, ?)");
                 PreparedStatement update = conn.prepareStatement("""
                    UPDATE recommendation SET room_id = ?, urgency = ?, rank_score = ?, expires_at_ms = ?,
                        payload = ? WHERE row_id = ?""");
                 PreparedStatement reopen = conn.prepareStatement("""
                    UPDATE recommendation SET status = 'OPEN', snoozed_until_ms = NULL, status_at_ms = ?
                    WHERE row_id = ?""")) {
                for (Recommendation r : recommendations) {
                    if (!advised.add(r.id())) {
                        throw new IllegalArgumentException("the pass holds recommendation " + r.id() + " twice");
                    }
                    LiveRow row = live.get(r.id());
                    String payload = SqliteRecommendationStoreJson.write(r);
                    if (row == null) {
                        long rowId = insert(insert, r, payload, now);
                        for (MinerId miner : r.target().miners()) {
                            target.setLong(1, rowId);
                            target.setString(2, miner.value());
                            target.addBatch();
                        }
                        added++;
                    } else if (row.status() != RecommendationStatus.ACCEPTED) {
                        update.setString(1, r.target().roomId());
                        update.setInt(2, r.urgency().ordinal());
                        update.setDouble(3, r.rankScore());
                        update.setLong(4, r.expiresAt().toEpochMilli());
                        update.setString(5, payload);
                        update.setLong(6, row.rowId());
                        update.addBatch();
                        if (row.status() == RecommendationStatus.SNOOZED && row.snoozedUntilMs() <= now) {
                            reopen.setLong(1, now);
                            reopen.setLong(2, row.rowId());
                            reopen.addBatch();
                            reopened++;
                        } else {
                            updated++;
                        }
                    }
                }
                target.executeBatch();
                update.executeBatch();
                reopen.executeBatch();
            }
            int superseded = supersede(conn, live, advised, now);
            return new PassSave(added, updated, reopened, superseded);
        });
    }

    private static long insert(PreparedStatement insert, Recommendation r, String payload, long now)
            throws SQLException {
        insert.setString(1, r.id());
        insert.setString(2, r.type().name());
        insert.setString(3, r.target().roomId());
        insert.setInt(4, r.urgency().ordinal());
        insert.setDouble(5, r.rankScore());
        insert.setLong(6, now);
        insert.setLong(7, r.expiresAt().toEpochMilli());
        insert.setLong(8, now);
        insert.setString(9, payload);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static Map<String, LiveRow> liveRows(Connection conn) throws SQLException {
        Map<String, LiveRow> live = new HashMap<>();
        try (PreparedStatement st = conn.prepareStatement(
                "SELECT id, row_id, status, snoozed_until_ms FROM recommendation WHERE status IN " + LIVE);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long until = rs.getLong(4);
                live.put(rs.getString(1), new LiveRow(rs.getLong(2), RecommendationStatus.valueOf(rs.getString(3)),
                        rs.wasNull() ? null : until));
            }
        }
        return live;
    }

    private static int supersede(Connection conn, Map<String, LiveRow> live, Set<String> advised, long now)
            throws SQLException {
        int superseded = 0;
        try (PreparedStatement st = conn.prepareStatement("""
                UPDATE recommendation SET status = 'SUPERSEDED', snoozed_until_ms = NULL, status_at_ms = ?
                WHERE row_id = ?""")) {
            for (Map.Entry<String, LiveRow> e : live.entrySet()) {
                if (!advised.contains(e.getKey()) && e.getValue().status() != RecommendationStatus.ACCEPTED) {
                    st.setLong(1, now);
                    st.setLong(2, e.getValue().rowId());
                    st.addBatch();
                    superseded++;
                }
            }
            st.executeBatch();
        }
        return superseded;
    }

    @Override
    public int expire(Instant now) {
        return db.inTransaction("expire stale recommendations", conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    UPDATE recommendation SET status = 'EXPIRED', snoozed_until_ms = NULL, status_at_ms = ?
                    WHERE status IN ('OPEN', 'SNOOZED') AND expires_at_ms <= ?""")) {
                st.setLong(1, now.toEpochMilli());
                st.setLong(2, now.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<StoredRecommendation> list(RecommendationQuery query) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!query.types().isEmpty()) {
            where.add("type IN (" + query.types().stream().map(t -> "'" + t.name() + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (!query.statuses().isEmpty()) {
            where.add("status IN (" + query.statuses().stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (query.roomId() != null) {
            where.add("room_id = ?");
            args.add(query.roomId());
        }
        if (query.minUrgency() != null) {
            where.add("urgency >= ?");
            args.add(query.minUrgency().ordinal());
        }
        String sql = "SELECT " + COLUMNS + " FROM recommendation" + (where.isEmpty() ? "" : " WHERE "
                + String.join(" AND ", where)) + " ORDER BY rank_score DESC, row_id LIMIT " + query.limit();
        return db.read("list recommendations", conn -> {
            try (PreparedStatement st = conn.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    st.setObject(i + 1, args.get(i));
                }
                return rows(st);
            }
        });
    }

    @Override
    public Optional<StoredRecommendation> find(String id) {
        return db.read("find recommendation " + id, conn -> find(conn, id));
    }

    static Optional<StoredRecommendation> find(Connection conn, String id) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM recommendation WHERE id = ?"
                + " ORDER BY status IN " + LIVE + " DESC, row_id DESC LIMIT 1")) {
            st.setString(1, id);
            return rows(st).stream().findFirst();
        }
    }

    @Override
    public StoredRecommendation accept(String id, String by, Instant at) {
        String who = requireText(by, "Accepting needs the operator's name");
        return db.inTransaction("accept recommendation " + id, conn -> {
            StoredRecommendation r = requireLive(conn, id, WAITING, "accept");
            setStatus(conn, id, "status = 'ACCEPTED', status_by = ?, snoozed_until_ms = NULL, status_at_ms = ?",
                    who, at.toEpochMilli());
            if (r.recommendation().type() == RecommendationType.MAINTENANCE) {
                workOrders.open(conn, r.recommendation(), who, at);
            }
            return find(conn, id).orElseThrow();
        });
    }

    @Override
    public StoredRecommendation dismiss(String id, String by, String reason, Instant at) {
        String who = requireText(by, "Dismissing needs the operator's name");
        String why = requireText(reason, "Dismissing needs a reason");
        return db.inTransaction("dismiss recommendation " + id, conn -> {
            requireLive(conn, id, UNFINISHED, "dismiss");
            setStatus(conn, id, "status = 'DISMISSED', status_by = ?, dismiss_reason = ?, snoozed_until_ms = NULL,"
                    + " status_at_ms = ?", who, why, at.toEpochMilli());
            return find(conn, id).orElseThrow();
        });
    }

    @Override
    public StoredRecommendation snooze(String id, String by, Instant until, Instant at) {
        String who = requireText(by, "Snoozing needs the operator's name");
        if (!until.isAfter(at)) {
            throw new IllegalArgumentException("A snooze must end after it starts, got until " + until + " at " + at);
        }
        return db.inTransaction("snooze recommendation " + id, conn -> {
            requireLive(conn, id, WAITING, "snooze");
            setStatus(conn, id, "status = 'SNOOZED', status_by = ?, snoozed_until_ms = ?, status_at_ms = ?", who,
                    until.toEpochMilli(), at.toEpochMilli());
            return find(conn, id).orElseThrow();
        });
    }

    @Override
    public StoredRecommendation markApplied(String id, String actionId, Instant changeFinishedAt) {
        String action = requireText(actionId, "Marking a recommendation applied needs the action's id");
        return db.inTransaction("mark recommendation " + id + " applied", conn -> {
            requireLive(conn, id, UNFINISHED, "mark applied");
            long at = changeFinishedAt.toEpochMilli();
            setStatus(conn, id, "status = 'APPLIED', action_id = ?, applied_at_ms = ?, snoozed_until_ms = NULL,"
                    + " status_at_ms = ?", action, at, at);
            return find(conn, id).orElseThrow();
        });
    }

    /** The live row of {@code id} in one of {@code allowed}, or an error saying why the operator cannot act. */
    static StoredRecommendation requireLive(Connection conn, String id, Set<RecommendationStatus> allowed,
                                            String what) throws SQLException {
        StoredRecommendation r = find(conn, id).orElseThrow(() ->
                new IllegalArgumentException("There is no recommendation with id '" + id + "' to " + what));
        if (!allowed.contains(r.status())) {
            throw new IllegalStateException("Cannot " + what + " recommendation '" + id + "': it is "
                    + r.status().name().toLowerCase(java.util.Locale.ROOT) + " since " + r.statusAt());
        }
        return r;
    }

    /** Sets columns on the live row of {@code id}; {@code assignments} has a placeholder per argument. */
    static void setStatus(Connection conn, String id, String assignments, Object... args) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("UPDATE recommendation SET " + assignments
                + " WHERE id = ? AND status IN " + LIVE)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.setString(args.length + 1, id);
            st.executeUpdate();
        }
    }

    @Override
    public List<CooldownMark> cooldownMarks(Instant since) {
        return db.read("read recent feedback for cooldowns", conn -> {
            List<CooldownMark> marks = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT m.miner_id, r.type, r.status, COALESCE(r.applied_at_ms, r.status_at_ms)
                    FROM recommendation r JOIN recommendation_miner m ON m.row_id = r.row_id
                    WHERE (r.status = 'APPLIED' AND r.applied_at_ms >= ?)
                       OR (r.status = 'DISMISSED' AND r.status_at_ms >= ?)""")) {
                st.setLong(1, since.toEpochMilli());
                st.setLong(2, since.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        marks.add(new CooldownMark(MinerId.of(rs.getString(1)),
                                RecommendationType.valueOf(rs.getString(2)),
                                RecommendationStatus.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
            }
            return marks;
        });
    }

    @Override
    public List<StoredRecommendation> awaitingOutcome() {
        return db.read("list applied recommendations awaiting their outcome", conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM recommendation r"
                    + " WHERE status = 'APPLIED' AND NOT EXISTS (SELECT 1 FROM recommendation_outcome o"
                    + " WHERE o.action_id = r.action_id) ORDER BY applied_at_ms, row_id")) {
                return rows(st);
            }
        });
    }

    @Override
    public void recordOutcome(MeasuredOutcome outcome) {
        outcomes.record(outcome);
    }

    @Override
    public Optional<MeasuredOutcome> outcome(String actionId) {
        return outcomes.byAction(actionId);
    }

    @Override
    public List<MeasuredOutcome> outcomes(Instant since) {
        return outcomes.since(since);
    }

    @Override
    public Map<RecommendationType, OutcomeTally> outcomeTally() {
        return outcomes.tally();
    }

    @Override
    public List<WorkOrder> workOrders(WorkOrderStatus status) {
        return workOrders.list(status);
    }

    @Override
    public WorkOrder closeWorkOrder(long workOrderId, String closedBy, String workDone, List<String> partsUsed,
                                    Instant at) {
        return workOrders.close(workOrderId, requireText(closedBy, "Closing a work order needs the technician's name"),
                requireText(workDone, "Closing a work order needs what was done"), partsUsed, at);
    }

    private static List<StoredRecommendation> rows(PreparedStatement st) throws SQLException {
        List<StoredRecommendation> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                found.add(new StoredRecommendation(SqliteRecommendationStoreJson.readRecommendation(rs.getString(10)),
                        RecommendationStatus.valueOf(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6)), instant(rs, 7), Optional.ofNullable(rs.getString(8)),
                        instant(rs, 9)));
            }
        }
        return found;
    }

    static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    static String requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value.strip();
    }

    static void setNullable(PreparedStatement st, int index, Double value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.REAL);
        } else {
            st.setDouble(index, value);
        }
    }
}
