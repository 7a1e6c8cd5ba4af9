package io.hashdesk.core.reco;

/** A work order is open until a technician closes it with what was done. */
public enum WorkOrderStatus {
    OPEN,
    CLOSED
}
