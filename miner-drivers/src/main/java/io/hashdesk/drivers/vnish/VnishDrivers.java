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
 * Makes {@link VnishDriver}s that share one HTTP client configuration and the bounds on requests in flight across all
 * miners, with the miners spread by address over a fixed set of connection pools. Redirects are not followed and no
 * proxy is used, so a driver only ever talks to the address it was given.
 */
public final class VnishDrivers implements MinerDriverFactory {

    /**
     * Requests waiting for a reply at once: enough for a large farm's poll cycle (more at once only slows each one
     * down on a 2-core PC); far below the file-descriptor limits of a desktop OS.
     */
    public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 256;
    /** Requests still waiting after this give their slot on: a LAN miner answers in milliseconds. */
    private static final Duration STRAGGLER_AFTER = Duration.ofMillis(500);
    /**
     * Stragglers at once in each of the two {@link SlotPools}, beyond the slots: sockets to hung miners, each open
     * until its request timeout.
     */
    private static final int MAX_STRAGGLERS = 2048;
    /**
     * Connection pools the miners are spread over. OkHttp finds a connection by scanning its pool's every connection,
     * busy ones included, and comparing addresses: with one pool for the farm that scan was the poller's top CPU item,
     * and 500 hung miners (their sockets open until the timeout) made every other request's scan longer. A miner always maps to the same pool, so a read's requests still reuse its
     * connection; a pool per miner was tried and kept 10,000 idle sockets (docs/BENCHMARKS.md).
     */
    private static final int POOL_SHARDS = 64;
    /**
     * Idle connections kept per pool (128 for the farm). A miner polled once a minute reconnects anyway; what idle
     * connections serve is the next request of the same read.
     */
    private static final int MAX_IDLE_PER_POOL = 2;
    private static final long IDLE_KEEP_ALIVE_SECONDS = 30;

    private final OkHttpClient[] clients;
    private final DriverOptions options;
    private final Clock clock;
    private final SlotPools slots;

    public VnishDrivers(DriverOptions options) {
        this(options, Clock.systemUTC(), DEFAULT_MAX_REQUESTS_IN_FLIGHT);
    }

    /**
     * @param clock                stamps snapshots and backups
     * @param maxRequestsInFlight  requests open at once over all drivers to miners that answer, and again to miners
     *                             whose last request went unanswered; more wait (within their time budget)
     */
    public VnishDrivers(DriverOptions options, Clock clock, int maxRequestsInFlight) {
        this(options, clock, maxRequestsInFlight, STRAGGLER_AFTER);
    }

    /** As the public constructor, with the time after which a waiting request hands its slot on (tests). */
    VnishDrivers(DriverOptions options, Clock clock, int maxRequestsInFlight, Duration stragglerAfter) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.slots = new SlotPools(new RequestSlots(maxRequestsInFlight, MAX_STRAGGLERS, stragglerAfter),
                new RequestSlots(maxRequestsInFlight, MAX_STRAGGLERS, stragglerAfter));
        OkHttpClient base = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.requestTimeout())
                .writeTimeout(options.requestTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY)
                .build();
        this.clients = new OkHttpClient[POOL_SHARDS];
        for (int i = 0; i < POOL_SHARDS; i++) {
            // derived clients share the base's dispatcher and threads; only the pool is their own
            clients[i] = base.newBuilder().connectionPool(new ConnectionPool(MAX_IDLE_PER_POOL,
                    IDLE_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)).build();
        }
    }

    /** @throws IllegalArgumentException when the address's host is not a valid host name or IP address */
    @Override
    public VnishDriver open(MinerAddress address, MinerCredentials credentials) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
        return new VnishDriver(new VnishHttp(clientFor(address), address, credentials, options, slots), address,
                options, clock);
    }

    private OkHttpClient clientFor(MinerAddress address) {
        return clients[Math.floorMod(Objects.hash(address.host(), address.httpPort()), POOL_SHARDS)];
    }

    @Override
    public void close() {
        clients[0].dispatcher().executorService().shutdown();
        for (OkHttpClient client : clients) {
            client.connectionPool().evictAll();
        }
        slots.close();
    }
}
