package io.hashdesk.core.domain;

import java.util.Arrays;

/**
 * What a miner is doing, as far as the poller can tell. The numeric code is what the store persists,
 * so codes never change meaning once released.
 */
public enum MinerStatus {
    /** Hashing normally. */
    MINING(1, true),
    /** Booting, initialising hashboards or auto-tuning; no steady hashrate yet. */
    STARTING(2, false),
    /** Answering but mining was stopped (by an operator or the firmware). */
    STOPPED(3, false),
    /** Answering and reporting a failure (e.g. all chains failed, overheating shutdown). */
    FAILURE(4, false),
    /** Answering but refusing our credentials. */
    AUTH_FAILED(5, false),
    /** Not answering at all. */
    OFFLINE(6, false),
    /** Answering with something we could not interpret. */
    UNKNOWN(7, false);

    private static final MinerStatus[] BY_CODE = new MinerStatus[8];

    static {
        Arrays.stream(values()).forEach(s -> BY_CODE[s.code] = s);
    }

    private final int code;
    private final boolean hashing;

    MinerStatus(int code, boolean hashing) {
        this.code = code;
        this.hashing = hashing;
    }

    /** The persisted code. */
    public int code() {
        return code;
    }

    /** Whether the miner is producing hashrate in this state (counts as "online" in uptime statistics). */
    public boolean hashing() {
        return hashing;
    }

    public static MinerStatus ofCode(int code) {
        if (code < 1 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("Unknown miner status code " + code);
        }
        return BY_CODE[code];
    }
}
