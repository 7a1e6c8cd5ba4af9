package io.hashdesk.app.reco;

import java.util.Objects;
import java.util.Optional;

/**
 * Why the operator dismissed a recommendation: a reason from the list and, for "Other", their own words. The engine
 * learns from it, so an empty reason is refused.
 *
 * @param reason one of the settings' dismiss reasons
 * @param note   free text; required when the reason is the list's last ("Other")
 */
record Dismissal(String reason, String note) {

    Dismissal {
        Objects.requireNonNull(reason, "reason");
        note = note == null ? "" : note.strip();
    }

    /** What is missing before a dismissal can be sent, or empty when it is complete. */
    static Optional<String> problem(String reason, String note, String otherReason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of("Choose why you dismiss it; the engine learns from the reason.");
        }
        if (reason.equals(otherReason) && (note == null || note.isBlank())) {
            return Optional.of("Say in a few words why — \"" + otherReason + "\" needs a note.");
        }
        return Optional.empty();
    }

    /** The text stored with the feedback: the reason, and the note after it when there is one. */
    String text() {
        return note.isEmpty() ? reason : reason + ": " + note;
    }
}
