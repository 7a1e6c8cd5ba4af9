package io.hashdesk.core.credentials;

import java.util.Arrays;

/**
 * A decrypted secret held as characters so it can be wiped: {@link #close()} overwrites them. {@link #toString()}
 * prints {@code ***}, so a secret that ends up in a log line or an exception message shows nothing.
 */
public final class Secret implements AutoCloseable {

    private final char[] chars;

    /** Takes ownership of {@code chars}: closing this wipes the caller's array too. */
    public Secret(char[] chars) {
        this.chars = chars;
    }

    /** The characters themselves (not a copy), valid until {@link #close()}. */
    public char[] chars() {
        return chars;
    }

    /** The secret as a string, for APIs that take nothing else (an HTTP form); strings cannot be wiped. */
    public String reveal() {
        return new String(chars);
    }

    @Override
    public void close() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "***";
    }
}
