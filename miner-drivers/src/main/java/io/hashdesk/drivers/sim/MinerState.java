package io.hashdesk.drivers.sim;

/**
 * The firmware's {@code miner_state} values, plus {@link #OFFLINE} for a unit that is rebooting and answers nothing.
 */
public enum MinerState {
    MINING("mining"),
    INITIALIZING("initializing"),
    STARTING("starting"),
    AUTO_TUNING("auto-tuning"),
    RESTARTING("restarting"),
    SHUTTING_DOWN("shutting-down"),
    STOPPED("stopped"),
    FAILURE("failure"),
    /** Rebooting: both ports are closed, so no reply ever carries this state. */
    OFFLINE("offline");

    private final String wireName;

    MinerState(String wireName) {
        this.wireName = wireName;
    }

    /** The value as the firmware writes it in {@code miner_state}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the chips are hashing (autotuning hashes too, at the stock clocks of the preset being tuned). */
    public boolean hashing() {
        return this == MINING || this == AUTO_TUNING;
    }
}
