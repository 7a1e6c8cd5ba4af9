package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;

/** The miner did not give a complete answer within the driver's time budget. */
public class MinerTimeoutException extends MinerAccessException {

    public MinerTimeoutException(String message) {
        super(Failure.TIMEOUT, message);
    }

    public MinerTimeoutException(String message, Throwable cause) {
        super(Failure.TIMEOUT, message, cause);
    }
}
