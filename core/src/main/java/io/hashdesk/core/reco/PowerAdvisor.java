package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * POWER and OVERCLOCK from the power optimiser's proposals: one recommendation per miner, or one for a group of the
 * same model in one room given the same proposal. Confidence is the curve's own: the probability its constraints
 * hold, times how tight its interval is beside the gain, weighted down when the curve is uncalibrated, and then
 * corrected by the type's track record. Each carries the backtest of its predicted change over the farm's recent
 * stored days.
 */
public final class PowerAdvisor implements Advisor {

    private final RecommendationSettings settings;
    private final PolicyReplay replay;

    /** @param replay what the change would have done over the farm's recent days, shown beside the advice */
    public PowerAdvisor(RecommendationSettings settings, PolicyReplay replay) {
        this.settings = settings;
        this.replay = replay;
    }

    private record Proposed(SettingProposal proposal, Miner miner) {
    }

    private record GroupKey(RecommendationType type, String modelId, String roomId, SettingValues current,
                            SettingValues proposed) {
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        EvidenceIndex index = new EvidenceIndex(evidence);
        Map<GroupKey, List<Proposed>> groups = new LinkedHashMap<>();
        evidence.proposals().stream().sorted(Comparator.comparing(SettingProposal::miner)).forEach(p ->
                index.facts(p.miner()).ifPresent(f -> groups.computeIfAbsent(new GroupKey(p.type(),
                        f.miner().modelId(), f.miner().position().roomId(), p.current(), p.proposed()),
                        k -> new ArrayList<>()).add(new Proposed(p, f.miner()))));
        List<Recommendation> out = new ArrayList<>();
        groups.forEach((key, members) -> {
            if (members.size() >= settings.power().groupMinMiners()) {
                out.add(recommend(key, members, now, trackRecord));
            } else {
                members.forEach(m -> out.add(recommend(key, List.of(m), now, trackRecord)));
            }
        });
        return out;
    }

    private Recommendation recommend(GroupKey key, List<Proposed> members, Instant now, TrackRecord trackRecord) {
        List<SettingChange> changes = members.stream().map(m -> new SettingChange(m.miner().id(),
                m.miner().modelId(), key.current(), key.proposed())).toList();
        ExpectedImpact impact = combined(members);
        double probabilityHolds = members.stream().mapToDouble(m -> m.proposal().probabilityConstraintsHold())
                .min().orElse(0);
        boolean calibrated = members.stream().allMatch(m -> m.proposal().calibrated());
        double modelConfidence = clamp(probabilityHolds * tightness(impact)
                * (calibrated ? 1 : settings.power().uncalibratedFactor()));
        double confidence = clamp(trackRecord.confidence(key.type(), modelConfidence));
        boolean single = members.size() == 1;
        RecommendationTarget target = single
                ? new RecommendationTarget(TargetScope.MINER, EvidenceIndex.label(members.getFirst().miner()),
                key.roomId(), List.of(members.getFirst().miner().id()))
                : new RecommendationTarget(TargetScope.GROUP, members.size() + " " + key.modelId() + " in "
                + key.roomId(), key.roomId(), changes.stream().map(SettingChange::miner).toList());
        String to = Words.settings(key.proposed());
        String headline = (key.type() == RecommendationType.OVERCLOCK ? "Clock " : "Set ") + target.label() + " to "
                + to;
        int probes = members.stream().mapToInt(m -> m.proposal().probes()).min().orElse(0);
        String reasoning = reasoning(key, members.size(), impact, probabilityHolds, calibrated, probes);
        List<String> evidenceLines = new ArrayList<>(Words.impactLines(impact));
        evidenceLines.add("probability every safety limit holds: " + Words.percent(probabilityHolds));
        evidenceLines.add("fewest settled probes behind a curve: " + probes + (calibrated ? "" : " (uncalibrated)"));
        if (impact.pricedAt() != null) {
            evidenceLines.add("profit priced at " + Words.pricing(impact.pricedAt())
                    + "; the measured outcome will be priced at the same figures");
        }
        double gain = impact.profitUsdPerDay() == null ? 0 : Math.max(0, impact.profitUsdPerDay().mean());
        Optional<Backtest> backtest = replay.replay(new ReplayPolicy.PowerChange(deltas(members)), now);
        return new Recommendation(RecommendationIds.forChanges(key.type(), changes), key.type(), target, changes,
                impact, confidence, headline, reasoning, evidenceLines, steps(to), Urgency.LOW, now,
                now.plus(settings.rules(key.type()).expiry()),
                members.stream().map(m -> m.proposal().modelVersion()).distinct().sorted().toList(),
                gain * confidence, backtest, List.of());
    }

    /** Each unit's predicted change, the curve's central values, for replaying over stored history. */
    private static Map<MinerId, ReplayPolicy.Delta> deltas(List<Proposed> members) {
        Map<MinerId, ReplayPolicy.Delta> deltas = new LinkedHashMap<>();
        for (Proposed m : members) {
            ExpectedImpact i = m.proposal().impact();
            if (i.hashrateThs() != null && i.powerWatts() != null) {
                deltas.put(m.miner().id(), new ReplayPolicy.Delta(i.hashrateThs().mean(), i.powerWatts().mean()));
            }
        }
        return deltas;
    }

    private static String reasoning(GroupKey key, int units, ExpectedImpact impact, double probabilityHolds,
                                    boolean calibrated, int probes) {
        String who = units == 1 ? "this unit's" : "each of these " + units + " units'";
        return "The efficiency curve fitted on " + who + " own settled measurements (at least " + probes
                + " probes" + (calibrated ? "" : ", too few for calibrated intervals, so they are indicative") + ")"
                + " predicts, moving from " + Words.settings(key.current()) + " to " + Words.settings(key.proposed())
                + ": " + String.join("; ", Words.impactLines(impact)) + ", at the prices in force. The probability"
                + " that every safety limit holds there is " + Words.percent(probabilityHolds) + ".";
    }

    private static List<String> steps(String to) {
        return List.of("Take the firmware's settings backup", "Set " + to + ", in steps if the change is large",
                "Read the settings back and verify them, then watch the settle window",
                "Keep the change, or roll it back automatically if hashrate collapses, chips overheat or the miner"
                        + " drops offline");
    }

    /**
     * Totals over the group; J/TH as the group's mean change (the units are the same model on the same setting). The
     * group's profit keeps its market figures only when every unit was priced at the same ones (units of one model in
     * one room on different pools may not be); else its outcome is priced at the figures of the day it is measured.
     */
    private static ExpectedImpact combined(List<Proposed> members) {
        Estimate hashrate = null;
        Estimate power = null;
        Estimate efficiency = null;
        Estimate profit = null;
        OutcomePricing pricedAt = members.getFirst().proposal().impact().pricedAt();
        boolean first = true;
        for (Proposed m : members) {
            ExpectedImpact i = m.proposal().impact();
            hashrate = first ? i.hashrateThs() : sum(hashrate, i.hashrateThs());
            power = first ? i.powerWatts() : sum(power, i.powerWatts());
            efficiency = first ? i.efficiencyJPerTh() : sum(efficiency, i.efficiencyJPerTh());
            profit = first ? i.profitUsdPerDay() : sum(profit, i.profitUsdPerDay());
            pricedAt = Objects.equals(pricedAt, i.pricedAt()) ? pricedAt : null;
            first = false;
        }
        return new ExpectedImpact(hashrate, power, efficiency == null ? null : efficiency.times(1.0 / members.size()),
                profit, profit == null ? null : pricedAt);
    }

    private static Estimate sum(Estimate a, Estimate b) {
        return a == null || b == null ? null : a.plus(b);
    }

    /**
     * The gain beside its interval's half-width: 1 when the interval is a point, ½ when the gain is as wide as the
     * interval's half, near 0 when the interval dwarfs it. Profit when predicted, else J/TH (lower is the gain).
     */
    static double tightness(ExpectedImpact impact) {
        Estimate e = impact.profitUsdPerDay() != null ? impact.profitUsdPerDay() : impact.efficiencyJPerTh();
        if (e == null) {
            return 0;
        }
        double gain = impact.profitUsdPerDay() != null ? e.mean() : -e.mean();
        if (gain <= 0) {
            return 0;
        }
        return gain / (gain + e.width() / 2);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
