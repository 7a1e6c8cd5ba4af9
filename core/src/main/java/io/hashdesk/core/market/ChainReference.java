package io.hashdesk.core.market;

import java.time.Instant;
import java.util.Objects;

/**
 * What the catalog knows of a coin's chain: one block with its time, to estimate today's height from, and the
 * subsidy and halvings as of the catalog's date. {@link Coin} checks these against the coin's subsidy schedule, so
 * a typo in either shows up when the catalog loads.
 *
 * @param referenceHeight     a block whose time is known
 * @param referenceTime       when that block was mined (to the day where the source gives no time)
 * @param currentSubsidyCoins the subsidy as of the catalog's date
 * @param lastHalvingHeight   the height of the last subsidy change as of the catalog's date
 * @param nextHalvingHeight   the height of the next subsidy change, {@code null} when there is none (Dogecoin)
 */
public record ChainReference(long referenceHeight, Instant referenceTime, double currentSubsidyCoins,
                             long lastHalvingHeight, Long nextHalvingHeight) {

    public ChainReference {
        if (referenceHeight < 0) {
            throw new IllegalArgumentException("referenceHeight must not be negative, got " + referenceHeight);
        }
        Objects.requireNonNull(referenceTime, "referenceTime is missing");
        if (!(currentSubsidyCoins > 0) || Double.isInfinite(currentSubsidyCoins)) {
            throw new IllegalArgumentException("currentSubsidyCoins must be a positive number, got "
                    + currentSubsidyCoins);
        }
        if (lastHalvingHeight < 0) {
            throw new IllegalArgumentException("lastHalvingHeight must not be negative, got " + lastHalvingHeight);
        }
        if (nextHalvingHeight != null && nextHalvingHeight <= lastHalvingHeight) {
            throw new IllegalArgumentException("nextHalvingHeight (" + nextHalvingHeight
                    + ") must be above lastHalvingHeight (" + lastHalvingHeight + ")");
        }
    }
}
