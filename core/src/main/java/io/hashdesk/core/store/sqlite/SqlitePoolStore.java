package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.pool.PoolSlot;
import io.hashdesk.core.pool.PoolStore;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PoolStore} on the farm's SQLite file. */
final class SqlitePoolStore implements PoolStore {

    private final SqliteDatabase db;

    SqlitePoolStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void savePool(PoolDefinition pool) {
        db.inTransaction("save pool " + pool.id(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO pool (id, name, host, port, coin, fee_percent, payout_scheme) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, host = excluded.host, port = excluded.port,
                        coin = excluded.coin, fee_percent = excluded.fee_percent,
                        payout_scheme = excluded.payout_scheme""")) {
                st.setString(1, pool.id());
                st.setString(2, pool.name());
                st.setString(3, pool.endpoint().host());
                if (pool.endpoint().port() == null) {
                    st.setNull(4, Types.INTEGER);
                } else {
                    st.setInt(4, pool.endpoint().port());
                }
                st.setString(5, pool.coin());
                st.setDouble(6, pool.terms().feePercent());
                st.setString(7, pool.terms().scheme().name());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void removePool(String poolId) {
        db.inTransaction("remove pool " + poolId, conn -> {
            List<String> users = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement(
                    "SELECT DISTINCT miner_id FROM miner_pool WHERE pool_id = ? ORDER BY miner_id")) {
                st.setString(1, poolId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        users.add(rs.getString(1));
                    }
                }
            }
            if (!users.isEmpty()) {
                throw new IllegalStateException("Pool " + poolId + " is still in the pool plan of " + users.size()
                        + " miner(s): " + String.join(", ", users.subList(0, Math.min(users.size(), 10)))
                        + (users.size() > 10 ? ", ..." : "") + "; change their plans first");
            }
            try (PreparedStatement st = conn.prepareStatement("DELETE FROM pool WHERE id = ?")) {
                st.setString(1, poolId);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<PoolDefinition> pools() {
        return db.read("read the pools", conn -> {
            List<PoolDefinition> pools = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement(
                    "SELECT id, name, host, port, coin, fee_percent, payout_scheme FROM pool ORDER BY id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pools.add(pool(rs));
                }
            }
            return pools;
        });
    }

    @Override
    public void savePlan(MinerPoolPlan plan) {
        db.inTransaction("save the pool plan of " + plan.miner(), conn -> {
            for (PoolSlot slot : plan.slots()) {
                if (!poolExists(conn, slot.poolId())) {
                    throw new IllegalArgumentException("Miner " + plan.miner() + ", pool " + (slot.priority() + 1)
                            + ": there is no pool '" + slot.poolId() + "'");
                }
            }
            try (PreparedStatement st = conn.prepareStatement("DELETE FROM miner_pool WHERE miner_id = ?")) {
                st.setString(1, plan.miner().value());
                st.executeUpdate();
            }
            try (PreparedStatement st = conn.prepareStatement(
                    "INSERT INTO miner_pool (miner_id, priority, pool_id, worker) VALUES (?, ?, ?, ?)")) {
                for (PoolSlot slot : plan.slots()) {
                    st.setString(1, plan.miner().value());
                    st.setInt(2, slot.priority());
                    st.setString(3, slot.poolId());
                    st.setString(4, slot.worker());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<MinerPoolPlan> plan(MinerId miner) {
        return Optional.ofNullable(readPlans("WHERE miner_id = ?", miner.value()).get(miner));
    }

    @Override
    public List<MinerPoolPlan> plans() {
        return List.copyOf(readPlans("", null).values());
    }

    private Map<MinerId, MinerPoolPlan> readPlans(String where, String minerId) {
        return db.read("read pool plans", conn -> {
            Map<MinerId, List<PoolSlot>> slots = new LinkedHashMap<>();
            try (PreparedStatement st = conn.prepareStatement("SELECT miner_id, priority, pool_id, worker FROM miner_pool "
                    + where + " ORDER BY miner_id, priority")) {
                if (minerId != null) {
                    st.setString(1, minerId);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        slots.computeIfAbsent(MinerId.of(rs.getString(1)), id -> new ArrayList<>())
                                .add(new PoolSlot(rs.getInt(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            Map<MinerId, MinerPoolPlan> plans = new LinkedHashMap<>();
            slots.forEach((id, list) -> plans.put(id, new MinerPoolPlan(id, list)));
            return plans;
        });
    }

    private static boolean poolExists(Connection conn, String poolId) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT 1 FROM pool WHERE id = ?")) {
            st.setString(1, poolId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static PoolDefinition pool(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        int port = rs.getInt(4);
        Integer maybePort = rs.wasNull() ? null : port;
        PayoutScheme scheme;
        try {
            scheme = PayoutScheme.valueOf(rs.getString(7));
        } catch (IllegalArgumentException e) {
            throw new StoreException("Pool " + id + " has an unknown payout scheme '" + rs.getString(7) + "'", e);
        }
        return new PoolDefinition(id, rs.getString(2), new PoolEndpoint(rs.getString(3), maybePort), rs.getString(5),
                new PoolTerms(rs.getDouble(6), scheme));
    }
}
