package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;
import java.util.Objects;

/**
 * The miner's reply could not be understood: not JSON, too large, cut off, a required field missing or a field of the
 * wrong type. {@link #fieldPath()} names the offending field (e.g. {@code summary.miner.chains[1].hashrate_rt}) so
 * support can tell a firmware change from a broken miner.
 */
public class MalformedReplyException extends MinerAccessException {

    private final String fieldPath;

    public MalformedReplyException(String fieldPath, String problem) {
        super(Failure.MALFORMED_REPLY, describe(fieldPath, problem));
        this.fieldPath = Objects.requireNonNull(fieldPath, "field path");
    }

    public MalformedReplyException(String fieldPath, String problem, Throwable cause) {
        super(Failure.MALFORMED_REPLY, describe(fieldPath, problem), cause);
        this.fieldPath = Objects.requireNonNull(fieldPath, "field path");
    }

    /** Where in the reply the problem is; the reply's name alone when the whole reply is unusable. */
    public String fieldPath() {
        return fieldPath;
    }

    private static String describe(String fieldPath, String problem) {
        return fieldPath + ": " + problem;
    }
}
