package io.hashdesk.core.profit;

/**
 * How a pool pays for hashrate. Only the expected value matters to profit per day; the schemes differ in whether
 * transaction fees reach the miner and in how much the payout swings from day to day.
 */
public enum PayoutScheme {
    /** Pay per share: the block subsidy's expected value per share, fees kept by the pool. */
    PPS(false, false),
    /** PPS for the subsidy, transaction fees shared on top in proportion to shares. */
    PPS_PLUS(true, false),
    /** Full pay per share: subsidy and expected fees paid per share. */
    FPPS(true, false),
    /**
     * Pay per last N shares: the whole reward of the blocks the pool finds (fees included) is shared over the last
     * N shares. Its expected value equals FPPS at the same fee; what differs is pool luck, so daily payouts vary.
     */
    PPLNS(true, true),
    /** Solo: the miner gets whole blocks it finds itself (fees included), expected value as FPPS, huge variance. */
    SOLO(true, true);

    private final boolean paysFees;
    private final boolean variable;

    PayoutScheme(boolean paysFees, boolean variable) {
        this.paysFees = paysFees;
        this.variable = variable;
    }

    /** Whether transaction fees reach the miner. */
    public boolean paysTransactionFees() {
        return paysFees;
    }

    /** Whether a day's payout follows luck rather than the expected value. */
    public boolean payoutVaries() {
        return variable;
    }
}
