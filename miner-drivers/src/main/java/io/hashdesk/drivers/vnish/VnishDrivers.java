package io.hashdesk.drivers.vnish;

import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriverFactory;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Makes {@link VnishDriver}s that share one HTTP client: one connection pool and one bound on requests in flight
 * across all miners. Redirects are not followed and no proxy is used, so a driver only ever talks to the address it
 * was given.
 */
public final class VnishDrivers implements MinerDriverFactory {

    /**
     * Requests waiting for a reply at once: enough for a large farm's poll cycle (more at once only slows each one
     * down on a 2-core PC); far below the file-descriptor limits of a desktop OS.
     */
    public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 256;
    /** Requests still waiting after this give their slot on: a LAN miner answers in milliseconds. */
    private static final Duration STRAGGLER_AFTER = Duration.ofMillis(500);
    /** Stragglers at once, beyond the slots: sockets to hung miners, each open until its request timeout. */
    private static final int MAX_STRAGGLERS = 2048;
    /**
     * Idle connections kept for the whole farm. A miner polled once a minute reconnects anyway; keeping one idle socket
     * per miner (a pool per miner, tried against the pool's linear scan) held 10,000 descriptors on both sides or, with
     * a short keep-alive, spent more CPU closing them than the scan cost (docs/BENCHMARKS.md).
     */
    private static final int MAX_IDLE_CONNECTIONS = 32;
    private static final long IDLE_KEEP_ALIVE_SECONDS = 30;

    private final OkHttpClient client;
    private final DriverOptions options;
    private final Clock clock;
    private final RequestSlots inFlight;

    public VnishDrivers(DriverOptions options) {
        this(options, Clock.systemUTC(), DEFAULT_MAX_REQUESTS_IN_FLIGHT);
    }

    /**
     * @param clock                stamps snapshots and backups
     * @param maxRequestsInFlight  requests open at once over all drivers; more wait (within their time budget)
     */
    public VnishDrivers(DriverOptions options, Clock clock, int maxRequestsInFlight) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inFlight = new RequestSlots(maxRequestsInFlight, MAX_STRAGGLERS, STRAGGLER_AFTER);
        this.client = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.requestTimeout())
                .writeTimeout(options.requestTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY)
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, IDLE_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                .build();
    }

    /** @throws IllegalArgumentException when the address's host is not a valid host name or IP address */
    @Override
    public VnishDriver open(MinerAddress address, MinerCredentials credentials) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
        return new VnishDriver(new VnishHttp(client, address, credentials, options, inFlight), address, options,
                clock);
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        inFlight.close();
    }
}
