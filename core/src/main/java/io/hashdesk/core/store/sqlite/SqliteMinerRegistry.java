package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link MinerRegistry} on the same SQLite file as the telemetry, keeping the in-memory miner numbers in step. */
final class SqliteMinerRegistry implements MinerRegistry {

    private static final String MINER_COLUMNS = """
            id, site_id, room_id, rack, shelf, slot, host, http_port, rpc_port, model_id, firmware, credentials_ref""";

    private final SqliteDatabase db;
    private final MinerDirectory directory;

    SqliteMinerRegistry(SqliteDatabase db, MinerDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public void saveSite(Site site) {
        db.inTransaction("save site " + site.id(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO site (id, name, time_zone) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone""")) {
                st.setString(1, site.id());
                st.setString(2, site.name());
                st.setString(3, site.timeZone().getId());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void saveRoom(Room room) {
        db.inTransaction("save room " + room.id(), conn -> {
            requireExists(conn, "site", room.siteId(), "room " + room.id());
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO room (id, site_id, name) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, name = excluded.name""")) {
                st.setString(1, room.id());
                st.setString(2, room.siteId());
                st.setString(3, room.name());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void saveMiner(Miner miner) {
        int num = db.inTransaction("save miner " + miner.id(), conn -> {
            requireExists(conn, "site", miner.siteId(), "miner " + miner.id());
            requireExists(conn, "room", miner.position().roomId(), "miner " + miner.id());
            requireRoomInSite(conn, miner);
            try (PreparedStatement st = conn.prepareStatement("INSERT INTO miner (" + MINER_COLUMNS + """
                    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, room_id = excluded.room_id,
                        rack = excluded.rack, shelf = excluded.shelf, slot = excluded.slot, host = excluded.host,
                        http_port = excluded.http_port, rpc_port = excluded.rpc_port, model_id = excluded.model_id,
                        firmware = excluded.firmware, credentials_ref = excluded.credentials_ref, removed = 0""")) {
                int i = 1;
                st.setString(i++, miner.id().value());
                st.setString(i++, miner.siteId());
                st.setString(i++, miner.position().roomId());
                st.setString(i++, miner.position().rack());
                st.setInt(i++, miner.position().shelf());
                st.setInt(i++, miner.position().slot());
                st.setString(i++, miner.address().host());
                st.setInt(i++, miner.address().httpPort());
                st.setInt(i++, miner.address().rpcPort());
                st.setString(i++, miner.modelId());
                st.setString(i++, miner.firmware());
                st.setString(i, miner.credentials().map(CredentialsRef::id).orElse(null));
                st.executeUpdate();
            }
            return numberOf(conn, miner.id());
        });
        directory.record(num, miner.id(), false);
    }

    @Override
    public void removeMiner(MinerId id) {
        Optional<Integer> num = db.inTransaction("remove miner " + id, conn -> {
            try (PreparedStatement st = conn.prepareStatement("UPDATE miner SET removed = 1 WHERE id = ?")) {
                st.setString(1, id.value());
                return st.executeUpdate() == 0 ? Optional.<Integer>empty() : Optional.of(numberOf(conn, id));
            }
        });
        num.ifPresent(n -> directory.record(n, id, true));
    }

    @Override
    public List<Site> sites() {
        return db.read("list sites", conn -> {
            List<Site> out = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("SELECT id, name, time_zone FROM site ORDER BY name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Site(rs.getString(1), rs.getString(2), zone(rs.getString(3), rs.getString(1))));
                }
            }
            return out;
        });
    }

    @Override
    public List<Room> rooms() {
        return db.read("list rooms", conn -> {
            List<Room> out = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("SELECT id, site_id, name FROM room ORDER BY site_id, name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Room(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    @Override
    public List<Miner> miners() {
        return db.read("list miners", conn -> queryMiners(conn, "removed = 0 ORDER BY id", null));
    }

    @Override
    public Optional<Miner> miner(MinerId id) {
        return db.read("read miner " + id, conn ->
                queryMiners(conn, "removed = 0 AND id = ?", id.value()).stream().findFirst());
    }

    private static List<Miner> queryMiners(Connection conn, String where, String parameter) throws SQLException {
        List<Miner> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT " + MINER_COLUMNS + " FROM miner WHERE " + where)) {
            if (parameter != null) {
                st.setString(1, parameter);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String credentials = rs.getString(12);
                    out.add(new Miner(MinerId.of(rs.getString(1)), rs.getString(2),
                            new RackPosition(rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)),
                            new MinerAddress(rs.getString(7), rs.getInt(8), rs.getInt(9)), rs.getString(10),
                            rs.getString(11), Optional.ofNullable(credentials).map(CredentialsRef::new)));
                }
            }
        }
        return out;
    }

    private static int numberOf(Connection conn, MinerId id) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT num FROM miner WHERE id = ?")) {
            st.setString(1, id.value());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("Miner " + id + " vanished while being saved");
                }
                return rs.getInt(1);
            }
        }
    }

    private static void requireExists(Connection conn, String table, String id, String what) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("Cannot save " + what + ": its " + table + " '" + id
                            + "' is not registered; save the " + table + " first");
                }
            }
        }
    }

    private static void requireRoomInSite(Connection conn, Miner miner) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT site_id FROM room WHERE id = ?")) {
            st.setString(1, miner.position().roomId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (!rs.getString(1).equals(miner.siteId())) {
                    throw new IllegalArgumentException("Cannot save miner " + miner.id() + ": room '"
                            + miner.position().roomId() + "' belongs to site '" + rs.getString(1) + "', not '"
                            + miner.siteId() + "'");
                }
            }
        }
    }

    private static ZoneId zone(String zone, String siteId) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new CorruptDataException("Site " + siteId + " has an unknown time zone '" + zone + "'", e);
        }
    }
}
