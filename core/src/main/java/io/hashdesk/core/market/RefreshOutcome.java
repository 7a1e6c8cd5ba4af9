package io.hashdesk.core.market;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one refresh of one provider came to, with a sentence for the status bar. A failed refresh leaves the previous
 * figures in place; nothing here is ever thrown.
 */
public sealed interface RefreshOutcome {

    /** The provider's display name, e.g. {@code CoinGecko}. */
    String provider();

    /** When the refresh ended. */
    Instant at();

    /** For the operator, starting with the provider's name, e.g. "CoinGecko: HTTP 429, retrying after 60 s". */
    String message();

    /**
     * The provider answered and its figures were stored.
     *
     * @param gaps what the reply lacked, e.g. "no price for bitcoin-cash-sv"; the rest was stored
     */
    record Updated(String provider, Instant at, String message, List<String> gaps) implements RefreshOutcome {
        public Updated {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(at);
            Objects.requireNonNull(message);
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * The refresh failed; the previous figures keep serving.
     *
     * @param retryAt when the provider may be asked again, when it said (HTTP 429)
     */
    record Failed(String provider, Instant at, Kind kind, String message, Optional<Instant> retryAt)
            implements RefreshOutcome {
        public Failed {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(at);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(message);
            Objects.requireNonNull(retryAt);
        }
    }

    /** No request was sent: the provider is off, was asked too recently, or is waiting out a 429. */
    record Skipped(String provider, Instant at, String message) implements RefreshOutcome {
        public Skipped {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(at);
            Objects.requireNonNull(message);
        }
    }

    /** Why a refresh failed, for the UI to pick an icon and for tests. */
    enum Kind {
        /** No reply within the read timeout, after every attempt. */
        TIMEOUT,
        /** No connection: DNS, refused, network down. */
        UNREACHABLE,
        /** HTTP 5xx after every attempt. */
        SERVER_ERROR,
        /** HTTP 429: the provider asked us to slow down. */
        RATE_LIMITED,
        /** The provider refused the request (HTTP 4xx other than 429, or an API error such as a bad key). */
        REJECTED,
        /** The reply was not what the provider's API returns (not JSON, wrong shape, impossible values). */
        MALFORMED_REPLY,
        /** The provider needs something the settings do not give (an API key). */
        NOT_CONFIGURED,
        /** The reply was good but could not be stored. */
        STORE,
        /** The refresh was interrupted (shutdown). */
        INTERRUPTED,
        /** A bug: the provider threw instead of returning an outcome. */
        UNEXPECTED
    }
}
