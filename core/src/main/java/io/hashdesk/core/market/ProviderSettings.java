package io.hashdesk.core.market;

import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * How Hashdesk talks to one market data provider. Every provider is off until an operator turns it on: enabling one
 * sends requests to a third party from the farm's network.
 *
 * @param enabled           whether the provider is asked at all
 * @param baseUrl           where its API lives; tests point it at 127.0.0.1
 * @param refreshInterval   how often the background refresh asks it
 * @param minInterval       never two calls closer than this, whoever asks (free tiers allow a few calls a minute)
 * @param connectTimeout    giving up on opening a connection
 * @param readTimeout       giving up on a reply that has stopped arriving; a reply still trickling in is given up
 *                          after the connect timeout plus twice this
 * @param maxAttempts       tries per call, the first included, when the server fails (5xx) or does not answer
 * @param backoffInitial    wait before the second try; each further try waits twice as long
 * @param backoffMax        longest wait between tries
 * @param defaultRetryAfter wait after HTTP 429 when the reply does not say how long
 * @param maxRetryAfter     longest wait honoured from a 429's {@code Retry-After}; a larger value is capped
 * @param maxReplyBytes     a longer reply is refused rather than read into memory
 */
public record ProviderSettings(boolean enabled, String baseUrl, Duration refreshInterval, Duration minInterval,
                               Duration connectTimeout, Duration readTimeout, int maxAttempts,
                               Duration backoffInitial, Duration backoffMax, Duration defaultRetryAfter,
                               Duration maxRetryAfter, int maxReplyBytes) {

    /** More tries than this only prolongs an outage for whoever waits on it. */
    static final int MAX_ATTEMPTS = 10;

    public ProviderSettings {
        if (baseUrl == null || HttpUrl.parse(baseUrl) == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, got '" + baseUrl + "'");
        }
        requirePositive(refreshInterval, "refreshInterval");
        requirePositive(minInterval, "minInterval");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(backoffInitial, "backoffInitial");
        requirePositive(backoffMax, "backoffMax");
        requirePositive(defaultRetryAfter, "defaultRetryAfter");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be 1–" + MAX_ATTEMPTS + ", got " + maxAttempts);
        }
        if (backoffInitial.compareTo(backoffMax) > 0) {
            throw new IllegalArgumentException("backoffInitial (" + backoffInitial + ") must not be longer than"
                    + " backoffMax (" + backoffMax + ")");
        }
        if (minInterval.compareTo(refreshInterval) > 0) {
            throw new IllegalArgumentException("minInterval (" + minInterval + ") must not be longer than"
                    + " refreshInterval (" + refreshInterval + ")");
        }
        if (maxReplyBytes < 1) {
            throw new IllegalArgumentException("maxReplyBytes must be at least 1, got " + maxReplyBytes);
        }
    }

    /** The same settings with the provider turned on or off. */
    public ProviderSettings withEnabled(boolean on) {
        return new ProviderSettings(on, baseUrl, refreshInterval, minInterval, connectTimeout, readTimeout,
                maxAttempts, backoffInitial, backoffMax, defaultRetryAfter, maxRetryAfter, maxReplyBytes);
    }

    /** The same settings with another API location (a mirror, a proxy, or a test server). */
    public ProviderSettings withBaseUrl(String url) {
        return new ProviderSettings(enabled, url, refreshInterval, minInterval, connectTimeout, readTimeout,
                maxAttempts, backoffInitial, backoffMax, defaultRetryAfter, maxRetryAfter, maxReplyBytes);
    }

    /** {@link #baseUrl} with {@code path} (segments separated by '/') appended. */
    HttpUrl url(String path) {
        HttpUrl base = HttpUrl.get(baseUrl);
        HttpUrl.Builder builder = base.newBuilder();
        if (base.pathSegments().getLast().isEmpty()) {
            builder.removePathSegment(base.pathSize() - 1);
        }
        return builder.addPathSegments(path).build();
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
