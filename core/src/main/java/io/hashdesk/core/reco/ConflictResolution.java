package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settles recommendations that would set the same settings of the same miner (POWER against OVERCLOCK, a COOLING
 * derate, a SCHEDULE): the protective type wins, else the higher expected gain × confidence. The loser is dropped and
 * named in the winner's reasoning, so the operator sees what else was considered.
 */
final class ConflictResolution {

    /** Settings that fight each other: anything that decides the clocks, the fan controller, the pool list. */
    enum SettingGroup {
        CLOCKS,
        FAN_CONTROL,
        POOLS
    }

    record Result(List<Recommendation> kept, List<DroppedRecommendation> dropped) {
    }

    private record Claim(MinerId miner, SettingGroup group) {
    }

    private ConflictResolution() {
    }

    static Result resolve(List<Recommendation> recommendations, RecommendationSettings.ConflictRules rules) {
        Set<RecommendationType> protective = rules.protectiveTypes().isEmpty()
                ? EnumSet.noneOf(RecommendationType.class) : EnumSet.copyOf(rules.protectiveTypes());
        List<Recommendation> order = recommendations.stream().sorted(Comparator
                .comparing((Recommendation r) -> !protective.contains(r.type()))
                .thenComparing(Comparator.comparingDouble(Recommendation::rankScore).reversed())
                .thenComparing(Recommendation::id)).toList();
        Map<Claim, Recommendation> claimed = new HashMap<>();
        Map<String, List<String>> beaten = new LinkedHashMap<>();
        List<Recommendation> winners = new ArrayList<>();
        List<DroppedRecommendation> dropped = new ArrayList<>();
        for (Recommendation r : order) {
            List<Claim> claims = claims(r);
            Set<Recommendation> against = new LinkedHashSet<>();
            claims.forEach(c -> {
                Recommendation w = claimed.get(c);
                if (w != null) {
                    against.add(w);
                }
            });
            if (against.isEmpty()) {
                claims.forEach(c -> claimed.put(c, r));
                winners.add(r);
                continue;
            }
            Recommendation winner = against.iterator().next();
            String why = protective.contains(winner.type()) && !protective.contains(r.type())
                    ? winner.type() + " protects the hardware and goes first"
                    : "expected gain × confidence " + Words.number(winner.rankScore(), 2) + " against "
                    + Words.number(r.rankScore(), 2);
            dropped.add(new DroppedRecommendation(r, "conflicts with " + winner.id() + " (" + winner.headline()
                    + "): " + why));
            against.forEach(w -> beaten.computeIfAbsent(w.id(), id -> new ArrayList<>()).add(r.type() + " \""
                    + r.headline() + "\" (" + (w == winner ? why : "it also touched this one's settings") + ")"));
        }
        List<Recommendation> kept = new ArrayList<>(winners.size());
        for (Recommendation w : winners) {
            List<String> losers = beaten.get(w.id());
            kept.add(losers == null ? w : w.withReasoning(w.reasoning() + " Preferred over " + String.join("; ",
                    losers) + "."));
        }
        return new Result(kept, dropped);
    }

    private static List<Claim> claims(Recommendation r) {
        List<Claim> claims = new ArrayList<>();
        for (SettingChange c : r.changes()) {
            for (SettingGroup g : groups(c.to())) {
                claims.add(new Claim(c.miner(), g));
            }
        }
        return claims;
    }

    static Set<SettingGroup> groups(SettingValues v) {
        Set<SettingGroup> groups = EnumSet.noneOf(SettingGroup.class);
        if (v.preset() != null || v.powerTargetWatts() != null || v.frequencyMhz() != null || v.voltageVolts() != null
                || v.throttlePercent() != null || v.miningPaused() != null) {
            groups.add(SettingGroup.CLOCKS);
        }
        if (v.targetTempC() != null || v.fanMinDutyPercent() != null) {
            groups.add(SettingGroup.FAN_CONTROL);
        }
        if (v.pools() != null) {
            groups.add(SettingGroup.POOLS);
        }
        return groups;
    }
}
