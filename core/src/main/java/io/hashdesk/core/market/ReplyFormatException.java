package io.hashdesk.core.market;

/** A provider's reply is not what its API sends: not JSON, another shape, or impossible values. */
final class ReplyFormatException extends Exception {

    ReplyFormatException(String message) {
        super(message);
    }

    ReplyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
