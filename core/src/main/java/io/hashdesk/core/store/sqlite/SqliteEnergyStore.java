package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.energy.PricePoint;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TariffJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EnergyStore} on the farm's SQLite file: tariffs as JSON documents, market prices as rows. */
final class SqliteEnergyStore implements EnergyStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteEnergyStore.class);
    private static final int BATCH = 10_000;

    private final SqliteDatabase db;

    SqliteEnergyStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void saveTariff(Tariff tariff) {
        String document = TariffJson.write(tariff);
        db.inTransaction("save tariff " + tariff.name(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO tariff (name, document) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET document = excluded.document""")) {
                st.setString(1, tariff.name());
                st.setString(2, document);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<Tariff> tariffs() {
        return db.read("list tariffs", conn -> queryTariffs(conn, "SELECT name, document FROM tariff ORDER BY name", null));
    }

    @Override
    public Optional<Tariff> tariff(String name) {
        return db.read("read tariff " + name, conn ->
                queryTariffs(conn, "SELECT name, document FROM tariff WHERE name = ?", name).stream().findFirst());
    }

    @Override
    public void activateTariff(String name) {
        db.inTransaction("activate tariff " + name, conn -> {
            try (PreparedStatement clear = conn.prepareStatement("UPDATE tariff SET active = 0 WHERE active = 1");
                 PreparedStatement set = conn.prepareStatement("UPDATE tariff SET active = 1 WHERE name = ?")) {
                clear.executeUpdate();
                set.setString(1, name);
                if (set.executeUpdate() == 0) {
                    throw new IllegalArgumentException("Cannot activate tariff '" + name + "': no tariff has that name");
                }
                return null;
            }
        });
        LOG.info("Tariff '{}' is now the active tariff", name);
    }

    @Override
    public Optional<Tariff> activeTariff() {
        return db.read("read the active tariff", conn ->
                queryTariffs(conn, "SELECT name, document FROM tariff WHERE active = 1", null).stream().findFirst());
    }

    @Override
    public boolean deleteTariff(String name) {
        return db.inTransaction("delete tariff " + name, conn -> {
            try (PreparedStatement st = conn.prepareStatement("DELETE FROM tariff WHERE name = ?")) {
                st.setString(1, name);
                return st.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void savePriceSeries(PriceSeries series) {
        db.inTransaction("save price series " + series.name(), conn -> {
            requireCompatible(conn, series);
            if (series.points().isEmpty()) {
                return null;
            }
            try (PreparedStatement delete = conn.prepareStatement(
                    "DELETE FROM price_point WHERE series = ? AND start_ms >= ? AND start_ms < ?")) {
                delete.setString(1, series.name());
                delete.setLong(2, series.points().getFirst().start().toEpochMilli());
                delete.setLong(3, series.points().getLast().start().plus(series.interval()).toEpochMilli());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = conn.prepareStatement(
                    "INSERT INTO price_point (series, start_ms, price_per_kwh) VALUES (?, ?, ?)")) {
                int pending = 0;
                for (PricePoint point : series.points()) {
                    insert.setString(1, series.name());
                    insert.setLong(2, point.start().toEpochMilli());
                    insert.setDouble(3, point.pricePerKwh());
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<PriceSeries> priceSeries(String name, Instant from, Instant to) {
        return db.read("read price series " + name, conn -> {
            Optional<SeriesHeader> header = header(conn, name);
            if (header.isEmpty()) {
                return Optional.empty();
            }
            Duration interval = header.get().interval();
            List<PricePoint> points = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT start_ms, price_per_kwh FROM price_point
                    WHERE series = ? AND start_ms > ? AND start_ms < ? ORDER BY start_ms""")) {
                st.setString(1, name);
                // a point overlaps [from, to) when it starts after from - interval and before to
                st.setLong(2, from.minus(interval).toEpochMilli());
                st.setLong(3, to.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        points.add(new PricePoint(Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2)));
                    }
                }
            }
            return Optional.of(new PriceSeries(name, header.get().currency(), interval, points));
        });
    }

    @Override
    public List<String> priceSeriesNames() {
        return db.read("list price series", conn -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("SELECT name FROM price_series ORDER BY name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private record SeriesHeader(String currency, Duration interval) {
    }

    private static void requireCompatible(Connection conn, PriceSeries series) throws SQLException {
        Optional<SeriesHeader> stored = header(conn, series.name());
        if (stored.isEmpty()) {
            try (PreparedStatement st = conn.prepareStatement(
                    "INSERT INTO price_series (name, currency, interval_s) VALUES (?, ?, ?)")) {
                st.setString(1, series.name());
                st.setString(2, series.currency());
                st.setLong(3, series.interval().toSeconds());
                st.executeUpdate();
            }
        } else if (!stored.get().currency().equals(series.currency())
                || !stored.get().interval().equals(series.interval())) {
            throw new IllegalArgumentException("Price series '" + series.name() + "' is stored in "
                    + stored.get().currency() + " every " + stored.get().interval() + "; the new points are in "
                    + series.currency() + " every " + series.interval() + ". Import them under another name.");
        }
    }

    private static Optional<SeriesHeader> header(Connection conn, String name) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT currency, interval_s FROM price_series WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SeriesHeader(rs.getString(1), Duration.ofSeconds(rs.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    private static List<Tariff> queryTariffs(Connection conn, String sql, String parameter) throws SQLException {
        List<Tariff> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            if (parameter != null) {
                st.setString(1, parameter);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(tariff(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static Tariff tariff(String name, String document) {
        try {
            return TariffJson.read(document, "the stored tariff '" + name + "'");
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException(e.getMessage(), e);
        }
    }
}
