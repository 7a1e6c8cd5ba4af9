package io.hashdesk.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Preset names and pool URLs, which repeat in every snapshot, stored once in the {@code label} table and
 * referred to by number from the compressed chunks. Kept in memory both ways; the table is the truth.
 */
final class LabelDictionary {

    /** Stands for "no label" in a chunk column. */
    static final double NONE = Double.NaN;

    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final Map<Long, String> texts = new ConcurrentHashMap<>();

    void load(Connection conn) throws SQLException {
        ids.clear();
        texts.clear();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT id, text FROM label")) {
            while (rs.next()) {
                remember(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** The label's number, adding it within the writer's current transaction when it is new. */
    double idOf(Connection writer, String text) throws SQLException {
        if (text == null) {
            return NONE;
        }
        Long known = ids.get(text);
        if (known != null) {
            return known;
        }
        try (PreparedStatement insert = writer.prepareStatement("INSERT OR IGNORE INTO label (text) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
        try (PreparedStatement select = writer.prepareStatement("SELECT id FROM label WHERE text = ?")) {
            select.setString(1, text);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                remember(id, text);
                return id;
            }
        }
    }

    /** The text of a label number read from a chunk; {@code null} for {@link #NONE}. */
    String textOf(Connection conn, double id) throws SQLException {
        if (Double.isNaN(id)) {
            return null;
        }
        long key = (long) id;
        String known = texts.get(key);
        if (known != null) {
            return known;
        }
        try (PreparedStatement select = conn.prepareStatement("SELECT text FROM label WHERE id = ?")) {
            select.setLong(1, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new CorruptDataException("A telemetry chunk refers to label " + key + ", which does not exist", null);
                }
                remember(key, rs.getString(1));
                return rs.getString(1);
            }
        }
    }

    private void remember(long id, String text) {
        ids.put(text, id);
        texts.put(id, text);
    }
}
