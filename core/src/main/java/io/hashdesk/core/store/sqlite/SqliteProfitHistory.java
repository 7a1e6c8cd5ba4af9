package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.profit.DailyProfit;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.profit.ProfitHistory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ProfitHistory} on the farm's SQLite file, one row per miner and local day. */
final class SqliteProfitHistory implements ProfitHistory {

    private static final int BATCH = 10_000;

    private final SqliteDatabase db;
    private final MinerDirectory directory;

    SqliteProfitHistory(SqliteDatabase db, MinerDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public void recordDay(LocalDate day, FleetProfit figures) {
        List<Integer> numbers = new ArrayList<>(figures.miners().size());
        for (MinerProfit m : figures.miners()) {
            numbers.add(directory.anyNumber(m.miner()).orElseThrow(() -> new IllegalArgumentException(
                    "Cannot record the profit of miner " + m.miner() + " for " + day + ": it is not in the inventory")));
        }
        db.inTransaction("record the profit of " + day, conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT OR REPLACE INTO miner_profit_day (miner_num, day, currency, hashrate_ths, power_watts,
                        energy_kwh, revenue_usd, revenue, energy_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (int i = 0; i < numbers.size(); i++) {
                    MinerProfit m = figures.miners().get(i);
                    int c = 1;
                    st.setInt(c++, numbers.get(i));
                    st.setLong(c++, day.toEpochDay());
                    st.setString(c++, figures.currency());
                    st.setDouble(c++, m.hashrateThs());
                    st.setDouble(c++, m.powerWatts());
                    st.setDouble(c++, m.energyKwh());
                    st.setDouble(c++, m.revenueUsd());
                    st.setDouble(c++, m.revenue());
                    st.setDouble(c, m.energyCost());
                    st.addBatch();
                    if (++pending == BATCH) {
                        st.executeBatch();
                        pending = 0;
                    }
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<DailyProfit> history(MinerId miner, LocalDate from, LocalDate to) {
        Optional<Integer> num = directory.anyNumber(miner);
        if (num.isEmpty()) {
            return List.of();
        }
        return db.read("read the profit history of " + miner, conn -> {
            List<DailyProfit> out = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT day, currency, hashrate_ths, power_watts, energy_kwh, revenue_usd, revenue, energy_cost
                    FROM miner_profit_day WHERE miner_num = ? AND day BETWEEN ? AND ? ORDER BY day""")) {
                st.setInt(1, num.get());
                st.setLong(2, from.toEpochDay());
                st.setLong(3, to.toEpochDay());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DailyProfit(miner, LocalDate.ofEpochDay(rs.getLong(1)), rs.getString(2),
                                rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                                rs.getDouble(8)));
                    }
                }
            }
            return out;
        });
    }
}
