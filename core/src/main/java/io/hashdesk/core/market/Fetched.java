package io.hashdesk.core.market;

import java.time.Instant;

/** A successful reply's body and when it arrived. */
record Fetched(String body, Instant receivedAt) {
}
