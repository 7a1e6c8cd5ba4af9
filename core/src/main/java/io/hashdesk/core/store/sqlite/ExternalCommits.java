package io.hashdesk.core.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * For a store opened read-only beside a writer in another process: notices, per reader connection, that the
 * writer has committed since that connection last looked ({@code PRAGMA data_version}) and reloads what the store
 * keeps in memory (the miner directory, each miner's newest snapshot) in the same read transaction, so a reader
 * never answers from a stale inventory.
 */
final class ExternalCommits {

    private final SqliteDatabase.Work<Void> reload;
    /** data_version values are per connection, so each reader connection keeps its own. */
    private final Map<Connection, Long> seen = Collections.synchronizedMap(new IdentityHashMap<>());

    ExternalCommits(SqliteDatabase.Work<Void> reload) {
        this.reload = reload;
    }

    /** Runs at the start of every read, inside its transaction. */
    void reloadIfChanged(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            // a read first, so the transaction has taken its snapshot before the version is compared
            st.executeQuery("SELECT 1 FROM sqlite_schema LIMIT 1").close();
            try (ResultSet rs = st.executeQuery("PRAGMA data_version")) {
                long version = rs.next() ? rs.getLong(1) : 0;
                Long before = seen.put(conn, version);
                if (before == null || before != version) {
                    reload.run(conn);
                }
            }
        }
    }
}
