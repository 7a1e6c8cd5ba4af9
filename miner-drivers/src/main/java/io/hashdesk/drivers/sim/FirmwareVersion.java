package io.hashdesk.drivers.sim;

import java.util.regex.Pattern;

/**
 * The Vnish firmware a simulated miner plays, e.g. {@code 1.2.7} or {@code 1.3.4}. The line decides the route set
 * and reply shapes: 1.2.x serves {@code /chains}, {@code /chips} and {@code /find-miner}; 1.3.x serves
 * {@code /boards}, {@code /locate-miner} and {@code /mining/throttle} and adds {@code throttled},
 * {@code restart_count} and {@code psu} to its replies.
 */
public record FirmwareVersion(String version) {

    private static final Pattern SUPPORTED = Pattern.compile("1\\.[23]\\.\\d+(-[A-Za-z0-9.]+)?");

    public FirmwareVersion {
        if (version == null || !SUPPORTED.matcher(version).matches()) {
            throw new IllegalArgumentException("firmware version must be 1.2.x or 1.3.x (e.g. 1.2.7, 1.3.4-rc1), got '"
                    + version + "'");
        }
    }

    public static FirmwareVersion of(String version) {
        return new FirmwareVersion(version);
    }

    /** True for 1.3.x, the line with {@code /boards} and throttling. */
    public boolean boardsApi() {
        return version.startsWith("1.3.");
    }

    /** The firmware's build time, written the way {@code /info.build_time} writes it. */
    public String buildTime() {
        return boardsApi() ? "2025-09-18 10:41:07+00:00" : "2025-05-29 19:22:26+00:00";
    }

    @Override
    public String toString() {
        return version;
    }
}
