package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.TelemetryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures what an applied recommendation did: each target miner's mean hashrate and power over a window before its
 * change and one after (past a settle time), from the 5-minute rollups. The change seen over the same windows on
 * untouched miners of the same model in the same room is subtracted (a difference in differences; miners another
 * recommendation changed around the same time are not taken as controls), which removes
 * what the whole room went through — an ambient swing, pool luck — and both windows are priced at the same market
 * figures, so a market move is not counted either.
 *
 * <p>A target miner that another recommendation changed within the windows is left out: its before/after difference
 * would mix the two changes (a schedule step curtailing it hours after a power change, say) and no control removes
 * that. A schedule step is measured but not judged against its interval: the schedule predicts its whole 24-hour
 * plan's average against keeping every miner as it is, while the windows around one step see only part of the plan,
 * next to yesterday's run of the same plan.
 */
public final class OutcomeMeasurement {

    private final TelemetryStore telemetry;
    private final RecommendationSettings.OutcomeRules rules;

    public OutcomeMeasurement(TelemetryStore telemetry, RecommendationSettings.OutcomeRules rules) {
        this.telemetry = telemetry;
        this.rules = rules;
    }

    private record Means(double hashrateThs, double powerWatts) {
        Means minus(Means other) {
            return new Means(hashrateThs - other.hashrateThs, powerWatts - other.powerWatts);
        }
    }

    private record Change(Means before, Means after) {
        Means delta() {
            return after.minus(before);
        }
    }

    /**
     * Measures every applied recommendation whose after-window has ended and keeps the outcome in the store; one with
     * too little data is kept too, saying so, so it is not tried again on every pass.
     */
    public List<MeasuredOutcome> measureDue(RecommendationStore store, FarmEvidence evidence, Instant now) {
        List<Miner> fleet = evidence.miners().stream().map(MinerFacts::miner).toList();
        List<MeasuredOutcome> measured = new ArrayList<>();
        List<StoredRecommendation> due = store.awaitingOutcome().stream().filter(s -> !s.appliedAt().orElseThrow()
                .plus(rules.settle()).plus(rules.after()).isAfter(now)).toList();
        if (due.isEmpty()) {
            return measured;
        }
        Instant earliest = due.stream().map(s -> s.appliedAt().orElseThrow()).min(Instant::compareTo).orElseThrow();
        List<CooldownMark> marks = store.cooldownMarks(earliest.minus(rules.before()));
        for (StoredRecommendation s : due) {
            Instant finished = s.appliedAt().orElseThrow();
            Recommendation r = s.recommendation();
            MeasuredOutcome outcome = measure(r, s.actionId().orElseThrow(), finished, fleet,
                    changedInWindows(marks, r, finished), OutcomePricing.forOutcomeOf(r, evidence.economics().nextDay()),
                    now);
            store.recordOutcome(outcome);
            measured.add(outcome);
        }
        return measured;
    }

    /**
     * When another recommendation changed (or tried to: a rolled-back one is dismissed) each miner between the start
     * of the before-window and the end of the after-window of {@code r}, finished at {@code finished}; {@code r}'s own
     * marks (its targets, its type, at the moment it finished) are not another change.
     */
    private Map<MinerId, List<Instant>> changedInWindows(List<CooldownMark> marks, Recommendation r,
                                                        Instant finished) {
        Instant from = finished.minus(rules.before());
        Instant to = finished.plus(rules.settle()).plus(rules.after());
        Set<MinerId> targets = Set.copyOf(r.target().miners());
        Map<MinerId, List<Instant>> changed = new HashMap<>();
        marks.stream().filter(m -> !m.at().isBefore(from) && !m.at().isAfter(to))
                .filter(m -> !(targets.contains(m.miner()) && m.type() == r.type() && m.at().equals(finished)))
                .forEach(m -> changed.computeIfAbsent(m.miner(), k -> new ArrayList<>()).add(m.at()));
        return changed;
    }

    /** The before-window ends at the change, the after-window starts after the settle time. */
    private record Window(Instant beforeFrom, Instant finished, Instant afterFrom, Instant afterTo) {
    }

    /**
     * The windows around a change at {@code finished}, cut short where another change to the same miner falls in them
     * (the before-window starts after the last earlier one has settled, the after-window ends at the next one); empty
     * when nothing is left of one of them.
     */
    private Optional<Window> windowFor(Instant finished, List<Instant> otherChanges) {
        Instant beforeFrom = finished.minus(rules.before());
        Instant afterFrom = finished.plus(rules.settle());
        Instant afterTo = afterFrom.plus(rules.after());
        for (Instant other : otherChanges) {
            if (!other.isAfter(finished)) {
                Instant settled = other.plus(rules.settle());
                beforeFrom = settled.isAfter(beforeFrom) ? settled : beforeFrom;
            } else if (other.isBefore(afterTo)) {
                afterTo = other;
            }
        }
        return beforeFrom.isBefore(finished) && afterFrom.isBefore(afterTo)
                ? Optional.of(new Window(beforeFrom, finished, afterFrom, afterTo)) : Optional.empty();
    }

    /**
     * Measures one applied recommendation against the untouched miners of {@code fleet}.
     *
     * @param changedNearby when something else changed miners within the windows: those are never taken as
     *                      controls, and a target among them is measured only over the part of the windows before
     *                      and after its other changes (not at all when too little is left)
     */
    public MeasuredOutcome measure(Recommendation r, String actionId, Instant changeFinishedAt, List<Miner> fleet,
                                   Map<MinerId, List<Instant>> changedNearby, Optional<OutcomePricing> pricing,
                                   Instant now) {
        Set<MinerId> targets = new HashSet<>(r.target().miners());
        Set<MinerId> notControls = new HashSet<>(targets);
        notControls.addAll(changedNearby.keySet());
        Map<MinerId, Miner> byId = new HashMap<>();
        fleet.forEach(m -> byId.put(m.id(), m));
        Map<MinerId, SettingChange> settingChanges = new HashMap<>();
        r.changes().forEach(c -> settingChanges.put(c.miner(), c));
        Map<String, Optional<Means>> controlShiftByPeerGroupAndWindow = new HashMap<>();
        Set<MinerId> controlsUsed = new HashSet<>();
        double beforeThs = 0;
        double beforeWatts = 0;
        Means total = new Means(0, 0);
        int treated = 0;
        int confounded = 0;
        for (MinerId id : r.target().miners()) {
            Optional<Window> window = windowFor(changeFinishedAt, changedNearby.getOrDefault(id, List.of()));
            if (window.isEmpty()) {
                confounded++;
                continue;
            }
            // a miner removed from the inventory since has no history to read
            Miner miner = byId.get(id);
            SettingChange setting = settingChanges.get(id);
            Optional<Change> change = miner == null ? Optional.empty() : change(id, window.get(),
                    SettingReadings.at(setting == null ? null : setting.from()),
                    SettingReadings.at(setting == null ? null : setting.to()));
            if (change.isEmpty()) {
                continue;
            }
            String peerGroup = miner.modelId() + "|" + miner.position().roomId() + "|" + window.get();
            Optional<Means> shift = controlShiftByPeerGroupAndWindow.computeIfAbsent(peerGroup, g ->
                    controlShift(fleet, miner, notControls, window.get(), controlsUsed));
            Means delta = change.get().delta();
            delta = shift.map(delta::minus).orElse(delta);
            total = new Means(total.hashrateThs() + delta.hashrateThs(), total.powerWatts() + delta.powerWatts());
            beforeThs += change.get().before().hashrateThs();
            beforeWatts += change.get().before().powerWatts();
            treated++;
        }
        if (treated == 0) {
            String why = confounded == r.target().miners().size()
                    ? "another recommendation changed its miner(s) right before or after this change, leaving no"
                    + " window to compare that does not mix the two."
                    : "none of its miners has " + rules.minSamples() + " five-minute readings in both windows around"
                    + " the change (cut short where other changes to the same miners fall).";
            return new MeasuredOutcome(r.id(), actionId, r.type(), changeFinishedAt, now, 0, 0, null, null, null,
                    null, r.impact(), null, null, "Not measurable: " + why);
        }
        Double efficiency = beforeThs > 0 && beforeThs + total.hashrateThs() > 0
                ? (beforeWatts + total.powerWatts()) / (beforeThs + total.hashrateThs()) - beforeWatts / beforeThs
                : null;
        Means sum = total;
        Double profit = pricing.map(p -> p.profitUsdPerDay(sum.hashrateThs(), sum.powerWatts())).orElse(null);
        return judged(r, actionId, changeFinishedAt, now, treated, controlsUsed.size(), total.hashrateThs(),
                total.powerWatts(), efficiency, profit);
    }

    private MeasuredOutcome judged(Recommendation r, String actionId, Instant finished, Instant now, int treated,
                                   int controls, double hashrate, double power, Double efficiency, Double profit) {
        ExpectedImpact p = forMeasured(r.impact(), treated, r.target().miners().size());
        String headline = null;
        Boolean inside = null;
        Estimate predicted = null;
        Double measured = null;
        if (p.efficiencyJPerTh() != null && efficiency != null) {
            headline = "efficiencyJPerTh";
            predicted = p.efficiencyJPerTh();
            measured = efficiency;
        } else if (p.profitUsdPerDay() != null && profit != null) {
            headline = "profitUsdPerDay";
            predicted = p.profitUsdPerDay();
            measured = profit;
        } else if (p.powerWatts() != null) {
            headline = "powerWatts";
            predicted = p.powerWatts();
            measured = power;
        } else if (p.hashrateThs() != null) {
            headline = "hashrateThs";
            predicted = p.hashrateThs();
            measured = hashrate;
        }
        String how = "Measured over " + rules.before().toHours() + " h before and " + rules.after().toHours()
                + " h after on " + treated + " miner(s), " + (controls == 0 ? "with no untouched peer to adjust by"
                : "adjusted by " + controls + " untouched peer(s) of the same model and room");
        String summary;
        if (r.type() == RecommendationType.SCHEDULE) {
            // the plan's 24 h average against no plan is not what the windows around one of its steps measure
            summary = how + ": hashrate " + Words.signed(hashrate, 2) + " TH/s, power " + Words.signed(power, 0)
                    + " W; not comparable with the prediction, which is the whole 24-hour plan's average against"
                    + " keeping every miner as it is.";
            return new MeasuredOutcome(r.id(), actionId, r.type(), finished, now, treated, controls, hashrate, power,
                    efficiency, profit, p, null, null, summary);
        }
        if (predicted != null) {
            inside = predicted.contains(measured);
            summary = how + ": " + headline + " " + Words.signed(measured, 2) + " against the predicted "
                    + Words.signed(predicted.mean(), 2) + " (" + Words.signed(predicted.low(), 2) + " to "
                    + Words.signed(predicted.high(), 2) + "), " + (inside ? "inside" : "outside") + " the interval.";
        } else {
            summary = how + ": hashrate " + Words.signed(hashrate, 2) + " TH/s, power " + Words.signed(power, 0)
                    + " W; nothing was predicted to judge it by.";
        }
        return new MeasuredOutcome(r.id(), actionId, r.type(), finished, now, treated, controls, hashrate, power,
                efficiency, profit, p, inside, headline, summary);
    }

    /**
     * The prediction for the miners that could be measured: when only some of a group's miners could be, the group's
     * totals in proportion (its units are alike: one model on one setting). J/TH, the group's mean, stays as it is.
     */
    private static ExpectedImpact forMeasured(ExpectedImpact predicted, int treated, int targets) {
        if (treated >= targets) {
            return predicted;
        }
        double share = treated / (double) targets;
        return new ExpectedImpact(times(predicted.hashrateThs(), share), times(predicted.powerWatts(), share),
                predicted.efficiencyJPerTh(), times(predicted.profitUsdPerDay(), share), predicted.pricedAt());
    }

    private static Estimate times(Estimate e, double factor) {
        return e == null ? null : e.times(factor);
    }

    /** The mean change of the untouched peers (same model and room) that have data in both windows. */
    private Optional<Means> controlShift(List<Miner> fleet, Miner treated, Set<MinerId> notControls,
                                        Window window, Set<MinerId> used) {
        double ths = 0;
        double watts = 0;
        int peers = 0;
        for (Miner m : fleet) {
            if (notControls.contains(m.id()) || !m.modelId().equals(treated.modelId())
                    || !m.position().roomId().equals(treated.position().roomId())) {
                continue;
            }
            Optional<Change> change = change(m.id(), window);
            if (change.isPresent()) {
                Means d = change.get().delta();
                ths += d.hashrateThs();
                watts += d.powerWatts();
                peers++;
                used.add(m.id());
            }
        }
        return peers == 0 ? Optional.empty() : Optional.of(new Means(ths / peers, watts / peers));
    }

    private Optional<Change> change(MinerId miner, Window window) {
        return change(miner, window, p -> true, p -> true);
    }

    /** The change between the readings at {@code before} in the before-window and at {@code after} in the after-window. */
    private Optional<Change> change(MinerId miner, Window window, Predicate<SeriesPoint> before,
                                    Predicate<SeriesPoint> after) {
        Optional<Means> meansBefore = means(miner, window.beforeFrom(), window.finished(), before);
        Optional<Means> meansAfter = means(miner, window.afterFrom(), window.afterTo(), after);
        return meansBefore.isPresent() && meansAfter.isPresent()
                ? Optional.of(new Change(meansBefore.get(), meansAfter.get())) : Optional.empty();
    }

    /**
     * Sample-weighted means over the buckets that report both hashrate and power and show the wanted setting, when
     * there are enough.
     */
    private Optional<Means> means(MinerId miner, Instant from, Instant to, Predicate<SeriesPoint> wanted) {
        double ths = 0;
        double watts = 0;
        long samples = 0;
        int buckets = 0;
        for (SeriesPoint p : telemetry.series(miner, from, to, Resolution.FIVE_MINUTES)) {
            if (p.hashrateThs() == null || p.powerWatts() == null || p.samples() == 0 || !wanted.test(p)) {
                continue;
            }
            ths += p.hashrateThs().mean() * p.samples();
            watts += p.powerWatts().mean() * p.samples();
            samples += p.samples();
            buckets++;
        }
        return buckets < rules.minSamples() ? Optional.empty()
                : Optional.of(new Means(ths / samples, watts / samples));
    }
}
