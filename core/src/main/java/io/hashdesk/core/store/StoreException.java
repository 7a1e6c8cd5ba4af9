package io.hashdesk.core.store;

/**
 * The store could not do what was asked: the file is unreadable, the disk is full, the database was written
 * by a newer Hashdesk. The message is written for the operator; the cause carries the details for the log.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
