package io.hashdesk.core.store;

/**
 * What the miners of one algorithm add up to. Kept apart per algorithm because a Scrypt miner's hashrate is not
 * comparable with a SHA-256 miner's, and mixing their power into one J/TH would make fleet efficiency meaningless.
 *
 * @param reportingMiners miners with a fresh snapshot that counted here
 * @param hashrateThs     their summed hashrate, in the stored unit (TH/s; convert with the algorithm's display unit)
 * @param powerWatts      their summed power
 */
public record AlgorithmTotals(int reportingMiners, double hashrateThs, double powerWatts) {

    public static final AlgorithmTotals NONE = new AlgorithmTotals(0, 0, 0);

    /** These totals with one more miner's figures added. */
    public AlgorithmTotals plus(double minerHashrateThs, double minerPowerWatts) {
        return new AlgorithmTotals(reportingMiners + 1, hashrateThs + minerHashrateThs, powerWatts + minerPowerWatts);
    }

    /** Joules per TH of this algorithm's miners, or {@code null} while they do not hash. */
    public Double efficiencyJPerTh() {
        return hashrateThs > 0 ? powerWatts / hashrateThs : null;
    }
}
