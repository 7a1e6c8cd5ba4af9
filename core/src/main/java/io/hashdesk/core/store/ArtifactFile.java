package io.hashdesk.core.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a model version's trained artifact lies and what its bytes hash to, so a damaged or swapped file is caught
 * before it is deserialised.
 *
 * @param relativePath path inside the models folder beside the database, with forward slashes
 * @param sha256       lower-case hex SHA-256 of the file's bytes
 * @param sizeBytes    the file's length
 */
public record ArtifactFile(String relativePath, String sha256, long sizeBytes) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ArtifactFile {
        Objects.requireNonNull(relativePath, "artifact path");
        Objects.requireNonNull(sha256, "artifact checksum");
        if (relativePath.isBlank() || relativePath.startsWith("/") || relativePath.contains("\\")
                || relativePath.contains("..")) {
            throw new IllegalArgumentException("An artifact path is relative to the models folder, with forward"
                    + " slashes and no '..', got '" + relativePath + "'");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("An artifact checksum is 64 lower-case hex digits, got '" + sha256 + "'");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("An artifact's size cannot be negative, got " + sizeBytes);
        }
    }
}
