package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.profit.PoolTerms;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A policy {@link PolicyReplay} can replay over the farm's recent history, as plain data. */
public sealed interface ReplayPolicy {

    /** The miners the policy touches; the others are left out of the comparison. */
    List<MinerId> miners();

    /**
     * POWER: each miner's hashrate and power shifted by a fixed amount in every hour it was hashing.
     *
     * @param deltas per miner, the change (after − before)
     */
    record PowerChange(Map<MinerId, Delta> deltas) implements ReplayPolicy {

        public PowerChange {
            deltas = Map.copyOf(deltas);
        }

        @Override
        public List<MinerId> miners() {
            return deltas.keySet().stream().sorted().toList();
        }
    }

    /** A change in hashrate (TH/s) and wall power (W). */
    record Delta(double hashrateThs, double powerWatts) {
    }

    /**
     * SCHEDULE: pause a miner after {@code pauseAfter} hours in a row above the strike price, resume after
     * {@code resumeAfter} at or below it.
     *
     * @param strikePricePerKwh the fixed strike in the tariff's currency, or {@code null} for each miner's break-even
     *                          price in each hour
     */
    record Curtailment(List<MinerId> miners, Double strikePricePerKwh, int pauseAfter, int resumeAfter)
            implements ReplayPolicy {

        public Curtailment {
            miners = List.copyOf(miners);
            new Hysteresis(pauseAfter, resumeAfter);
        }
    }

    /**
     * COIN_SWITCH: the miners mine {@code toCoin} on a pool with {@code toTerms} the whole window, after paying the
     * switching cost once.
     */
    record CoinSwitch(List<MinerId> miners, String toCoin, PoolTerms toTerms, double switchingCostUsd)
            implements ReplayPolicy {

        public CoinSwitch {
            miners = List.copyOf(miners);
            Objects.requireNonNull(toCoin, "to coin");
            Objects.requireNonNull(toTerms, "to terms");
        }
    }
}
