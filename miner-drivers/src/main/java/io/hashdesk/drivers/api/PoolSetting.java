package io.hashdesk.drivers.api;

import java.util.Objects;

/**
 * One stratum pool to configure. The URL may be given with or without a scheme; Vnish stores {@code host:port}, which
 * {@link #hostAndPort()} gives. {@link #toString()} hides the password.
 */
public record PoolSetting(String url, String user, String password) {

    private static final int MAX_LENGTH = 255;

    public PoolSetting {
        Objects.requireNonNull(url, "pool url");
        Objects.requireNonNull(user, "pool user");
        password = password == null ? "" : password;
        url = url.strip();
        if (url.isEmpty() || url.length() > MAX_LENGTH || url.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("pool url must be 1–" + MAX_LENGTH + " characters without spaces");
        }
        if (user.isBlank() || user.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("pool user must be 1–" + MAX_LENGTH + " characters");
        }
        String hostPort = stripScheme(url);
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1 || !hostPort.substring(colon + 1).chars()
                .allMatch(Character::isDigit) || hostPort.contains("@")) {
            // The URL is left out of the message: a mistyped one may carry user:password@.
            throw new IllegalArgumentException("pool url must look like host:port (a stratum+tcp:// prefix is allowed,"
                    + " credentials in the URL are not)");
        }
    }

    /** The URL as Vnish stores it: {@code btc.foundryusapool.com:3333}, without {@code stratum+tcp://}. */
    public String hostAndPort() {
        return stripScheme(url);
    }

    /**
     * Any pool URL reduced to {@code host:port}: no scheme, no {@code user:password@}, no path. Snapshots carry pool
     * URLs in this form so that the web API ({@code host:port}) and the RPC ({@code stratum+tcp://host:port}) agree
     * and no credential ever reaches the store.
     */
    public static String withoutCredentials(String url) {
        String rest = stripScheme(url.strip());
        int at = rest.lastIndexOf('@');
        return at < 0 ? rest : rest.substring(at + 1);
    }

    private static String stripScheme(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @Override
    public String toString() {
        return "PoolSetting[url=" + url + ", user=" + user + ", password=***]";
    }
}
