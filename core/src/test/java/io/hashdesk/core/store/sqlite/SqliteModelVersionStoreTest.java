package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.ArtifactFile;
import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.FeatureDrift;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.ModelVersionStore;
import io.hashdesk.core.store.NewModelVersion;
import io.hashdesk.core.store.StoreException;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteModelVersionStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final ModelScope UNIT = ModelScope.unit(MinerId.of("s19-01"));
    private static final FeatureDistribution POWER = new FeatureDistribution("powerWatts", 4, 1,
            List.of(3000.0), List.of(0.5, 0.5), List.of(2900.0, 3000.0, 3100.0));

    @TempDir
    Path dir;

    private SqliteFarmStore open() {
        return SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), Clock.systemUTC());
    }

    private static NewModelVersion thermal(String artifact, double rmse, Instant at) {
        return new NewModelVersion(ModelType.THERMAL, UNIT, T0.minusSeconds(86_400), T0,
                List.of("powerWatts", "ambientC"), "thermal-rc", "none", "{\"lagMinutes\":5}",
                Map.of("heldOutRmseC", rmse), List.of(POWER), new ArtifactFile(artifact, "a".repeat(64), 42), at);
    }

    @Test
    void aSavedVersionIsACandidateAndComesBackWithEveryFieldAfterAReopen() {
        ModelVersion saved;
        try (SqliteFarmStore store = open()) {
            saved = store.modelVersions().save(thermal("thermal/a.ser", 1.2, T0));
        }
        try (SqliteFarmStore store = open()) {
            ModelVersion read = store.modelVersions().find(saved.id()).orElseThrow();
            assertThat(read).isEqualTo(saved);
            assertThat(read.status()).isEqualTo(ModelStatus.CANDIDATE);
            assertThat(read.features()).containsExactly("powerWatts", "ambientC");
            assertThat(read.metric("heldOutRmseC")).contains(1.2);
            assertThat(read.hyperParametersJson()).isEqualTo("{\"lagMinutes\":5}");
            assertThat(read.championSince()).isEmpty();
            assertThat(store.modelVersions().distributions(saved.id())).containsExactly(POWER);
            assertThat(store.modelVersions().artifactPaths()).containsExactly("thermal/a.ser");
        }
    }

    @Test
    void driftReportsComeBackWholeNewestFirstAndOnlyTheNewestAreKept() {
        try (SqliteFarmStore store = open()) {
            ModelVersionStore versions = store.modelVersions();
            ModelVersion version = versions.save(thermal("thermal/a.ser", 1.2, T0));
            FeatureDrift moved = new FeatureDrift("ambientC", DriftVerdict.RETRAIN, OptionalDouble.of(0.41),
                    OptionalDouble.of(0.3), OptionalDouble.of(1e-6), 280, 8, "room air 8 °C warmer than in training");
            FeatureDrift unjudged = new FeatureDrift("powerWatts", DriftVerdict.INSUFFICIENT_DATA,
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 3, 285, "3 values");
            for (int hour = 0; hour < 5; hour++) {
                versions.saveDriftReport(new DriftReport(version.id(), T0.plusSeconds(3600L * hour),
                        List.of(moved, unjudged), DriftVerdict.RETRAIN), 3);
            }

            List<DriftReport> kept = versions.driftReports(version.id(), 10);
            assertThat(kept).extracting(DriftReport::checkedAt).containsExactly(T0.plusSeconds(4 * 3600),
                    T0.plusSeconds(3 * 3600), T0.plusSeconds(2 * 3600));
            assertThat(kept.getFirst().features()).containsExactly(moved, unjudged);
            assertThat(kept.getFirst().retrainingNeeded()).isTrue();
            assertThat(versions.driftReports(version.id(), 1)).hasSize(1);
            assertThatThrownBy(() -> versions.saveDriftReport(new DriftReport(version.id() + 99, T0, List.of(moved),
                    DriftVerdict.RETRAIN), 3)).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void promotingRetiresTheChampionItReplacesInTheSameStep() {
        try (SqliteFarmStore farm = open()) {
            ModelVersionStore store = farm.modelVersions();
            ModelVersion first = store.save(thermal("a", 1.5, T0));
            ModelVersion second = store.save(thermal("b", 1.2, T0.plusSeconds(60)));
            store.promote(first.id(), OptionalLong.empty(), "first", T0);

            store.promote(second.id(), OptionalLong.of(first.id()), "better", T0.plusSeconds(60));

            assertThat(store.champion(ModelType.THERMAL, UNIT)).get().extracting(ModelVersion::id).isEqualTo(second.id());
            assertThat(store.find(first.id()).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);
            assertThat(store.list(ModelType.THERMAL, UNIT)).extracting(ModelVersion::id)
                    .containsExactly(second.id(), first.id());
        }
    }

    @Test
    void promotionIsRefusedWhenTheChampionChangedSinceTheComparison() {
        try (SqliteFarmStore farm = open()) {
            ModelVersionStore store = farm.modelVersions();
            ModelVersion first = store.save(thermal("a", 1.5, T0));
            ModelVersion second = store.save(thermal("b", 1.2, T0));
            store.promote(first.id(), OptionalLong.empty(), "first", T0);

            assertThatThrownBy(() -> store.promote(second.id(), OptionalLong.empty(), "raced", T0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("champion changed");
            assertThat(store.find(second.id()).orElseThrow().status()).isEqualTo(ModelStatus.CANDIDATE);
            assertThat(store.find(first.id()).orElseThrow().status()).isEqualTo(ModelStatus.CHAMPION);
        }
    }

    @Test
    void rollingBackTwiceWalksBackThroughEarlierChampionsAndThenRefuses() {
        try (SqliteFarmStore farm = open()) {
            ModelVersionStore store = farm.modelVersions();
            long a = store.save(thermal("a", 1.5, T0)).id();
            long b = store.save(thermal("b", 1.4, T0)).id();
            long c = store.save(thermal("c", 1.3, T0)).id();
            store.promote(a, OptionalLong.empty(), "first", T0);
            store.promote(b, OptionalLong.of(a), "better", T0.plusSeconds(1));
            store.promote(c, OptionalLong.of(b), "better", T0.plusSeconds(2));

            assertThat(store.rollBack(ModelType.THERMAL, UNIT, "hot", T0.plusSeconds(3)).id()).isEqualTo(b);
            assertThat(store.rollBack(ModelType.THERMAL, UNIT, "still hot", T0.plusSeconds(4)).id()).isEqualTo(a);
            assertThatThrownBy(() -> store.rollBack(ModelType.THERMAL, UNIT, "again", T0.plusSeconds(5)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no earlier champion");

            assertThat(store.find(c).orElseThrow().status()).isEqualTo(ModelStatus.ROLLED_BACK);
            assertThat(store.find(b).orElseThrow().status()).isEqualTo(ModelStatus.ROLLED_BACK);
            assertThat(store.find(a).orElseThrow().status()).isEqualTo(ModelStatus.CHAMPION);
        }
    }

    @Test
    void onlyACandidateCanBeRetiredOrPromoted() {
        try (SqliteFarmStore farm = open()) {
            ModelVersionStore store = farm.modelVersions();
            long a = store.save(thermal("a", 1.5, T0)).id();
            store.promote(a, OptionalLong.empty(), "first", T0);

            assertThatThrownBy(() -> store.retire(a, "no", T0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is CHAMPION");
            assertThatThrownBy(() -> store.promote(99, OptionalLong.empty(), "no", T0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No model version 99");
        }
    }
}
