package io.hashdesk.ml.registry;

import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Child process of {@link ArtifactSafetyTest}: registers a model and dies abruptly ({@link Runtime#halt}: no finally
 * blocks, no shutdown hooks) after the artifact is in place and before its version is stored.
 */
public final class RegistryCrashWorker {

    static final int CRASH_EXIT = 77;

    private RegistryCrashWorker() {
    }

    public static void main(String[] args) {
        Path databaseFile = Path.of(args[0]);
        SqliteFarmStore farm = SqliteFarmStore.open(databaseFile, StoreSettings.defaults(), Clock.systemUTC());
        InterruptedStore dying = new InterruptedStore(farm.modelVersions(), () -> Runtime.getRuntime().halt(CRASH_EXIT));
        ModelRegistry registry = new ModelRegistry(dying, ModelRegistry.artifactFolderBeside(databaseFile),
                RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()), Clock.systemUTC());
        registry.register(RegistryFixture.candidateAt(Instant.now(), ModelType.THERMAL, Map.of("heldOutRmseC", 1.0)),
                ModelArtifact.serialized(RegistryFixture.tree(3)));
        throw new IllegalStateException("the registration should have halted the process");
    }
}
