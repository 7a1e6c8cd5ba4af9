package io.hashdesk.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.store.ArtifactFile;
import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.ModelVersionStore;
import io.hashdesk.core.store.NewModelVersion;
import io.hashdesk.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** {@link ModelVersionStore} on the farm's SQLite file. */
final class SqliteModelVersionStore implements ModelVersionStore {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Double>> NUMBERS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() { };
    private static final String COLUMNS = "id, model_type, scope, trained_from_ms, trained_to_ms, features, algorithm,"
            + " smile_version, hyper_parameters, metrics, artifact_path, artifact_sha256, artifact_bytes, created_at_ms,"
            + " status, status_reason, status_changed_at_ms, champion_since_ms";

    private final SqliteDatabase db;
    private final SqliteDriftReports driftReports;

    SqliteModelVersionStore(SqliteDatabase db) {
        this.db = db;
        this.driftReports = new SqliteDriftReports(db);
    }

    @Override
    public ModelVersion save(NewModelVersion version) {
        return db.inTransaction("register a " + version.type() + " model version for " + version.scope(), conn -> {
            long id;
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO model_version (model_type, scope, trained_from_ms, trained_to_ms, features, algorithm,
                        smile_version, hyper_parameters, metrics, artifact_path, artifact_sha256, artifact_bytes,
                        created_at_ms, status, status_reason, status_changed_at_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CANDIDATE', 'registered', ?)""",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                st.setString(1, version.type().name());
                st.setString(2, version.scope().text());
                st.setLong(3, version.trainedFrom().toEpochMilli());
                st.setLong(4, version.trainedTo().toEpochMilli());
                st.setString(5, json(version.features()));
                st.setString(6, version.algorithm());
                st.setString(7, version.smileVersion());
                st.setString(8, version.hyperParametersJson());
                st.setString(9, json(version.metrics()));
                st.setString(10, version.artifact().relativePath());
                st.setString(11, version.artifact().sha256());
                st.setLong(12, version.artifact().sizeBytes());
                st.setLong(13, version.createdAt().toEpochMilli());
                st.setLong(14, version.createdAt().toEpochMilli());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertDistributions(conn, id, version);
            return byId(conn, id).orElseThrow();
        });
    }

    private static void insertDistributions(Connection conn, long id, NewModelVersion version) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("""
                INSERT INTO model_feature_distribution (version_id, position, feature, present_count, missing_count,
                    bin_edges, bin_fractions, quantiles)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (FeatureDistribution d : version.distributions()) {
                st.setLong(1, id);
                st.setInt(2, version.features().indexOf(d.feature()));
                st.setString(3, d.feature());
                st.setLong(4, d.presentCount());
                st.setLong(5, d.missingCount());
                st.setString(6, json(d.binEdges()));
                st.setString(7, json(d.binFractions()));
                st.setString(8, json(d.quantiles()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    @Override
    public Optional<ModelVersion> find(long versionId) {
        return db.read("read model version " + versionId, conn -> byId(conn, versionId));
    }

    @Override
    public List<ModelVersion> list(ModelType type) {
        return db.read("list the " + type + " model versions", conn -> select(conn,
                "WHERE model_type = ? ORDER BY id DESC", type.name()));
    }

    @Override
    public List<ModelVersion> list(ModelType type, ModelScope scope) {
        return db.read("list the " + type + " model versions for " + scope, conn -> select(conn,
                "WHERE model_type = ? AND scope = ? ORDER BY id DESC", type.name(), scope.text()));
    }

    @Override
    public Optional<ModelVersion> champion(ModelType type, ModelScope scope) {
        return db.read("read the " + type + " champion for " + scope, conn -> champion(conn, type, scope));
    }

    @Override
    public List<FeatureDistribution> distributions(long versionId) {
        return db.read("read the feature distributions of model version " + versionId, conn -> {
            List<FeatureDistribution> out = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT feature, present_count, missing_count, bin_edges, bin_fractions, quantiles
                    FROM model_feature_distribution WHERE version_id = ? ORDER BY position""")) {
                st.setLong(1, versionId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FeatureDistribution(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                parse(rs.getString(4), NUMBERS), parse(rs.getString(5), NUMBERS),
                                parse(rs.getString(6), NUMBERS)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public ModelVersion promote(long candidateId, OptionalLong expectedChampionId, String reason, Instant at) {
        return db.inTransaction("promote model version " + candidateId, conn -> {
            ModelVersion candidate = requireCandidate(conn, candidateId, "promoted");
            Optional<ModelVersion> current = champion(conn, candidate.type(), candidate.scope());
            OptionalLong currentId = current.map(v -> OptionalLong.of(v.id())).orElse(OptionalLong.empty());
            if (!currentId.equals(expectedChampionId)) {
                throw new IllegalStateException("Cannot promote " + candidate.label() + ": the champion changed while it"
                        + " was being compared (expected " + describe(expectedChampionId) + ", now "
                        + describe(currentId) + "); compare again");
            }
            if (current.isPresent()) {
                setStatus(conn, current.get().id(), ModelStatus.RETIRED, "replaced by v" + candidateId + ": " + reason,
                        at, false);
            }
            setStatus(conn, candidateId, ModelStatus.CHAMPION, reason, at, true);
            return byId(conn, candidateId).orElseThrow();
        });
    }

    @Override
    public ModelVersion retire(long candidateId, String reason, Instant at) {
        return db.inTransaction("retire model version " + candidateId, conn -> {
            requireCandidate(conn, candidateId, "retired");
            setStatus(conn, candidateId, ModelStatus.RETIRED, reason, at, false);
            return byId(conn, candidateId).orElseThrow();
        });
    }

    @Override
    public ModelVersion rollBack(ModelType type, ModelScope scope, String reason, Instant at) {
        return db.inTransaction("roll back the " + type + " champion for " + scope, conn -> {
            ModelVersion current = champion(conn, type, scope).orElseThrow(() -> new IllegalStateException(
                    "Cannot roll back " + type + " for " + scope + ": it has no champion"));
            List<ModelVersion> earlier = select(conn, """
                    WHERE model_type = ? AND scope = ? AND status = 'RETIRED' AND champion_since_ms IS NOT NULL
                    ORDER BY champion_since_ms DESC, id DESC LIMIT 1""", type.name(), scope.text());
            if (earlier.isEmpty()) {
                throw new IllegalStateException("Cannot roll back " + current.label() + ": no earlier champion of "
                        + type + " for " + scope + " is left to return to");
            }
            long previous = earlier.getFirst().id();
            // the champion steps down first: the unique index allows one champion per type and scope at any moment
            setStatus(conn, current.id(), ModelStatus.ROLLED_BACK, reason, at, false);
            setStatus(conn, previous, ModelStatus.CHAMPION, "restored by rolling back v" + current.id() + ": " + reason,
                    at, true);
            return byId(conn, previous).orElseThrow();
        });
    }

    @Override
    public void saveDriftReport(DriftReport report, int keepPerVersion) {
        driftReports.save(report, keepPerVersion);
    }

    @Override
    public List<DriftReport> driftReports(long versionId, int limit) {
        return driftReports.list(versionId, limit);
    }

    @Override
    public Set<String> artifactPaths() {
        return db.read("list the model artifacts", conn -> {
            Set<String> paths = new HashSet<>();
            try (PreparedStatement st = conn.prepareStatement("SELECT artifact_path FROM model_version");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    paths.add(rs.getString(1));
                }
            }
            return paths;
        });
    }

    private static ModelVersion requireCandidate(Connection conn, long id, String becoming) throws SQLException {
        ModelVersion version = byId(conn, id).orElseThrow(() -> new IllegalArgumentException(
                "No model version " + id + " is registered"));
        if (version.status() != ModelStatus.CANDIDATE) {
            throw new IllegalStateException("Only a candidate can be " + becoming + "; " + version.label() + " is "
                    + version.status());
        }
        return version;
    }

    private static String describe(OptionalLong id) {
        return id.isPresent() ? "v" + id.getAsLong() : "none";
    }

    private static void setStatus(Connection conn, long id, ModelStatus status, String reason, Instant at,
                                  boolean becomesChampion) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("UPDATE model_version SET status = ?, status_reason = ?,"
                + " status_changed_at_ms = ?" + (becomesChampion ? ", champion_since_ms = ?" : "") + " WHERE id = ?")) {
            st.setString(1, status.name());
            st.setString(2, reason);
            st.setLong(3, at.toEpochMilli());
            if (becomesChampion) {
                st.setLong(4, at.toEpochMilli());
                st.setLong(5, id);
            } else {
                st.setLong(4, id);
            }
            st.executeUpdate();
        }
    }

    private static Optional<ModelVersion> champion(Connection conn, ModelType type, ModelScope scope)
            throws SQLException {
        return select(conn, "WHERE model_type = ? AND scope = ? AND status = 'CHAMPION'", type.name(), scope.text())
                .stream().findFirst();
    }

    private static Optional<ModelVersion> byId(Connection conn, long id) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM model_version WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(version(rs)) : Optional.empty();
            }
        }
    }

    private static List<ModelVersion> select(Connection conn, String whereAndOrder, String... args)
            throws SQLException {
        List<ModelVersion> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT " + COLUMNS + " FROM model_version "
                + whereAndOrder)) {
            for (int i = 0; i < args.length; i++) {
                st.setString(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
        }
        return out;
    }

    private static ModelVersion version(ResultSet rs) throws SQLException {
        long championSince = rs.getLong(18);
        Optional<Instant> since = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(championSince));
        return new ModelVersion(rs.getLong(1), ModelType.of(rs.getString(2)), ModelScope.parse(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), parse(rs.getString(6), STRINGS),
                rs.getString(7), rs.getString(8), rs.getString(9), parse(rs.getString(10), METRICS),
                new ArtifactFile(rs.getString(11), rs.getString(12), rs.getLong(13)),
                Instant.ofEpochMilli(rs.getLong(14)), ModelStatus.valueOf(rs.getString(15)), rs.getString(16),
                Instant.ofEpochMilli(rs.getLong(17)), since);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("A model registry row holds unreadable JSON '" + text + "': "
                    + e.getOriginalMessage(), e);
        }
    }
}
