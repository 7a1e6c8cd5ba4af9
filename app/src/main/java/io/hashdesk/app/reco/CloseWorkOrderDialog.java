package io.hashdesk.app.reco;

import java.util.Optional;

/** Asks what was done to close a work order; the view shows {@link FxCloseWorkOrderDialog}, tests answer directly. */
@FunctionalInterface
interface CloseWorkOrderDialog {

    /** The technician's answer, or empty when they cancelled; called on the FX thread. */
    Optional<WorkOrderClosure> ask(WorkOrderRow order);
}
