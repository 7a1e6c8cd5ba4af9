package io.hashdesk.core.reco;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** Stable recommendation ids: the same advice on the same target gets the same id, so a re-run updates it. */
final class AdviceIds {

    private AdviceIds() {
    }

    static String of(RecommendationType type, String... parts) {
        String key = type + "|" + String.join("|", parts);
        return type.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
