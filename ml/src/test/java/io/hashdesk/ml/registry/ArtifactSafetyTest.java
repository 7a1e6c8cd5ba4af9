package io.hashdesk.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.StoreException;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.regression.RegressionTree;

class ArtifactSafetyTest {

    @TempDir
    Path dir;

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static ModelVersion champion(RegistryFixture fixture) {
        fixture.clock.advance(Duration.ofHours(1));
        return fixture.registry.registerAndPromote(fixture.thermal(1.2),
                ModelArtifact.serialized(RegistryFixture.tree(4))).candidate();
    }

    @Test
    void aDamagedArtifactIsRefusedWithTheVersionAndFileNamedAndItsStatusKept() throws IOException {
        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            ModelVersion version = champion(fixture);
            Path file = fixture.artifactFolder().resolve(version.artifact().relativePath());
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x10;
            Files.write(file, bytes);

            assertThatThrownBy(() -> fixture.registry.loadChampion(ModelType.THERMAL, RegistryFixture.UNIT,
                    RegressionTree.class))
                    .isInstanceOf(ModelArtifactException.class)
                    .hasMessageContaining("THERMAL v" + version.id())
                    .hasMessageContaining("damaged")
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(version.artifact().sha256());
            assertThat(fixture.farm.modelVersions().find(version.id()).orElseThrow().status())
                    .isEqualTo(ModelStatus.CHAMPION);
        }
    }

    @Test
    void aMissingArtifactIsRefusedWithTheVersionAndFileNamedAndItsStatusKept() throws IOException {
        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            ModelVersion version = champion(fixture);
            Files.delete(fixture.artifactFolder().resolve(version.artifact().relativePath()));

            assertThatThrownBy(() -> fixture.registry.load(version, RegressionTree.class))
                    .isInstanceOf(ModelArtifactException.class)
                    .hasMessageContaining("THERMAL v" + version.id())
                    .hasMessageContaining("is missing");
            assertThat(fixture.farm.modelVersions().find(version.id()).orElseThrow().status())
                    .isEqualTo(ModelStatus.CHAMPION);
        }
    }

    @Test
    void anArtifactOfAnotherClassIsRefused() {
        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            ModelVersion version = champion(fixture);

            assertThatThrownBy(() -> fixture.registry.load(version, String.class))
                    .isInstanceOf(ModelArtifactException.class)
                    .hasMessageContaining("RegressionTree").hasMessageContaining("java.lang.String");
        }
    }

    @Test
    void whenRecordingTheVersionFailsItsArtifactIsRemoved() throws IOException {
        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            InterruptedStore failing = new InterruptedStore(fixture.farm.modelVersions(), () -> {
                throw new StoreException("Could not register: the disk is full");
            });
            ModelRegistry registry = new ModelRegistry(failing, fixture.artifactFolder(), RegistrySettings.defaults(),
                    new DriftCheck(DriftSettings.defaults()), fixture.clock);

            assertThatThrownBy(() -> registry.register(fixture.thermal(1.0),
                    ModelArtifact.serialized(RegistryFixture.tree(1))))
                    .isInstanceOf(StoreException.class);
            assertThat(files(fixture.artifactFolder())).isEmpty();
            assertThat(fixture.farm.modelVersions().list(ModelType.THERMAL)).isEmpty();
        }
    }

    @Test
    void aCrashBetweenWritingTheArtifactAndRegisteringLeavesNoVersionAndTheFileIsSweptLater() throws Exception {
        Path databaseFile = dir.resolve("hashdesk.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), RegistryCrashWorker.class.getName(), databaseFile.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(RegistryCrashWorker.CRASH_EXIT);

        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            List<Path> left = files(fixture.artifactFolder());
            assertThat(left).hasSize(1);
            assertThat(fixture.farm.modelVersions().list(ModelType.THERMAL)).isEmpty();
            assertThat(fixture.registry.loadChampion(ModelType.THERMAL, RegistryFixture.UNIT, RegressionTree.class))
                    .isEmpty();

            assertThat(fixture.registry.removeOrphanArtifacts()).as("within the grace period").isEmpty();
            fixture.clock.advance(RegistrySettings.defaults().orphanGracePeriod().plusMinutes(1));
            assertThat(fixture.registry.removeOrphanArtifacts()).containsExactlyElementsOf(left);
            assertThat(files(fixture.artifactFolder())).isEmpty();
        }
    }

    @Test
    void sweepingKeepsEveryFileAVersionRefersToAndRemovesHalfWrittenOnes() throws IOException {
        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            ModelVersion version = champion(fixture);
            Path partial = fixture.artifactFolder().resolve("thermal/.partial-" + "c".repeat(8) + ".ser");
            Files.write(partial, new byte[] {1, 2, 3});
            Path kept = fixture.artifactFolder().resolve(version.artifact().relativePath());
            FileTime longAgo = FileTime.from(fixture.clock.instant().minus(Duration.ofDays(30)));
            Files.setLastModifiedTime(partial, longAgo);
            Files.setLastModifiedTime(kept, longAgo);

            assertThat(fixture.registry.removeOrphanArtifacts()).containsExactly(partial);
            assertThat(kept).exists();
            assertThat(fixture.registry.load(version, RegressionTree.class)).isNotNull();
        }
    }
}
