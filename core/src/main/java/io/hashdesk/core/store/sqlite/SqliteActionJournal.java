package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.action.ActionJournal;
import io.hashdesk.core.action.ActionPlan;
import io.hashdesk.core.action.ActionRecord;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.AuditEntry;
import io.hashdesk.core.action.AuditQuery;
import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.MinerRecord;
import io.hashdesk.core.action.MinerState;
import io.hashdesk.core.action.PlannedChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.action.WatchBaseline;
import io.hashdesk.core.action.WriteKind;
import io.hashdesk.core.action.WriteOutcome;
import io.hashdesk.core.action.WriteStart;
import io.hashdesk.core.domain.MinerId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ActionJournal} on the farm's SQLite file (tables of migration V010). Every call is its own transaction on the
 * single writer, committed before it returns, so what the executor journals survives a crash the moment after.
 */
public final class SqliteActionJournal implements ActionJournal {

    private static final String ACTION_COLUMNS = "id, title, requested_by, recommendation_id, rolls_back_action_id,"
            + " created_at_ms, state, finished_at_ms, message";

    private final SqliteDatabase db;
    private final SqliteActionJournalSeal seal;

    SqliteActionJournal(SqliteDatabase db, SqliteActionJournalSeal seal) {
        this.db = db;
        this.seal = seal;
    }

    @Override
    public void recordPlan(ActionPlan plan) {
        Map<MinerId, Integer> waveOf = new HashMap<>();
        for (int wave = 0; wave < plan.waves().size(); wave++) {
            for (MinerId miner : plan.waves().get(wave)) {
                waveOf.put(miner, wave);
            }
        }
        long now = plan.createdAt().toEpochMilli();
        db.inTransaction("record the action " + plan.id(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("INSERT INTO action (" + ACTION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, '')")) {
                st.setString(1, plan.id());
                st.setString(2, plan.title());
                st.setString(3, plan.requestedBy());
                st.setString(4, plan.recommendationId().orElse(null));
                st.setString(5, plan.rollsBackActionId().orElse(null));
                st.setLong(6, now);
                st.setString(7, ActionState.PLANNED.name());
                st.executeUpdate();
            }
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO action_miner (action_id, miner_id, position, model_id, room_id, wave, from_json,
                        to_json, steps_json, refusals_json, state, message, updated_at_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (PlannedChange change : plan.changes()) {
                    st.setString(1, plan.id());
                    st.setString(2, change.miner().value());
                    st.setInt(3, position++);
                    st.setString(4, change.modelId());
                    st.setString(5, change.roomId());
                    setNullableInt(st, 6, waveOf.get(change.miner()));
                    st.setString(7, SqliteActionJournalJson.settings(change.from()));
                    st.setString(8, SqliteActionJournalJson.settings(change.to()));
                    st.setString(9, SqliteActionJournalJson.steps(change.steps()));
                    st.setString(10, SqliteActionJournalJson.texts(change.refusals()));
                    st.setString(11, (change.refused() ? MinerState.REFUSED : MinerState.QUEUED).name());
                    st.setString(12, String.join("; ", change.refusals()));
                    st.setLong(13, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void actionState(String actionId, ActionState state, String message, Instant at) {
        update("move the action " + actionId + " to " + state,
                "UPDATE action SET state = ?, message = ?, finished_at_ms = ? WHERE id = ?",
                state.name(), message, state.finished() ? at.toEpochMilli() : null, actionId);
    }

    @Override
    public void minerState(String actionId, MinerId miner, MinerState state, int stepReached, String message,
                           Instant at) {
        update("move " + miner + " of the action " + actionId + " to " + state, """
                UPDATE action_miner SET state = ?, step_reached = ?, message = ?, updated_at_ms = ?
                WHERE action_id = ? AND miner_id = ?""",
                state.name(), stepReached, message, at.toEpochMilli(), actionId, miner.value());
    }

    @Override
    public void recordBefore(String actionId, MinerId miner, SettingValues before, WatchBaseline baseline,
                             FirmwareBackup backup, Instant at) {
        SqliteActionJournalSeal.Sealed sealedBackup = seal.seal(SqliteActionJournalJson.backup(backup),
                context("backup", actionId, miner));
        SqliteActionJournalSeal.Sealed sealedBefore = seal.seal(SqliteActionJournalJson.wholeSettings(before),
                context("before", actionId, miner));
        update("keep the settings backup of " + miner + " for the action " + actionId, """
                UPDATE action_miner SET before_json = ?, baseline_json = ?, sealed_key_id = ?, backup_nonce = ?,
                    backup_ciphertext = ?, before_nonce = ?, before_ciphertext = ?, updated_at_ms = ?
                WHERE action_id = ? AND miner_id = ?""",
                SqliteActionJournalJson.settings(before), SqliteActionJournalJson.baseline(baseline),
                sealedBackup.keyId(), sealedBackup.nonce(), sealedBackup.ciphertext(), sealedBefore.nonce(),
                sealedBefore.ciphertext(), at.toEpochMilli(), actionId, miner.value());
    }

    @Override
    public Optional<FirmwareBackup> backup(String actionId, MinerId miner) {
        return unseal(actionId, miner, "backup").map(SqliteActionJournalJson::backup);
    }

    @Override
    public Optional<SettingValues> settingsBefore(String actionId, MinerId miner) {
        return unseal(actionId, miner, "before").map(SqliteActionJournalJson::settings);
    }

    private Optional<String> unseal(String actionId, MinerId miner, String what) {
        SqliteActionJournalSeal.Sealed sealed = db.read("read the sealed " + what + " of " + miner, conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + what + "_nonce, " + what
                    + "_ciphertext, sealed_key_id FROM action_miner WHERE action_id = ? AND miner_id = ?")) {
                st.setString(1, actionId);
                st.setString(2, miner.value());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBytes(1) != null
                            ? new SqliteActionJournalSeal.Sealed(rs.getBytes(1), rs.getBytes(2), rs.getString(3))
                            : null;
                }
            }
        });
        return sealed == null ? Optional.empty()
                : Optional.of(seal.open(sealed, context(what, actionId, miner), "the " + what + " of " + miner
                        + " kept for the action " + actionId));
    }

    private static String context(String what, String actionId, MinerId miner) {
        return "action-" + what + ":" + actionId + "/" + miner.value();
    }

    @Override
    public long beginWrite(WriteStart write) {
        return db.inTransaction("journal a write to " + write.miner(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO action_write (action_id, miner_id, kind, step, step_count, actor, before_json,
                        asked_json, outcome, started_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, write.actionId());
                st.setString(2, write.miner().value());
                st.setString(3, write.kind().name());
                st.setInt(4, write.step());
                st.setInt(5, write.stepCount());
                st.setString(6, write.actor());
                st.setString(7, SqliteActionJournalJson.settings(write.before()));
                st.setString(8, SqliteActionJournalJson.settings(write.asked()));
                st.setString(9, WriteOutcome.PENDING.name());
                st.setLong(10, write.at().toEpochMilli());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void endWrite(long writeId, WriteOutcome outcome, SettingValues readBack, String message, Instant at) {
        update("journal the end of write " + writeId, """
                UPDATE action_write SET outcome = ?, read_back_json = ?, message = ?, ended_at_ms = ? WHERE id = ?""",
                outcome.name(), SqliteActionJournalJson.settings(readBack), message, at.toEpochMilli(), writeId);
    }

    @Override
    public void lastStepFinished(String actionId, MinerId miner, Instant at) {
        update("journal the last step of " + miner, "UPDATE action_miner SET last_step_at_ms = ?"
                + " WHERE action_id = ? AND miner_id = ?", at.toEpochMilli(), actionId, miner.value());
    }

    @Override
    public void watchEnded(String actionId, MinerId miner, Instant at) {
        update("journal the end of the watch of " + miner, "UPDATE action_miner SET watch_ended_at_ms = ?"
                + " WHERE action_id = ? AND miner_id = ?", at.toEpochMilli(), actionId, miner.value());
    }

    @Override
    public int writesSince(MinerId miner, Instant since) {
        return db.read("count the writes to " + miner, conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT count(*) FROM action_write
                    WHERE miner_id = ? AND started_at_ms >= ? AND outcome <> 'REFUSED'""")) {
                st.setString(1, miner.value());
                st.setLong(2, since.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public Optional<ActionRecord> action(String actionId) {
        return actions("read the action " + actionId, "WHERE id = ?", actionId).stream().findFirst();
    }

    @Override
    public List<ActionRecord> actions(Instant from, Instant to, int limit) {
        return actions("list the actions", "WHERE created_at_ms >= ? AND created_at_ms < ?"
                + " ORDER BY created_at_ms DESC, id LIMIT ?", from.toEpochMilli(), to.toEpochMilli(), limit);
    }

    @Override
    public List<ActionRecord> unfinished() {
        return actions("list the unfinished actions", "WHERE finished_at_ms IS NULL ORDER BY created_at_ms, id");
    }

    private List<ActionRecord> actions(String what, String where, Object... args) {
        return db.read(what, conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + ACTION_COLUMNS + " FROM action " + where)) {
                bind(st, args);
                List<ActionRecord> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long finished = rs.getLong(8);
                        Optional<Instant> finishedAt = rs.wasNull() ? Optional.empty()
                                : Optional.of(Instant.ofEpochMilli(finished));
                        out.add(new ActionRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                                Instant.ofEpochMilli(rs.getLong(6)), ActionState.valueOf(rs.getString(7)), finishedAt,
                                rs.getString(9)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<MinerRecord> miners(String actionId) {
        return db.read("list the miners of the action " + actionId, conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT miner_id, model_id, room_id, wave, from_json, to_json, steps_json, refusals_json, state,
                        step_reached, message, before_json, baseline_json, last_step_at_ms, watch_ended_at_ms,
                        updated_at_ms
                    FROM action_miner WHERE action_id = ? ORDER BY position""")) {
                st.setString(1, actionId);
                List<MinerRecord> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MinerRecord(actionId, MinerId.of(rs.getString(1)), rs.getString(2),
                                rs.getString(3), Optional.ofNullable(nullableInt(rs, 4)),
                                SqliteActionJournalJson.settings(rs.getString(5)),
                                SqliteActionJournalJson.settings(rs.getString(6)),
                                SqliteActionJournalJson.steps(rs.getString(7)),
                                SqliteActionJournalJson.texts(rs.getString(8)), MinerState.valueOf(rs.getString(9)),
                                rs.getInt(10), rs.getString(11),
                                Optional.ofNullable(SqliteActionJournalJson.settings(rs.getString(12))),
                                Optional.ofNullable(SqliteActionJournalJson.baseline(rs.getString(13))),
                                Optional.ofNullable(nullableInstant(rs, 14)),
                                Optional.ofNullable(nullableInstant(rs, 15)),
                                Instant.ofEpochMilli(rs.getLong(16))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<AuditEntry> audit(AuditQuery query) {
        StringBuilder where = new StringBuilder("WHERE w.started_at_ms >= ? AND w.started_at_ms < ?");
        List<Object> args = new ArrayList<>(List.of(query.from().toEpochMilli(), query.to().toEpochMilli()));
        query.miner().ifPresent(miner -> {
            where.append(" AND w.miner_id = ?");
            args.add(miner.value());
        });
        query.actionId().ifPresent(id -> {
            where.append(" AND w.action_id = ?");
            args.add(id);
        });
        args.add(query.limit());
        return db.read("read the audit trail", conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT w.id, w.action_id, a.title, w.actor, w.miner_id, w.kind, w.step, w.step_count,
                        w.before_json, w.asked_json, w.read_back_json, w.outcome, w.started_at_ms, w.ended_at_ms,
                        w.message
                    FROM action_write w JOIN action a ON a.id = w.action_id
                    """ + where + " ORDER BY w.started_at_ms DESC, w.id DESC LIMIT ?")) {
                bind(st, args.toArray());
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                MinerId.of(rs.getString(5)), WriteKind.valueOf(rs.getString(6)), rs.getInt(7),
                                rs.getInt(8), Optional.ofNullable(SqliteActionJournalJson.settings(rs.getString(9))),
                                Optional.ofNullable(SqliteActionJournalJson.settings(rs.getString(10))),
                                Optional.ofNullable(SqliteActionJournalJson.settings(rs.getString(11))),
                                WriteOutcome.valueOf(rs.getString(12)), Instant.ofEpochMilli(rs.getLong(13)),
                                Optional.ofNullable(nullableInstant(rs, 14)), rs.getString(15)));
                    }
                }
                return out;
            }
        });
    }

    private void update(String what, String sql, Object... args) {
        db.inTransaction(what, conn -> {
            try (PreparedStatement st = conn.prepareStatement(sql)) {
                bind(st, args);
                st.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
    }

    private static void setNullableInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
