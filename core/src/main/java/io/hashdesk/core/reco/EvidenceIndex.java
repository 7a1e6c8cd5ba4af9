package io.hashdesk.core.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.profit.MinerProfit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One pass's evidence looked up by miner: what it is, where, its latest reading and what it earns a day. */
final class EvidenceIndex {

    private final Map<MinerId, MinerFacts> facts;
    private final Map<MinerId, MinerProfit> profit;

    EvidenceIndex(FarmEvidence evidence) {
        facts = HashMap.newHashMap(evidence.miners().size());
        for (MinerFacts f : evidence.miners()) {
            facts.put(f.miner().id(), f);
        }
        profit = HashMap.newHashMap(evidence.miners().size());
        for (MinerProfit p : evidence.economics().nextDay().profit().miners()) {
            profit.put(p.miner(), p);
        }
    }

    Optional<MinerFacts> facts(MinerId id) {
        return Optional.ofNullable(facts.get(id));
    }

    Optional<TelemetrySnapshot> latest(MinerId id) {
        MinerFacts f = facts.get(id);
        return f == null ? Optional.empty() : f.latest();
    }

    /** {@code antminer-s19j-pro m-017 (hall-a / R3 / 2-4)}. */
    static String label(Miner miner) {
        return miner.modelId() + " " + miner.id().value() + " (" + miner.position().label() + ")";
    }

    String label(MinerId id) {
        MinerFacts f = facts.get(id);
        return f == null ? id.value() : label(f.miner());
    }

    /**
     * What the miner is expected to earn over the next day before energy, USD; 0 when it could not be priced. Advice
     * that protects a miner ranks by the share of this it puts at stake.
     */
    double revenueUsdPerDay(MinerId id) {
        MinerProfit p = profit.get(id);
        return p == null || !Double.isFinite(p.revenueUsd()) ? 0 : p.revenueUsd();
    }
}
