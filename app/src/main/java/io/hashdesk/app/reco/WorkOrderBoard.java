package io.hashdesk.app.reco;

import java.util.List;

/**
 * One read of the work orders: the open ones and the latest closed ones, newest first.
 *
 * @param closedTotal how many are closed in all, of which {@code closed} holds the latest
 */
record WorkOrderBoard(List<WorkOrderRow> open, List<WorkOrderRow> closed, int closedTotal) {

    WorkOrderBoard {
        open = List.copyOf(open);
        closed = List.copyOf(closed);
    }
}
