package io.hashdesk.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.FeatureDrift;
import io.hashdesk.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The drift checks of model versions on the farm's SQLite file, for {@link SqliteModelVersionStore}: one row per check,
 * the features' figures as JSON (a check is read whole, never queried by feature), the oldest pruned on each save.
 */
final class SqliteDriftReports {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<StoredFeature>> FEATURES = new TypeReference<>() { };

    /** A feature's drift as stored: the optional figures as nullable numbers. */
    private record StoredFeature(String feature, DriftVerdict verdict, Double psi, Double ksStatistic, Double ksPValue,
                                 long recentPresent, long recentMissing, String explanation) {

        static StoredFeature of(FeatureDrift drift) {
            return new StoredFeature(drift.feature(), drift.verdict(), boxed(drift.psi()), boxed(drift.ksStatistic()),
                    boxed(drift.ksPValue()), drift.recentPresent(), drift.recentMissing(), drift.explanation());
        }

        FeatureDrift toDrift() {
            return new FeatureDrift(feature, verdict, optional(psi), optional(ksStatistic), optional(ksPValue),
                    recentPresent, recentMissing, explanation);
        }
    }

    private final SqliteDatabase db;

    SqliteDriftReports(SqliteDatabase db) {
        this.db = db;
    }

    void save(DriftReport report, int keepPerVersion) {
        if (keepPerVersion < 1) {
            throw new IllegalArgumentException("keep at least the newest drift report of a version, got "
                    + keepPerVersion);
        }
        String features = json(report.features().stream().map(StoredFeature::of).toList());
        db.inTransaction("record a drift check of model version " + report.versionId(), conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO model_drift_report (version_id, checked_at_ms, verdict, features)
                    VALUES (?, ?, ?, ?)""")) {
                st.setLong(1, report.versionId());
                st.setLong(2, report.checkedAt().toEpochMilli());
                st.setString(3, report.verdict().name());
                st.setString(4, features);
                st.executeUpdate();
            }
            try (PreparedStatement st = conn.prepareStatement("""
                    DELETE FROM model_drift_report WHERE version_id = ? AND id NOT IN (
                        SELECT id FROM model_drift_report WHERE version_id = ?
                        ORDER BY checked_at_ms DESC, id DESC LIMIT ?)""")) {
                st.setLong(1, report.versionId());
                st.setLong(2, report.versionId());
                st.setInt(3, keepPerVersion);
                st.executeUpdate();
            }
            return null;
        });
    }

    List<DriftReport> list(long versionId, int limit) {
        return db.read("read the drift checks of model version " + versionId, conn -> {
            List<DriftReport> out = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT checked_at_ms, verdict, features FROM model_drift_report WHERE version_id = ?
                    ORDER BY checked_at_ms DESC, id DESC LIMIT ?""")) {
                st.setLong(1, versionId);
                st.setInt(2, Math.max(0, limit));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        List<FeatureDrift> features = parse(rs.getString(3)).stream().map(StoredFeature::toDrift)
                                .toList();
                        out.add(new DriftReport(versionId, Instant.ofEpochMilli(rs.getLong(1)), features,
                                DriftVerdict.valueOf(rs.getString(2))));
                    }
                }
            }
            return out;
        });
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a drift report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<StoredFeature> parse(String text) {
        try {
            return JSON.readValue(text, FEATURES);
        } catch (JsonProcessingException e) {
            throw new StoreException("A drift report row holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
