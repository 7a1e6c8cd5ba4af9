package io.hashdesk.core.pool;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a pool listens, normalised so that the URL a miner reports ({@code stratum+tcp://BTC.viabtc.io:3333}) and the
 * one an operator typed ({@code btc.viabtc.io:3333}) compare equal.
 *
 * @param host lower-case host name or address
 * @param port the stratum port, or {@code null} when the URL names none
 */
public record PoolEndpoint(String host, Integer port) {

    /** {@code scheme://} (stratum+tcp, stratum+ssl, stratum2+tcp, tcp, ...) is optional; user info is not allowed. */
    private static final Pattern URL = Pattern.compile(
            "^(?:([a-z][a-z0-9+.-]*)://)?([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:]+])(?::(\\d{1,5}))?/?$");
    private static final int MAX_PORT = 65_535;

    public PoolEndpoint {
        Objects.requireNonNull(host, "host");
        if (port != null && (port < 1 || port > MAX_PORT)) {
            throw new IllegalArgumentException("A pool port must be 1–65535, got " + port);
        }
    }

    /**
     * Reads a pool URL as miners and operators write it.
     *
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static PoolEndpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("A pool URL is empty");
        }
        String text = url.strip().toLowerCase(Locale.ROOT);
        Matcher m = URL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + url.strip() + "' is not a pool URL (expected e.g."
                    + " stratum+tcp://pool.example.com:3333)");
        }
        Integer port = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (port != null && (port < 1 || port > MAX_PORT)) {
            throw new IllegalArgumentException("'" + url.strip() + "' has port " + port + "; a port is 1–65535");
        }
        return new PoolEndpoint(m.group(2), port);
    }

    /** Same host, and the same port unless one of them names none. */
    public boolean matches(PoolEndpoint other) {
        return host.equals(other.host) && (port == null || other.port == null || port.equals(other.port));
    }

    @Override
    public String toString() {
        return port == null ? host : host + ":" + port;
    }
}
