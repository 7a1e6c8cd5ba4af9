package io.hashdesk.core.action;

import java.util.Objects;

/**
 * One pool a miner should mine on, as the action executor sends it: URL ({@code host:port}, an optional
 * {@code stratum+tcp://} prefix allowed), worker name and password. {@link #toString()} hides the password, which is
 * also never journalled (the journal keeps {@link #withoutPassword()}).
 */
public record PoolTarget(String url, String user, String password) {

    public PoolTarget {
        Objects.requireNonNull(url, "pool url");
        Objects.requireNonNull(user, "pool user");
        password = password == null ? "" : password;
    }

    /** The same pool with the password blanked, for the journal, the audit trail and the UI. */
    public PoolTarget withoutPassword() {
        return new PoolTarget(url, user, "");
    }

    @Override
    public String toString() {
        return "PoolTarget[url=" + url + ", user=" + user + ", password=***]";
    }
}
