package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;

/** The miner refused the credentials (wrong web password, or a fresh token it will not accept). */
public class MinerAuthException extends MinerAccessException {

    public MinerAuthException(String message) {
        super(Failure.AUTH_FAILED, message);
    }
}
