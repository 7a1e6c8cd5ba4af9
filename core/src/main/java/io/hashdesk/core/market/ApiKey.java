package io.hashdesk.core.market;

/** A provider's API key. {@link #toString()} hides it, so it cannot reach a log or an error message by accident. */
public record ApiKey(String value) {

    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        value = value.strip();
        if (value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("an API key must be printable ASCII without spaces");
        }
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }
}
