package io.hashdesk.core.domain.catalog;

/**
 * The proof-of-work a miner computes. It decides which coins the miner can earn and in which unit operators read its
 * hashrate (TH/s for SHA-256, MH/s for Scrypt); the stored value is TH/s either way.
 */
public enum Algorithm {
    SHA256("SHA-256", HashrateUnit.TH_S),
    SCRYPT("Scrypt", HashrateUnit.MH_S);

    private final String displayName;
    private final HashrateUnit displayUnit;

    Algorithm(String displayName, HashrateUnit displayUnit) {
        this.displayName = displayName;
        this.displayUnit = displayUnit;
    }

    public String displayName() {
        return displayName;
    }

    /** The unit spec sheets and operators use for this algorithm (an L7 is "9500 MH/s", not "0.0095 TH/s"). */
    public HashrateUnit displayUnit() {
        return displayUnit;
    }
}
