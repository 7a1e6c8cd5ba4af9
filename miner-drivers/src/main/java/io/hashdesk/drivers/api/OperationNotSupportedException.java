package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;
import java.util.Objects;

/** The firmware (or this driver) lacks the operation: a route it does not have, an RPC command it leaves unanswered. */
public class OperationNotSupportedException extends MinerAccessException {

    private final MinerOperation operation;

    public OperationNotSupportedException(MinerOperation operation, String message) {
        super(Failure.UNSUPPORTED, message);
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    public MinerOperation operation() {
        return operation;
    }
}
