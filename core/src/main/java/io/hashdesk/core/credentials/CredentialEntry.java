package io.hashdesk.core.credentials;

import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the vault says about one entry without its secret: for lists and pickers.
 *
 * @param usedBy the registered (not removed) miners whose credentials point at this entry, by id
 */
public record CredentialEntry(CredentialsRef ref, String label, Optional<String> username, List<MinerId> usedBy,
                              Instant createdAt, Instant updatedAt) {

    public CredentialEntry {
        Objects.requireNonNull(ref, "ref");
        label = cleanLabel(label);
        Objects.requireNonNull(username, "username (use Optional.empty())");
        usedBy = List.copyOf(usedBy);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** At most this many characters, so a label fits a list row. */
    public static final int MAX_LABEL_CHARS = 80;

    /**
     * The label stripped of surrounding blanks.
     *
     * @throws IllegalArgumentException naming what is wrong when it is blank or too long
     */
    public static String cleanLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("The label must not be blank");
        }
        String stripped = label.strip();
        if (stripped.length() > MAX_LABEL_CHARS) {
            throw new IllegalArgumentException("The label must be at most " + MAX_LABEL_CHARS + " characters, got "
                    + stripped.length());
        }
        return stripped;
    }

    public boolean inUse() {
        return !usedBy.isEmpty();
    }
}
