package io.hashdesk.app.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.reco.WorkOrder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One work order as its card shows it, every fact already in words.
 *
 * @param number   "#14"
 * @param miners   each miner with where it sits, e.g. "B-03 at Room B / R3 / 2-4"
 * @param opened   "Opened by maria on 27 Nov 14:30"
 * @param closed   "Closed by tom on 28 Nov 09:10", or empty while open
 * @param workDone what the technician wrote, or empty while open
 */
record WorkOrderRow(WorkOrder order, String number, List<String> miners, String opened, String closed,
                    String workDone) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    /** @param positions where each miner sits, empty for one no longer registered */
    static WorkOrderRow of(WorkOrder order, Function<MinerId, Optional<RackPosition>> positions, ZoneId zone) {
        DateTimeFormatter when = WHEN.withZone(zone);
        List<String> miners = order.miners().stream().map(miner -> miner.value() + positions.apply(miner)
                .map(position -> " at " + position.label()).orElse(" (no longer registered)")).toList();
        String closed = order.closedAt().map(at -> "Closed by " + order.closedBy().orElse("?") + " on "
                + when.format(at)).orElse("");
        return new WorkOrderRow(order, "#" + order.id(), miners,
                "Opened by " + order.openedBy() + " on " + when.format(order.openedAt()), closed,
                order.workDone().orElse(""));
    }

    long id() {
        return order.id();
    }

    String title() {
        return order.title();
    }

    List<String> steps() {
        return order.steps();
    }

    /** The parts the advice said to bring. */
    List<String> parts() {
        return order.parts();
    }

    List<String> partsUsed() {
        return order.partsUsed();
    }

    /** "Opened by maria on 27 Nov 14:30", or for a closed one who closed it first and then who opened it. */
    String history() {
        return closed.isEmpty() ? opened : closed + " · " + Character.toLowerCase(opened.charAt(0))
                + opened.substring(1);
    }

    boolean isClosed() {
        return order.closedAt().isPresent();
    }
}
