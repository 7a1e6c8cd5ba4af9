package io.hashdesk.core.market;

/**
 * A file offered for market CSV import cannot be read as one at all: missing, empty, too large, binary, not UTF-8
 * text, or without the expected header. The message names the file and says what to do.
 */
public final class CsvFileException extends Exception {

    public CsvFileException(String message) {
        super(message);
    }

    public CsvFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
