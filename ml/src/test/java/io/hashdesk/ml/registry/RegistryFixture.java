package io.hashdesk.ml.registry;

import io.hashdesk.ml.SteppingClock;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.RegressionTree;

/** A farm database in a temporary folder with a registry beside it, and small real models to register. */
final class RegistryFixture implements AutoCloseable {

    static final ModelScope UNIT = ModelScope.minerModel("antminer-s19j-pro");
    static final List<String> FEATURES = List.of("powerWatts", "ambientC");

    final Path databaseFile;
    /** Starts near real time because artifact ages are file times. */
    final SteppingClock clock = new SteppingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final SqliteFarmStore farm;
    final ModelRegistry registry;

    RegistryFixture(Path dir) {
        this(dir, RegistrySettings.defaults());
    }

    RegistryFixture(Path dir, RegistrySettings settings) {
        databaseFile = dir.resolve("hashdesk.db");
        farm = SqliteFarmStore.open(databaseFile, StoreSettings.defaults(), Clock.systemUTC());
        registry = new ModelRegistry(farm.modelVersions(), ModelRegistry.artifactFolderBeside(databaseFile), settings,
                new DriftCheck(DriftSettings.defaults()), clock);
    }

    Path artifactFolder() {
        return ModelRegistry.artifactFolderBeside(databaseFile);
    }

    /** Training columns: power 3,000–3,400 W and ambient 20–30 °C, seeded. */
    static Map<String, double[]> trainingColumns(long seed) {
        Random random = new Random(seed);
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("powerWatts", random.doubles(400, 3_000, 3_400).toArray());
        columns.put("ambientC", random.doubles(400, 20, 30).toArray());
        return columns;
    }

    static List<FeatureDistribution> distributions() {
        return FeatureDistributions.snapshot(trainingColumns(1), DriftSettings.defaults());
    }

    ModelCandidate thermal(double heldOutRmseC) {
        return candidate(ModelType.THERMAL, Map.of("heldOutRmseC", heldOutRmseC));
    }

    ModelCandidate candidate(ModelType type, Map<String, Double> metrics) {
        return candidateAt(clock.instant(), type, metrics);
    }

    /** A candidate trained on the week up to {@code now}. */
    static ModelCandidate candidateAt(Instant now, ModelType type, Map<String, Double> metrics) {
        return new ModelCandidate(type, UNIT, now.minus(Duration.ofDays(7)), now, FEATURES,
                "smile.regression.RegressionTree", new RegressionTree.Options(6, 32, 5), metrics, distributions());
    }

    /** A real Smile model: chip temperature from power and ambient, fitted on seeded data. */
    static RegressionTree tree(long seed) {
        Map<String, double[]> columns = trainingColumns(seed);
        double[] power = columns.get("powerWatts");
        double[] ambient = columns.get("ambientC");
        double[][] rows = new double[power.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {power[i], ambient[i], ambient[i] + 0.012 * power[i]};
        }
        DataFrame data = DataFrame.of(rows, "powerWatts", "ambientC", "chipTempC");
        return RegressionTree.fit(Formula.lhs("chipTempC"), data, new RegressionTree.Options(6, 32, 5));
    }

    @Override
    public void close() {
        farm.close();
    }
}
