package io.hashdesk.app.detail;

/** The charts of the miner detail screen, in the order shown, with the unit of their value axis. */
public enum ChartKind {
    HASHRATE("Hashrate", "TH/s"),
    TEMPERATURE("Temperatures", "°C"),
    FANS("Fan speed", "rpm"),
    POWER("Power", "W"),
    EFFICIENCY("Efficiency", "J/TH"),
    REJECTS("Rejected shares", "%");

    private final String title;
    private final String unit;

    ChartKind(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public String title() {
        return title;
    }

    /** The SHA-256 unit; a Scrypt miner's hashrate and efficiency charts say their own (see {@link MinerHistory}). */
    public String unit() {
        return unit;
    }
}
