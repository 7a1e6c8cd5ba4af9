package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.market.CachedReply;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.market.MarketStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link MarketStore} on the farm's SQLite file: market snapshots and the providers' last raw replies. */
final class SqliteMarketStore implements MarketStore {

    private static final String SNAPSHOT_COLUMNS = """
            coin, fetched_at_ms, source, price_usd, network_difficulty, network_hashrate_hps, block_reward_coins,
            fees_per_block_coins""";
    /** The figure columns, each searched for its newest non-NULL value per coin. */
    private static final List<String> FIGURE_COLUMNS = List.of("price_usd", "network_difficulty",
            "network_hashrate_hps", "block_reward_coins", "fees_per_block_coins");

    private final SqliteDatabase db;

    SqliteMarketStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void append(List<MarketSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        db.inTransaction("store " + snapshots.size() + " market snapshot(s)", conn -> {
            insert(conn, snapshots);
            return null;
        });
    }

    @Override
    public void saveReply(CachedReply reply, List<MarketSnapshot> snapshots) {
        db.inTransaction("keep the reply of " + reply.provider() + " " + reply.requestKey(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO provider_reply_cache (provider, request_key, fetched_at_ms, body) VALUES (?, ?, ?, ?)
                    ON CONFLICT (provider, request_key) DO UPDATE SET fetched_at_ms = excluded.fetched_at_ms,
                        body = excluded.body""")) {
                st.setString(1, reply.provider());
                st.setString(2, reply.requestKey());
                st.setLong(3, reply.fetchedAt().toEpochMilli());
                st.setString(4, reply.body());
                st.executeUpdate();
            }
            insert(conn, snapshots);
            return null;
        });
    }

    @Override
    public Optional<CachedReply> cachedReply(String provider, String requestKey) {
        return db.read("read the cached reply of " + provider + " " + requestKey, conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT fetched_at_ms, body FROM provider_reply_cache WHERE provider = ? AND request_key = ?""")) {
                st.setString(1, provider);
                st.setString(2, requestKey);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new CachedReply(provider, requestKey,
                            Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2))) : Optional.<CachedReply>empty();
                }
            }
        });
    }

    @Override
    public List<CoinMarket> latest() {
        return db.read("read the latest market figures", conn -> {
            List<CoinMarket> out = new ArrayList<>();
            for (String coin : coins(conn)) {
                latest(conn, coin).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public Optional<CoinMarket> latest(String coin) {
        return db.read("read the latest market figures of " + coin, conn -> latest(conn, coin));
    }

    @Override
    public List<MarketSnapshot> history(String coin, Instant from, Instant to) {
        return db.read("read the market history of " + coin, conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + SNAPSHOT_COLUMNS + """
                     FROM market_snapshot WHERE coin = ? AND fetched_at_ms >= ? AND fetched_at_ms < ?
                    ORDER BY fetched_at_ms, source""")) {
                st.setString(1, coin);
                st.setLong(2, from.toEpochMilli());
                st.setLong(3, to.toEpochMilli());
                return snapshots(st);
            }
        });
    }

    /**
     * For each figure, the newest row of the coin that has it (the index on coin, time and source is walked
     * backwards, so this stays quick however long the history), merged by {@link CoinMarket#merge}. Rows of the
     * same time are ordered by source as that merge orders them.
     */
    private static Optional<CoinMarket> latest(Connection conn, String coin) throws SQLException {
        List<MarketSnapshot> candidates = new ArrayList<>();
        for (String column : FIGURE_COLUMNS) {
            try (PreparedStatement st = conn.prepareStatement("SELECT " + SNAPSHOT_COLUMNS
                    + " FROM market_snapshot WHERE coin = ? AND " + column + " IS NOT NULL"
                    + " ORDER BY fetched_at_ms DESC, source DESC LIMIT 1")) {
                st.setString(1, coin);
                candidates.addAll(snapshots(st));
            }
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(CoinMarket.merge(coin, candidates));
    }

    /** The coins with any snapshot, by skipping from one coin to the next along the index (not reading every row). */
    private static List<String> coins(Connection conn) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("""
                WITH RECURSIVE next (coin) AS (
                    SELECT MIN(coin) FROM market_snapshot
                    UNION ALL
                    SELECT (SELECT MIN(coin) FROM market_snapshot WHERE coin > next.coin) FROM next
                    WHERE next.coin IS NOT NULL)
                SELECT coin FROM next WHERE coin IS NOT NULL""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void insert(Connection conn, List<MarketSnapshot> snapshots) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO market_snapshot (" + SNAPSHOT_COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (coin, fetched_at_ms, source) DO UPDATE SET price_usd = excluded.price_usd,
                    network_difficulty = excluded.network_difficulty,
                    network_hashrate_hps = excluded.network_hashrate_hps,
                    block_reward_coins = excluded.block_reward_coins,
                    fees_per_block_coins = excluded.fees_per_block_coins""")) {
            for (MarketSnapshot s : snapshots) {
                st.setString(1, s.coin());
                st.setLong(2, s.fetchedAt().toEpochMilli());
                st.setString(3, s.source());
                setNullable(st, 4, s.priceUsd());
                setNullable(st, 5, s.networkDifficulty());
                setNullable(st, 6, s.networkHashrateHps());
                setNullable(st, 7, s.blockRewardCoins());
                setNullable(st, 8, s.feesPerBlockCoins());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static List<MarketSnapshot> snapshots(PreparedStatement st) throws SQLException {
        List<MarketSnapshot> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(snapshot(rs));
            }
        }
        return out;
    }

    private static MarketSnapshot snapshot(ResultSet rs) throws SQLException {
        try {
            return new MarketSnapshot(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                    nullable(rs, 4), nullable(rs, 5), nullable(rs, 6), nullable(rs, 7), nullable(rs, 8));
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("A stored market snapshot is invalid: " + e.getMessage(), e);
        }
    }

    private static void setNullable(PreparedStatement st, int index, Double value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.REAL);
        } else {
            st.setDouble(index, value);
        }
    }

    private static Double nullable(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return rs.wasNull() ? null : value;
    }
}
