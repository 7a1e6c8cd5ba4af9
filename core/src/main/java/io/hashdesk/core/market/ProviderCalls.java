package io.hashdesk.core.market;

import io.hashdesk.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The calls to one provider: nothing while it is off, one refresh at a time, never two closer than the minimum
 * interval, nothing while a 429 is being waited out, and every failure turned into a {@link RefreshOutcome} instead
 * of an exception.
 */
final class ProviderCalls {

    /** One refresh's conversation with the provider, written as if nothing could fail. */
    @FunctionalInterface
    interface Conversation {
        RefreshOutcome talk() throws FetchFailedException, ReplyFormatException;
    }

    private final String provider;
    private final ProviderSettings settings;
    private final ProviderHttp http;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    /** When the last request went out; guarded by {@link #oneAtATime}. */
    private Instant lastCall;
    /** Until when a 429 asked us to wait; guarded by {@link #oneAtATime}. */
    private Instant waitUntil;

    ProviderCalls(String provider, ProviderSettings settings, OkHttpClient http, Clock clock,
                  Optional<ApiKey> secret) {
        this.provider = provider;
        this.settings = settings;
        this.http = new ProviderHttp(provider, settings, http, clock, secret);
        this.clock = clock;
    }

    String provider() {
        return provider;
    }

    ProviderSettings settings() {
        return settings;
    }

    /** Runs one refresh unless the provider is off, busy, asked too recently or waiting out a 429. */
    RefreshOutcome refresh(Conversation conversation) {
        if (!settings.enabled()) {
            return skipped(provider + " is off; turn it on in the market settings to use it");
        }
        if (!oneAtATime.tryLock()) {
            return skipped(provider + ": a refresh is already running");
        }
        try {
            Instant now = clock.instant();
            Optional<String> hold = holdReason(now);
            if (hold.isPresent()) {
                return skipped(provider + ": " + hold.get());
            }
            lastCall = now;
            return talk(conversation);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** One GET; call only inside {@link #refresh}. */
    Fetched get(HttpUrl url) throws FetchFailedException {
        try {
            return http.get(url);
        } catch (FetchFailedException e) {
            e.retryAfter().ifPresent(wait -> waitUntil = clock.instant().plus(wait));
            throw e;
        }
    }

    /** The text with the API key, should a provider echo it, replaced by asterisks. */
    String redact(String text) {
        return http.redact(text);
    }

    /** The outcome of a refresh whose figures were stored. */
    RefreshOutcome updated(String what, List<String> gaps) {
        return new RefreshOutcome.Updated(provider, clock.instant(), provider + ": " + what
                + (gaps.isEmpty() ? "" : " (" + gaps.size() + " missing: " + String.join("; ", gaps) + ")"), gaps);
    }

    /** The outcome of a refresh that cannot run for lack of configuration. */
    RefreshOutcome notConfigured(String problem) {
        return new RefreshOutcome.Failed(provider, clock.instant(), RefreshOutcome.Kind.NOT_CONFIGURED,
                provider + ": " + problem, Optional.empty());
    }

    /** The outcome of a refresh the provider answered with an error of its own (in a successful HTTP reply). */
    RefreshOutcome rejected(String problem) {
        return new RefreshOutcome.Failed(provider, clock.instant(), RefreshOutcome.Kind.REJECTED,
                provider + ": " + problem, Optional.empty());
    }

    private RefreshOutcome talk(Conversation conversation) {
        try {
            return conversation.talk();
        } catch (FetchFailedException e) {
            Instant now = clock.instant();
            if (e.retryAfter().isPresent()) {
                return new RefreshOutcome.Failed(provider, now, e.kind(), provider + ": " + e.getMessage()
                        + ", retrying after " + ProviderHttp.seconds(e.retryAfter().get()), Optional.of(waitUntil));
            }
            return new RefreshOutcome.Failed(provider, now, e.kind(), provider + ": " + e.getMessage(),
                    Optional.empty());
        } catch (ReplyFormatException | IllegalArgumentException e) {
            // IllegalArgumentException: a figure the reply's numbers lead to was refused by MarketSnapshot's checks
            return new RefreshOutcome.Failed(provider, clock.instant(), RefreshOutcome.Kind.MALFORMED_REPLY,
                    provider + ": the reply is not what " + provider + " sends: " + e.getMessage(), Optional.empty());
        } catch (StoreException e) {
            return new RefreshOutcome.Failed(provider, clock.instant(), RefreshOutcome.Kind.STORE,
                    provider + ": figures received but not stored: " + e.getMessage(), Optional.empty());
        }
    }

    private Optional<String> holdReason(Instant now) {
        if (waitUntil != null && now.isBefore(waitUntil)) {
            return Optional.of("waiting out HTTP 429, next try in "
                    + ProviderHttp.seconds(Duration.between(now, waitUntil).truncatedTo(ChronoUnit.SECONDS)));
        }
        if (lastCall != null && now.isBefore(lastCall.plus(settings.minInterval()))) {
            return Optional.of("asked " + ProviderHttp.seconds(Duration.between(lastCall, now)
                    .truncatedTo(ChronoUnit.SECONDS)) + " ago; at most one call every "
                    + ProviderHttp.seconds(settings.minInterval()));
        }
        return Optional.empty();
    }

    private RefreshOutcome skipped(String message) {
        return new RefreshOutcome.Skipped(provider, clock.instant(), message);
    }
}
