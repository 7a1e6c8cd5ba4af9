package io.hashdesk.app.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Blanks every secret-looking field of a settings document before it leaves the PC: any field, at any depth, whose
 * name contains password, secret, token or key (so apiKey, privateKey, accessToken too), or is pass/passwd/pwd, gets
 * {@value #MASK} as its value, whatever that value was. Errs on the side of hiding: a harmless field named like a
 * secret is hidden too.
 */
final class SecretRedaction {

    static final String MASK = "***";
    private static final List<String> SECRET_PARTS = List.of("password", "secret", "token", "key");
    private static final Set<String> SECRET_NAMES = Set.of("pass", "passwd", "pwd");

    private SecretRedaction() {
    }

    static boolean secretLooking(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT);
        return SECRET_NAMES.contains(name) || SECRET_PARTS.stream().anyMatch(name::contains);
    }

    /** A copy of {@code document} with every secret-looking field's value replaced by {@value #MASK}. */
    static JsonNode redact(JsonNode document) {
        JsonNode copy = document.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (secretLooking(field.getKey())) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    redactInPlace(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(SecretRedaction::redactInPlace);
        }
    }
}
