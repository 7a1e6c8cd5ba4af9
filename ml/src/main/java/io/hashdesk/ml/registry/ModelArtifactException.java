package io.hashdesk.ml.registry;

/**
 * A model version's artifact cannot be used: its file is missing, does not match the checksum recorded when it was
 * registered, or cannot be read by this build. The message names the version and the file and says what to do; the
 * version's status is left as it was.
 */
public class ModelArtifactException extends RuntimeException {

    public ModelArtifactException(String message) {
        super(message);
    }

    public ModelArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
