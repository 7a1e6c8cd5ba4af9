package io.hashdesk.drivers.api;

import java.util.Objects;

/**
 * The secret a driver needs to change a miner: Vnish's web password (there is no user name). {@link #toString()}
 * never shows it, so credentials can sit in records that get logged.
 */
public record MinerCredentials(String webPassword) {

    /** The password Vnish ships with. */
    public static final String VNISH_DEFAULT_PASSWORD = "admin";

    public MinerCredentials {
        Objects.requireNonNull(webPassword, "web password");
    }

    public static MinerCredentials of(String webPassword) {
        return new MinerCredentials(webPassword);
    }

    /** Factory-default credentials, for miners nobody has re-secured yet. */
    public static MinerCredentials vnishDefault() {
        return new MinerCredentials(VNISH_DEFAULT_PASSWORD);
    }

    @Override
    public String toString() {
        return "MinerCredentials[webPassword=***]";
    }
}
