package io.hashdesk.ml.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.store.ArtifactFile;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models folder beside the database: writes artifacts so that a file with a final name is always complete (temp
 * file, fsync, atomic move), checks a file against its recorded checksum before anything is deserialised, and clears
 * out files that no version refers to (left by a crash between writing a file and registering it).
 */
final class ArtifactFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactFolder.class);

    /** Files still being written carry this prefix; only an atomic rename gives them their final name. */
    private static final String PARTIAL_PREFIX = ".partial-";
    /** Only classes from Smile, Hashdesk and the JDK may be deserialised from an artifact. */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "smile.**;io.hashdesk.**;java.**;!*");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final Path root;

    ArtifactFolder(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** Writes the artifact completely under a new name in the type's folder and returns what the registry records. */
    ArtifactFile write(ModelType type, ModelArtifact artifact) {
        String relative = type.name().toLowerCase(java.util.Locale.ROOT) + "/" + UUID.randomUUID()
                + artifact.extension();
        Path target = resolve(relative);
        Path partial = target.resolveSibling(PARTIAL_PREFIX + target.getFileName());
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha256 = sha256();
            try (FileOutputStream file = new FileOutputStream(partial.toFile());
                 OutputStream out = new DigestOutputStream(new BufferedOutputStream(file), sha256)) {
                writeTo(out, artifact);
                out.flush();
                // on disk before the rename, so a crash cannot leave a complete name over incomplete bytes
                file.getFD().sync();
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new ArtifactFile(relative, HexFormat.of().formatHex(sha256.digest()), Files.size(target));
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new ModelArtifactException("Could not write the " + type + " model's artifact to " + target + ": "
                    + e.getMessage() + ". Check free disk space and the permissions of " + root + ".", e);
        }
    }

    private static void writeTo(OutputStream out, ModelArtifact artifact) throws IOException {
        switch (artifact) {
            case ModelArtifact.JavaSerialized serialized -> {
                ObjectOutputStream objects = new ObjectOutputStream(out);
                objects.writeObject(serialized.model());
                objects.flush();
            }
            case ModelArtifact.Json json -> JSON.writeValue(out, json.model());
        }
    }

    /**
     * Reads a version's artifact as {@code type}, after checking its size and checksum.
     *
     * @throws ModelArtifactException if the file is missing, damaged, of another class, or unreadable by this build
     */
    <T> T read(ModelVersion version, Class<T> type) {
        ArtifactFile artifact = version.artifact();
        Path file = resolve(artifact.relativePath());
        byte[] bytes = verifiedBytes(version, file);
        Object model;
        try {
            if (artifact.relativePath().endsWith(ModelArtifact.Json.EXTENSION)) {
                model = JSON.readValue(bytes, type);
            } else {
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                    in.setObjectInputFilter(CLASSES);
                    model = in.readObject();
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new ModelArtifactException("The artifact of " + version.label() + " (" + file + ") is intact but"
                    + " cannot be read by this build" + (e instanceof InvalidClassException ? " (its classes changed"
                    + " since it was trained)" : "") + ": " + e.getMessage() + ". Retrain the model.", e);
        }
        if (!type.isInstance(model)) {
            throw new ModelArtifactException("The artifact of " + version.label() + " (" + file + ") holds a "
                    + model.getClass().getName() + ", not the " + type.getName() + " asked for");
        }
        return type.cast(model);
    }

    private static byte[] verifiedBytes(ModelVersion version, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelArtifactException("The artifact of " + version.label() + " is missing: " + file
                    + " does not exist. Restore the models folder from a backup, roll back, or retrain.", e);
        } catch (IOException e) {
            throw new ModelArtifactException("The artifact of " + version.label() + " (" + file + ") cannot be read: "
                    + e.getMessage(), e);
        }
        String actual = HexFormat.of().formatHex(sha256().digest(bytes));
        if (bytes.length != version.artifact().sizeBytes() || !actual.equals(version.artifact().sha256())) {
            throw new ModelArtifactException("The artifact of " + version.label() + " (" + file + ") is damaged: it"
                    + " has " + bytes.length + " bytes with SHA-256 " + actual + ", but " + version.artifact().sizeBytes()
                    + " bytes with SHA-256 " + version.artifact().sha256() + " were registered. Roll back or retrain.");
        }
        return bytes;
    }

    /** Removes a file written for a registration that then failed; a file left behind is swept later. */
    void delete(ArtifactFile artifact) {
        deleteQuietly(resolve(artifact.relativePath()));
    }

    /**
     * Deletes files under the folder that no version refers to (including half-written ones) and that were last
     * modified before {@code olderThan}. Returns the files deleted.
     */
    List<Path> sweep(Set<String> referenced, Instant olderThan) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!referenced.contains(relative) && Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)) {
                    Files.delete(file);
                    deleted.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear unreferenced model artifacts from " + root, e);
        }
        return deleted;
    }

    Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}; the next sweep of unreferenced artifacts will", file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
