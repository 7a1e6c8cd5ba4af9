package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The miners' compact row numbers, which telemetry rows use instead of text ids, held in memory because
 * every ingested snapshot needs one. Removed miners keep their number so their history can still be read.
 */
final class MinerDirectory {

    private final Map<MinerId, Integer> active = new ConcurrentHashMap<>();
    private final Map<MinerId, Integer> everyNumber = new ConcurrentHashMap<>();
    private final Map<Integer, MinerId> ids = new ConcurrentHashMap<>();

    void load(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT num, id, removed FROM miner")) {
            while (rs.next()) {
                record(rs.getInt(1), MinerId.of(rs.getString(2)), rs.getInt(3) != 0);
            }
        }
    }

    void record(int num, MinerId id, boolean removed) {
        everyNumber.put(id, num);
        ids.put(num, id);
        if (removed) {
            active.remove(id);
        } else {
            active.put(id, num);
        }
    }

    /** Number of a registered (not removed) miner. */
    Optional<Integer> activeNumber(MinerId id) {
        return Optional.ofNullable(active.get(id));
    }

    /** Number of any miner that was ever registered, for reading history. */
    Optional<Integer> anyNumber(MinerId id) {
        return Optional.ofNullable(everyNumber.get(id));
    }

    MinerId idOf(int num) {
        MinerId id = ids.get(num);
        if (id == null) {
            throw new CorruptDataException("Telemetry refers to miner number " + num + ", which is not in the inventory", null);
        }
        return id;
    }

    boolean isActive(int num) {
        MinerId id = ids.get(num);
        return id != null && active.containsKey(id);
    }

    Set<MinerId> activeIds() {
        return Set.copyOf(active.keySet());
    }

    Set<Integer> allNumbers() {
        return Set.copyOf(ids.keySet());
    }
}
