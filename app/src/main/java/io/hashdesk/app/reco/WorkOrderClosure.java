package io.hashdesk.app.reco;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a technician says when closing a work order: what was done, in their words, and the parts used. The record is
 * the repair's only trace (the recommendation counts as applied from it), so it is refused without what was done.
 *
 * @param workDone  what was done, never blank
 * @param partsUsed each part once, in the order given
 */
record WorkOrderClosure(String workDone, List<String> partsUsed) {

    /** Free-text parts are separated by commas, semicolons or new lines, as people type lists. */
    private static final Pattern PART_SEPARATOR = Pattern.compile("[,;\\n]");

    WorkOrderClosure {
        problem(workDone).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        workDone = workDone.strip();
        Set<String> parts = new LinkedHashSet<>();
        partsUsed.stream().map(String::strip).filter(part -> !part.isEmpty()).forEach(parts::add);
        partsUsed = List.copyOf(parts);
    }

    /** A closure from the dialog: the parts ticked from the work order's list, then those typed in. */
    static WorkOrderClosure of(String workDone, List<String> tickedParts, String otherParts) {
        List<String> parts = new ArrayList<>(tickedParts);
        if (otherParts != null) {
            parts.addAll(List.of(PART_SEPARATOR.split(otherParts)));
        }
        return new WorkOrderClosure(workDone, parts);
    }

    /** What is missing before a work order can be closed, or empty when it can be. */
    static Optional<String> problem(String workDone) {
        if (workDone == null || workDone.isBlank()) {
            return Optional.of("Say what was done: it is the only record of the repair.");
        }
        return Optional.empty();
    }
}
