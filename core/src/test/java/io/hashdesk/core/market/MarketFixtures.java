package io.hashdesk.core.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Recorded provider replies and provider settings fast enough for tests. */
final class MarketFixtures {

    /** Generous, so a busy test machine does not time out a good reply. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private MarketFixtures() {
    }

    /** A recorded reply from {@code src/test/resources/io/hashdesk/core/market}. */
    static String reply(String name) {
        try (InputStream in = MarketFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /**
     * An enabled provider at {@code server}: three attempts 20 ms and 40 ms apart, a 60 s default wait after a 429,
     * and calls at least 30 s apart.
     */
    static ProviderSettings provider(MockWebServer server, String basePath) {
        return provider(server, basePath, READ_TIMEOUT);
    }

    /** Like {@link #provider(MockWebServer, String)} with another read timeout. */
    static ProviderSettings provider(MockWebServer server, String basePath, Duration readTimeout) {
        return new ProviderSettings(true, server.url(basePath).toString(), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofSeconds(2), readTimeout, 3, Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofSeconds(60), Duration.ofHours(1), 1_048_576);
    }
}
