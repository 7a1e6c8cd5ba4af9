package io.hashdesk.core.reco;

import java.util.EnumMap;
import java.util.Map;

/**
 * The track record kept in the store: per type, the share of applied recommendations whose measured outcome fell
 * inside the predicted interval, shrunk toward the intervals' nominal coverage by a Beta prior worth
 * {@code priorStrength} outcomes. A model's confidence is scaled by that share over the nominal coverage: a type whose
 * 90 % intervals held 90 % of the time keeps its models' confidence, one whose intervals held half as often halves it.
 */
public final class StoredTrackRecord implements TrackRecord {

    private final Map<RecommendationType, OutcomeTally> tallies;
    private final RecommendationSettings.TrackRecordRules rules;

    private StoredTrackRecord(Map<RecommendationType, OutcomeTally> tallies,
                              RecommendationSettings.TrackRecordRules rules) {
        this.tallies = tallies.isEmpty() ? Map.of() : new EnumMap<>(tallies);
        this.rules = rules;
    }

    public static StoredTrackRecord of(Map<RecommendationType, OutcomeTally> tallies,
                                       RecommendationSettings.TrackRecordRules rules) {
        return new StoredTrackRecord(tallies, rules);
    }

    /** The track record as the store's outcomes stand now. */
    public static StoredTrackRecord load(RecommendationStore store, RecommendationSettings.TrackRecordRules rules) {
        return of(store.outcomeTally(), rules);
    }

    /** The posterior mean share of outcomes inside their interval, 0–1. */
    public double hitRate(RecommendationType type) {
        OutcomeTally t = tallies.getOrDefault(type, new OutcomeTally(0, 0));
        double prior = rules.priorStrength();
        return (t.inside() + prior * rules.nominalCoverage()) / (t.judged() + prior);
    }

    /** How many of the type's outcomes were judged. */
    public int judged(RecommendationType type) {
        return tallies.getOrDefault(type, new OutcomeTally(0, 0)).judged();
    }

    @Override
    public double confidence(RecommendationType type, double modelConfidence) {
        double scaled = modelConfidence * hitRate(type) / rules.nominalCoverage();
        return Math.max(0, Math.min(1, scaled));
    }
}
