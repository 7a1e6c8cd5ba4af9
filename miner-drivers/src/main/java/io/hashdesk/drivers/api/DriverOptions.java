package io.hashdesk.drivers.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Time and size bounds every driver call keeps to, so one slow or hostile miner cannot hold a poller thread or fill
 * its memory.
 *
 * @param connectTimeout   longest wait for a TCP connection
 * @param requestTimeout   longest wait for one complete HTTP request or RPC command, body included
 * @param operationTimeout longest a whole driver call ({@code readSnapshot}, {@code apply} with its read-back) may
 *                         take; each request gets what is left of it when that is less than {@code requestTimeout}
 * @param maxReplyBytes    largest reply body read; larger replies are refused without being read to the end
 */
public record DriverOptions(Duration connectTimeout, Duration requestTimeout, Duration operationTimeout,
                            int maxReplyBytes) {

    /** A real Vnish reply is a few kB; 2 MiB leaves room for big chip tables and still bounds memory per poll. */
    public static final int DEFAULT_MAX_REPLY_BYTES = 2 * 1024 * 1024;

    public DriverOptions {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(requestTimeout, "request timeout");
        requirePositive(operationTimeout, "operation timeout");
        if (maxReplyBytes < 1024) {
            throw new IllegalArgumentException("max reply size must be at least 1024 bytes, got " + maxReplyBytes);
        }
    }

    /** 3 s to connect, 5 s per request (what pyasic and asic-rs use against real miners), 15 s per driver call. */
    public static DriverOptions defaults() {
        return new DriverOptions(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15),
                DEFAULT_MAX_REPLY_BYTES);
    }

    public DriverOptions withTimeouts(Duration connect, Duration request, Duration operation) {
        return new DriverOptions(connect, request, operation, maxReplyBytes);
    }

    public DriverOptions withMaxReplyBytes(int bytes) {
        return new DriverOptions(connectTimeout, requestTimeout, operationTimeout, bytes);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
