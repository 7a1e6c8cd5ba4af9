package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-recommendation gates of a pass: expiry, minimum confidence, minimum gain and the cooldowns per miner and
 * type. Each says in words why it stops something.
 */
final class PassFilter {

    private record MinerType(MinerId miner, RecommendationType type) {
    }

    private record Mark(Instant at, RecommendationStatus status) {
    }

    private final RecommendationSettings settings;
    private final Instant now;
    private final Map<MinerType, Mark> lastMark = new HashMap<>();
    private final Map<MinerId, TelemetrySnapshot> latest = new HashMap<>();
    /** Miners an accepted recommendation is being applied to, with its headline. */
    private final Map<MinerId, Recommendation> beingApplied = new HashMap<>();

    /** @param accepted recommendations accepted and still being applied (their miners take no other change yet) */
    PassFilter(RecommendationSettings settings, Instant now, List<CooldownMark> marks, FarmEvidence evidence,
               List<Recommendation> accepted) {
        this.settings = settings;
        this.now = now;
        accepted.forEach(a -> a.target().miners().forEach(m -> beingApplied.putIfAbsent(m, a)));
        for (CooldownMark m : marks) {
            lastMark.merge(new MinerType(m.miner(), m.type()), new Mark(m.at(), m.status()),
                    (a, b) -> a.at().isAfter(b.at()) ? a : b);
        }
        evidence.miners().forEach(f -> f.latest().ifPresent(s -> latest.put(f.miner().id(), s)));
    }

    /** Why {@code r} is not shown, or empty when it passes every gate. */
    Optional<String> reasonToDrop(Recommendation r) {
        RecommendationSettings.TypeRules rules = settings.rules(r.type());
        if (!r.expiresAt().isAfter(now)) {
            return Optional.of("expired at " + r.expiresAt());
        }
        if (r.confidence() < rules.minConfidence()) {
            return Optional.of("confidence " + Words.percent(r.confidence()) + " is below the minimum "
                    + Words.percent(rules.minConfidence()) + " for " + r.type());
        }
        Optional<String> gain = belowMinimumGain(r, rules);
        if (gain.isPresent()) {
            return gain;
        }
        for (MinerId miner : r.target().miners()) {
            Recommendation applying = beingApplied.get(miner);
            if (r.applicable() && applying != null && !applying.id().equals(r.id())) {
                return Optional.of(miner + " is being changed by '" + applying.headline()
                        + "' (accepted, not finished); it takes no other change until that ends");
            }
            Mark mark = lastMark.get(new MinerType(miner, r.type()));
            if (mark != null && mark.at().plus(rules.cooldown()).isAfter(now)) {
                return Optional.of(miner + " had a " + r.type() + " recommendation "
                        + mark.status().name().toLowerCase(java.util.Locale.ROOT) + " at " + mark.at()
                        + "; its cooldown runs until " + mark.at().plus(rules.cooldown()));
            }
        }
        return Optional.empty();
    }

    /** Clearing either configured minimum is enough; advice with neither figure predicted cannot clear one. */
    private Optional<String> belowMinimumGain(Recommendation r, RecommendationSettings.TypeRules rules) {
        Double minUsd = rules.minGainUsdPerDayPerMiner();
        Double minPercent = rules.minEfficiencyGainPercent();
        if (minUsd == null && minPercent == null) {
            return Optional.empty();
        }
        Estimate profit = r.impact().profitUsdPerDay();
        Double perMiner = profit == null ? null : profit.mean() / Math.max(1, r.target().miners().size());
        Double percent = efficiencyGainPercent(r);
        boolean clears = (minUsd != null && perMiner != null && perMiner >= minUsd)
                || (minPercent != null && percent != null && percent >= minPercent);
        if (clears) {
            return Optional.empty();
        }
        return Optional.of("expected gain " + (perMiner == null ? "unknown" : Words.signed(perMiner, 2)
                + " USD/day per miner") + (percent == null ? "" : ", " + Words.signed(percent, 1) + " % J/TH")
                + " is below the minimum for " + r.type() + " (" + (minUsd == null ? "" : Words.number(minUsd, 2)
                + " USD/day per miner") + (minUsd != null && minPercent != null ? " or " : "")
                + (minPercent == null ? "" : Words.number(minPercent, 1) + " % J/TH") + ")");
    }

    /** The J/TH improvement as a percentage of the target miners' current J/TH, when both are known. */
    private Double efficiencyGainPercent(Recommendation r) {
        Estimate delta = r.impact().efficiencyJPerTh();
        if (delta == null) {
            return null;
        }
        double watts = 0;
        double ths = 0;
        for (MinerId miner : r.target().miners()) {
            TelemetrySnapshot s = latest.get(miner);
            if (s == null || s.powerWatts() == null || s.hashrateThs() == null) {
                continue;
            }
            watts += s.powerWatts();
            ths += s.hashrateThs();
        }
        if (ths <= 0) {
            return null;
        }
        return -delta.mean() / (watts / ths) * 100;
    }
}
