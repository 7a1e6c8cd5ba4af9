package io.hashdesk.core.market;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to one provider: its timeouts and reply size limit, retries with exponential backoff when the server
 * fails (5xx) or does not answer, and HTTP 429 with its {@code Retry-After}. Knows nothing of what replies mean.
 * Failure details name the path, never the query, so an API key in it stays out of messages and logs.
 */
final class ProviderHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);
    private static final int HTTP_TOO_MANY_REQUESTS = 429;
    private static final int MAX_ERROR_TEXT = 120;

    private final String provider;
    private final ProviderSettings settings;
    private final OkHttpClient client;
    private final Clock clock;
    private final Optional<ApiKey> secret;

    /**
     * @param secret the API key the URLs carry, if any, so it can be kept out of every message
     */
    ProviderHttp(String provider, ProviderSettings settings, OkHttpClient base, Clock clock,
                 Optional<ApiKey> secret) {
        this.provider = provider;
        this.settings = settings;
        this.clock = clock;
        this.secret = secret;
        this.client = base.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2)))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The body of a successful reply, after up to {@code maxAttempts} tries. */
    Fetched get(HttpUrl url) throws FetchFailedException {
        String what = "GET " + url.encodedPath();
        FetchFailedException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                return once(url, what);
            } catch (RetryableException e) {
                last = new FetchFailedException(e.kind, e.getMessage() + attemptsNote(attempt), Optional.empty());
                if (attempt < settings.maxAttempts()) {
                    Duration wait = backoff(attempt, settings);
                    LOG.debug("{}: {} (attempt {} of {}), trying again in {} ms", provider, e.getMessage(), attempt,
                            settings.maxAttempts(), wait.toMillis());
                    sleep(wait, what);
                }
            }
        }
        throw last;
    }

    /** The wait after failed attempt {@code attempt} (1-based): doubling from the initial wait, capped. */
    static Duration backoff(int attempt, ProviderSettings settings) {
        Duration wait = settings.backoffInitial();
        for (int i = 1; i < attempt && wait.compareTo(settings.backoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait;
    }

    private Fetched once(HttpUrl url, String what) throws RetryableException, FetchFailedException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try (Response response = client.newCall(request).execute()) {
            int code = response.code();
            if (response.isSuccessful()) {
                return new Fetched(readBounded(response.body(), what), clock.instant());
            }
            if (code == HTTP_TOO_MANY_REQUESTS) {
                Duration wait = retryAfter(response.header("Retry-After"));
                throw new FetchFailedException(RefreshOutcome.Kind.RATE_LIMITED, "HTTP 429", Optional.of(wait));
            }
            if (code >= 500) {
                throw new RetryableException(RefreshOutcome.Kind.SERVER_ERROR, what + " answered HTTP " + code);
            }
            throw new FetchFailedException(RefreshOutcome.Kind.REJECTED, what + " answered HTTP " + code
                    + errorText(response.body()), Optional.empty());
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new FetchFailedException(RefreshOutcome.Kind.INTERRUPTED, what + " was interrupted",
                        Optional.empty());
            }
            throw new RetryableException(RefreshOutcome.Kind.TIMEOUT, what + ": no reply within "
                    + seconds(settings.readTimeout()));
        } catch (IOException e) {
            throw new FetchFailedException(RefreshOutcome.Kind.UNREACHABLE, what + ": " + redact(String.valueOf(
                    e.getMessage())), Optional.empty());
        }
    }

    /** Reads the body as UTF-8, refusing (without reading on) one longer than the limit. */
    private String readBounded(ResponseBody body, String what) throws IOException, FetchFailedException {
        int limit = settings.maxReplyBytes();
        BufferedSource source = body.source();
        if (body.contentLength() > limit || source.request(limit + 1L)) {
            throw new FetchFailedException(RefreshOutcome.Kind.MALFORMED_REPLY, what + ": the reply is over the "
                    + limit + "-byte limit", Optional.empty());
        }
        return new String(source.readByteArray(), StandardCharsets.UTF_8);
    }

    /** {@code Retry-After} as seconds or an HTTP date; the default when absent or unreadable, capped at the maximum. */
    private Duration retryAfter(String header) {
        Duration wait = settings.defaultRetryAfter();
        if (header != null) {
            String value = header.strip();
            if (value.matches("\\d{1,9}")) {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } else {
                try {
                    Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration left = Duration.between(clock.instant(), until);
                    wait = left.isNegative() ? Duration.ZERO : left;
                } catch (DateTimeException e) {
                    LOG.debug("{}: unreadable Retry-After '{}', waiting the default {}", provider, value, wait);
                }
            }
        }
        return wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
    }

    private String errorText(ResponseBody body) {
        try {
            BufferedSource source = body.source();
            source.request(MAX_ERROR_TEXT);
            String text = source.readUtf8(Math.min(MAX_ERROR_TEXT, source.getBuffer().size()));
            text = redact(text.strip().replaceAll("\\s+", " "));
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException e) {
            return "";
        }
    }

    /** The text with the API key, should a server or library echo it, replaced by asterisks. */
    String redact(String text) {
        return secret.map(key -> text.replace(key.value(), "***")).orElse(text);
    }

    private void sleep(Duration wait, String what) throws FetchFailedException {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailedException(RefreshOutcome.Kind.INTERRUPTED, what + " was interrupted",
                    Optional.empty());
        }
    }

    private String attemptsNote(int attempts) {
        return attempts == 1 ? "" : " (" + attempts + " attempts)";
    }

    /** A duration for messages: "60 s", "0.25 s". */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A failure another attempt may cure. */
    private static final class RetryableException extends Exception {
        private final RefreshOutcome.Kind kind;

        RetryableException(RefreshOutcome.Kind kind, String message) {
            super(message);
            this.kind = kind;
        }
    }
}
