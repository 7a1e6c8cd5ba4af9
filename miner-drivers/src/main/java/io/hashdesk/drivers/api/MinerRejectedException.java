package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;

/** The miner answered the request with an error (HTTP 4xx/5xx, an {@code err} body, an RPC error status). */
public class MinerRejectedException extends MinerAccessException {

    public MinerRejectedException(String message) {
        super(Failure.REJECTED, message);
    }
}
