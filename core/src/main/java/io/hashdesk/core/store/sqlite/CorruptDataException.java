package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.store.StoreException;

/** A stored blob could not be decoded: the file was damaged or written by an incompatible build. */
final class CorruptDataException extends StoreException {

    CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
