package io.hashdesk.core.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MAINTENANCE from the maintenance model's failure outlooks and the anomaly detector's findings: one recommendation
 * per miner with its warning signs, the playbook's steps and parts for the likely failure, and an urgency from the
 * failure probability per day of its horizon. Accepting it opens a work order (see {@link RecommendationStore}).
 */
public final class MaintenanceAdvisor implements Advisor {

    private static final double SECONDS_PER_DAY = 86_400;

    private final RecommendationSettings settings;
    private final MaintenancePlaybook playbook;

    public MaintenanceAdvisor(RecommendationSettings settings, MaintenancePlaybook playbook) {
        this.settings = settings;
        this.playbook = playbook;
    }

    private record Signals(FailureOutlook failure, AnomalyFinding anomaly) {
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        RecommendationSettings.MaintenanceRules rules = settings.maintenance();
        EvidenceIndex index = new EvidenceIndex(evidence);
        Map<MinerId, Signals> byMiner = new TreeMap<>();
        for (FailureOutlook f : evidence.failures()) {
            if (f.probability() >= rules.workOrderProbability()) {
                byMiner.merge(f.miner(), new Signals(f, null), (a, b) -> new Signals(
                        a.failure() == null || b.failure().probability() > a.failure().probability() ? b.failure()
                                : a.failure(), a.anomaly()));
            }
        }
        for (AnomalyFinding a : evidence.anomalies()) {
            if (a.score() >= rules.anomalyScore()) {
                byMiner.merge(a.miner(), new Signals(null, a), (x, y) -> new Signals(x.failure(),
                        x.anomaly() == null || y.anomaly().score() > x.anomaly().score() ? y.anomaly() : x.anomaly()));
            }
        }
        List<Recommendation> out = new ArrayList<>();
        byMiner.forEach((miner, signals) -> index.facts(miner).ifPresent(f ->
                out.add(recommend(f.miner(), signals, index, now, trackRecord))));
        return out;
    }

    private Recommendation recommend(Miner miner, Signals s, EvidenceIndex index, Instant now,
                                     TrackRecord trackRecord) {
        FailureOutlook failure = s.failure();
        AnomalyFinding anomaly = s.anomaly();
        String kind = failure == null ? "GENERIC" : failure.kind();
        MaintenancePlaybook.Entry entry = playbook.forKind(kind);
        // two independent signs that something is wrong: the chance that at least one is right
        double modelConfidence = 1 - (1 - (failure == null ? 0 : failure.probability()))
                * (1 - (anomaly == null ? 0 : anomaly.score()));
        double confidence = Math.max(0, Math.min(1,
                trackRecord.confidence(RecommendationType.MAINTENANCE, modelConfidence)));
        String label = EvidenceIndex.label(miner);
        List<String> evidenceLines = new ArrayList<>();
        List<String> modelVersions = new ArrayList<>();
        StringBuilder reasoning = new StringBuilder();
        if (failure != null) {
            reasoning.append("The maintenance model gives ").append(label).append(" a ")
                    .append(Words.percent(failure.probability())).append(" chance of a ").append(kind)
                    .append(" failure within ").append(days(failure.horizon())).append(". ");
            failure.warningSigns().forEach(w -> evidenceLines.add("warning sign: " + w));
            modelVersions.add(failure.modelVersion());
        }
        if (anomaly != null) {
            reasoning.append("The anomaly detector flags it with a score of ")
                    .append(Words.number(anomaly.score(), 2)).append(" (1 is strangest)")
                    .append(anomaly.reasons().isEmpty() ? "" : ": " + String.join("; ", anomaly.reasons()))
                    .append(". ");
            anomaly.reasons().forEach(r -> evidenceLines.add("stands out: " + r));
            modelVersions.add(anomaly.modelVersion());
        }
        reasoning.append("Suggested: ").append(entry.title().toLowerCase(java.util.Locale.ROOT)).append('.');
        return new Recommendation(RecommendationIds.forAdvice(RecommendationType.MAINTENANCE, List.of(miner.id()),
                kind), RecommendationType.MAINTENANCE, new RecommendationTarget(TargetScope.MINER, label,
                miner.position().roomId(), List.of(miner.id())), List.of(), ExpectedImpact.none(), confidence,
                entry.title() + ": " + label, reasoning.toString(), evidenceLines, entry.steps(), urgency(failure,
                anomaly), now, now.plus(settings.rules(RecommendationType.MAINTENANCE).expiry()),
                modelVersions.stream().distinct().sorted().toList(),
                index.revenueUsdPerDay(miner.id()) * confidence, Optional.empty(), entry.parts());
    }

    /** From the failure probability per day of its horizon; an anomaly alone asks for a look soon, not now. */
    private Urgency urgency(FailureOutlook failure, AnomalyFinding anomaly) {
        if (failure == null) {
            return anomaly == null ? Urgency.LOW : Urgency.MEDIUM;
        }
        RecommendationSettings.MaintenanceRules rules = settings.maintenance();
        double days = Math.max(failure.horizon().toSeconds() / SECONDS_PER_DAY, 1.0 / 24);
        double perDay = failure.probability() / days;
        if (perDay >= rules.criticalProbabilityPerDay()) {
            return Urgency.CRITICAL;
        }
        if (perDay >= rules.highProbabilityPerDay()) {
            return Urgency.HIGH;
        }
        return perDay >= rules.mediumProbabilityPerDay() || anomaly != null ? Urgency.MEDIUM : Urgency.LOW;
    }

    private static String days(Duration horizon) {
        long hours = horizon.toHours();
        return hours < 48 ? hours + " hours" : horizon.toDays() + " days";
    }
}
