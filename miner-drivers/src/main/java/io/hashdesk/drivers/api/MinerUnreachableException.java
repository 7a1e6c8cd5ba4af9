package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;

/** Nothing answered at the miner's address: connection refused, no route, host down, connection dropped. */
public class MinerUnreachableException extends MinerAccessException {

    public MinerUnreachableException(String message, Throwable cause) {
        super(Failure.UNREACHABLE, message, cause);
    }
}
