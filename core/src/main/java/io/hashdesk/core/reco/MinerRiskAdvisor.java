package io.hashdesk.core.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * RISK the miners themselves carry: a room where many units run with thin thermal headroom (one hot afternoon from
 * throttling together), and firmware drift (units of one model on different firmware versions, which then tune,
 * report and fail differently).
 */
public final class MinerRiskAdvisor implements Advisor {

    private final RecommendationSettings settings;

    public MinerRiskAdvisor(RecommendationSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        EvidenceIndex index = new EvidenceIndex(evidence);
        List<Recommendation> out = new ArrayList<>();
        thinRooms(evidence, index, now, trackRecord, out);
        firmwareDrift(evidence, index, now, trackRecord, out);
        return out;
    }

    private void thinRooms(FarmEvidence evidence, EvidenceIndex index, Instant now, TrackRecord trackRecord,
                           List<Recommendation> out) {
        RecommendationSettings.RiskRules rules = settings.risk();
        Map<String, List<ThermalOutlook>> byRoom = new TreeMap<>();
        evidence.thermal().stream().sorted(Comparator.comparing(ThermalOutlook::miner)).forEach(t ->
                index.facts(t.miner()).ifPresent(f -> byRoom.computeIfAbsent(f.miner().position().roomId(),
                        r -> new ArrayList<>()).add(t)));
        byRoom.forEach((room, units) -> {
            List<ThermalOutlook> thin = units.stream().filter(t -> t.headroomC() < rules.roomHeadroomC()).toList();
            double share = (double) thin.size() / units.size();
            if (thin.size() < rules.roomMinUnits() || share < rules.roomThinShare()) {
                return;
            }
            List<MinerId> miners = thin.stream().map(ThermalOutlook::miner).toList();
            double likelihood = thin.stream().mapToDouble(t -> t.likelihoodHeadroomBelow(rules.roomHeadroomC()))
                    .average().orElse(0);
            double confidence = clamp(trackRecord.confidence(RecommendationType.RISK, likelihood));
            double minHeadroom = thin.stream().mapToDouble(ThermalOutlook::headroomC).min().orElse(0);
            double meanAmbient = thin.stream().mapToDouble(ThermalOutlook::ambientC).average().orElse(0);
            String reasoning = thin.size() + " of " + units.size() + " units in " + room + " ("
                    + Words.percent(share) + ") are forecast with less than " + Words.number(rules.roomHeadroomC(), 1)
                    + " °C of chip temperature headroom, the least " + Words.number(minHeadroom, 1)
                    + " °C, with intake air around " + Words.number(meanAmbient, 1) + " °C. A few degrees warmer and"
                    + " they throttle or shut down together; check the room's cooling before the hottest hours.";
            List<String> evidenceLines = thin.stream().map(t -> t.miner() + ": headroom "
                    + Words.number(t.headroomC(), 1) + " °C, intake " + Words.number(t.ambientC(), 1) + " °C ("
                    + t.ambientSource() + ")").toList();
            out.add(new Recommendation(RecommendationIds.forAdvice(RecommendationType.RISK, miners,
                    "thermal-headroom-" + room), RecommendationType.RISK, new RecommendationTarget(TargetScope.ROOM,
                    "Room " + room, room, miners), List.of(), ExpectedImpact.none(), confidence, "Room " + room
                    + ": " + thin.size() + " units with thin thermal headroom", reasoning, evidenceLines, List.of(
                    "Check the room's air intake, exhaust and cooling capacity",
                    "Consider the COOLING recommendations for the units named"),
                    minHeadroom < 0 || share >= 2 * rules.roomThinShare() ? Urgency.HIGH : Urgency.MEDIUM, now,
                    now.plus(settings.rules(RecommendationType.RISK).expiry()),
                    thin.stream().map(ThermalOutlook::modelVersion).distinct().sorted().toList(),
                    miners.stream().mapToDouble(index::revenueUsdPerDay).sum() * confidence, Optional.empty(),
                    List.of()));
        });
    }

    private void firmwareDrift(FarmEvidence evidence, EvidenceIndex index, Instant now, TrackRecord trackRecord,
                               List<Recommendation> out) {
        Map<String, List<Miner>> byModel = new TreeMap<>();
        evidence.miners().forEach(f -> byModel.computeIfAbsent(f.miner().modelId(), m -> new ArrayList<>())
                .add(f.miner()));
        byModel.forEach((model, miners) -> {
            List<Miner> reported = miners.stream().filter(m -> !m.firmware().isEmpty())
                    .sorted(Comparator.comparing(Miner::id)).toList();
            Map<String, List<Miner>> byVersion = reported.stream().collect(Collectors.groupingBy(Miner::firmware,
                    TreeMap::new, Collectors.toList()));
            if (byVersion.size() < 2) {
                return;
            }
            String common = byVersion.entrySet().stream().max(Comparator.comparingInt(
                    (Map.Entry<String, List<Miner>> e) -> e.getValue().size()).thenComparing(Map.Entry::getKey,
                    Comparator.reverseOrder())).orElseThrow().getKey();
            List<MinerId> others = reported.stream().filter(m -> !m.firmware().equals(common)).map(Miner::id).toList();
            // the drift itself is a fact; what is uncertain is how much of the model's fleet has reported
            double reportedShare = (double) reported.size() / miners.size();
            double confidence = clamp(trackRecord.confidence(RecommendationType.RISK, reportedShare));
            String versions = byVersion.entrySet().stream().map(e -> e.getKey() + " on " + e.getValue().size())
                    .collect(Collectors.joining(", "));
            String reasoning = "The " + reported.size() + " " + model + " units that reported their firmware run "
                    + byVersion.size() + " versions: " + versions + ". Units of one model on different firmware"
                    + " tune, report and fail differently, so one setting or one fix does not fit them all; bring the "
                    + others.size() + " that differ to " + common + " or choose one version deliberately.";
            List<MinerId> targets = reported.stream().map(Miner::id).toList();
            out.add(new Recommendation(RecommendationIds.forAdvice(RecommendationType.RISK, targets,
                    "firmware-drift|" + String.join(",", byVersion.keySet())), RecommendationType.RISK,
                    new RecommendationTarget(TargetScope.GROUP, reported.size() + " " + model + " on "
                            + byVersion.size() + " firmware versions", roomOf(reported), targets), List.of(),
                    ExpectedImpact.none(), confidence, model + ": firmware drift across " + byVersion.size()
                    + " versions", reasoning, byVersion.entrySet().stream().map(e -> e.getKey() + ": "
                    + e.getValue().stream().map(m -> m.id().value()).collect(Collectors.joining(", "))).toList(),
                    List.of("Check the release notes of " + String.join(" and ", byVersion.keySet()),
                            "Update the " + others.size() + " units that differ, a few at a time"),
                    Urgency.LOW, now, now.plus(settings.rules(RecommendationType.RISK).expiry()), List.of(),
                    others.stream().mapToDouble(index::revenueUsdPerDay).sum() * confidence, Optional.empty(),
                    List.of()));
        });
    }

    private static String roomOf(List<Miner> miners) {
        List<String> rooms = miners.stream().map(m -> m.position().roomId()).distinct().toList();
        return rooms.size() == 1 ? rooms.getFirst() : null;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
