package io.hashdesk.core.domain;

import java.util.regex.Pattern;

/** The rules shared by every identifier and display name in the domain records. */
final class Names {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Names() {
    }

    static String requireId(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1–64 letters, digits or . _ : - (starting with a letter"
                    + " or digit), got '" + value + "'");
        }
        return value;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
