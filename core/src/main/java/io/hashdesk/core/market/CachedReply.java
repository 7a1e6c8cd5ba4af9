package io.hashdesk.core.market;

import java.time.Instant;
import java.util.Objects;

/**
 * The last good raw reply of one provider request, kept so that after a restart without network the last figures
 * can still be shown and re-read. The request key names the request without any secret (never the API key).
 *
 * @param provider   the provider's source name, e.g. {@code coingecko}
 * @param requestKey which request of that provider, e.g. {@code simple/price?ids=bitcoin,litecoin}
 * @param fetchedAt  when the reply arrived
 * @param body       the reply as received
 */
public record CachedReply(String provider, String requestKey, Instant fetchedAt, String body) {

    public CachedReply {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("provider must not be blank");
        }
        if (requestKey == null || requestKey.isBlank()) {
            throw new IllegalArgumentException("requestKey must not be blank");
        }
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "CachedReply[" + provider + " " + requestKey + " at " + fetchedAt + ", " + body.length() + " chars]";
    }
}
