package io.hashdesk.core.reco;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of recommendations: measures the outcomes that are due, runs every advisor on the evidence with the
 * stored track record, lets through what clears its expiry, minimum confidence, minimum gain and cooldowns, settles
 * conflicts, ranks by expected gain × confidence and saves the result (updating advice already stored under the same
 * stable id and superseding what is no longer advised). A pass is computation over evidence gathered beforehand plus
 * a few store reads and one write.
 */
public final class RecommendationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationEngine.class);

    private final List<Advisor> advisors;
    private final RecommendationStore store;
    private final OutcomeMeasurement outcomes;
    private final RecommendationSettings settings;

    public RecommendationEngine(List<Advisor> advisors, RecommendationStore store, OutcomeMeasurement outcomes,
                                RecommendationSettings settings) {
        this.advisors = List.copyOf(advisors);
        this.store = store;
        this.outcomes = outcomes;
        this.settings = settings;
    }

    /** The miner-level advisors: power and overclock, cooling, maintenance, and the miners' own risks. */
    public static List<Advisor> minerAdvisors(RecommendationSettings settings, PolicyReplay replay) {
        return List.of(new PowerAdvisor(settings, replay), new CoolingAdvisor(settings),
                new MaintenanceAdvisor(settings, MaintenancePlaybook.bundled()), new MinerRiskAdvisor(settings));
    }

    /** Every advisor: the miner-level ones and the economic ones (schedule, switching, upgrade, market risk). */
    public static List<Advisor> allAdvisors(RecommendationSettings settings, EconomicAdviceSettings economic,
                                            PolicyReplay replay) {
        List<Advisor> all = new ArrayList<>(minerAdvisors(settings, replay));
        all.addAll(List.of(new ScheduleAdvisor(economic, replay), new SwitchAdvisor(economic, replay),
                new UpgradeAdvisor(economic), new MarketRiskAdvisor(economic)));
        return List.copyOf(all);
    }

    public PassReport run(FarmEvidence evidence, Instant now) {
        long start = System.nanoTime();
        int expired = store.expire(now);
        List<MeasuredOutcome> measured = outcomes.measureDue(store, evidence, now);
        TrackRecord trackRecord = StoredTrackRecord.load(store, settings.trackRecord());
        List<String> failures = new ArrayList<>();
        Map<String, Recommendation> advised = new LinkedHashMap<>();
        for (Advisor advisor : advisors) {
            for (Recommendation r : advise(advisor, evidence, now, trackRecord, failures)) {
                Recommendation normalised = normalised(r, now);
                advised.merge(normalised.id(), normalised, (a, b) -> a.rankScore() >= b.rankScore() ? a : b);
            }
        }
        List<Recommendation> accepted = store.list(RecommendationQuery.inbox()
                .withStatuses(Set.of(RecommendationStatus.ACCEPTED))).stream()
                .map(StoredRecommendation::recommendation).toList();
        PassFilter filter = new PassFilter(settings, now, store.cooldownMarks(now.minus(longestCooldown())),
                evidence, accepted);
        List<Recommendation> passed = new ArrayList<>();
        List<DroppedRecommendation> dropped = new ArrayList<>();
        for (Recommendation r : advised.values()) {
            filter.reasonToDrop(r).ifPresentOrElse(why -> dropped.add(new DroppedRecommendation(r, why)),
                    () -> passed.add(r));
        }
        ConflictResolution.Result resolved = ConflictResolution.resolve(passed, settings.conflicts());
        dropped.addAll(resolved.dropped());
        List<Recommendation> ranked = resolved.kept().stream().sorted(Comparator
                .comparingDouble(Recommendation::rankScore).reversed()
                .thenComparing(Recommendation::urgency, Comparator.reverseOrder())
                .thenComparing(Recommendation::id)).toList();
        PassSave saved = store.savePass(ranked, now);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Recommendation pass: {} advised, {} shown, {} dropped, {} superseded, {} outcome(s) measured"
                + " in {} ms",
                advised.size(), ranked.size(), dropped.size(), saved.superseded(), measured.size(), took.toMillis());
        return new PassReport(now, ranked, dropped, saved, expired, measured, failures, took);
    }

    /** One advisor's advice; a failing advisor costs its own advice only, and is reported and logged here. */
    private static List<Recommendation> advise(Advisor advisor, FarmEvidence evidence, Instant now,
                                               TrackRecord trackRecord, List<String> failures) {
        try {
            return advisor.advise(evidence, now, trackRecord);
        } catch (RuntimeException e) {
            String name = advisor.getClass().getSimpleName();
            LOG.error("{} failed; the pass goes on without its advice", name, e);
            failures.add(name + " failed: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Valid no longer than the type's expiry; ranked by expected profit gain × confidence when profit is predicted,
     * else by the advisor's own score (the revenue at stake × confidence for advice that protects miners).
     */
    private Recommendation normalised(Recommendation r, Instant now) {
        Instant latest = now.plus(settings.rules(r.type()).expiry());
        Recommendation capped = r.expiresAt().isAfter(latest) ? r.withExpiresAt(latest) : r;
        Estimate profit = r.impact().profitUsdPerDay();
        return profit == null ? capped : capped.withRankScore(Math.max(0, profit.mean()) * r.confidence());
    }

    private Duration longestCooldown() {
        return Arrays.stream(RecommendationType.values()).map(t -> settings.rules(t).cooldown())
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
}
