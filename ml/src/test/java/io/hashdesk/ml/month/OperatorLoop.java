package io.hashdesk.ml.month;

import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionListener;
import io.hashdesk.core.action.ActionPlan;
import io.hashdesk.core.action.ActionPlanner;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.ActionValidator;
import io.hashdesk.core.action.Sleeper;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.reco.EconomicAdviceSettings;
import io.hashdesk.core.reco.EconomicEvidenceSource;
import io.hashdesk.core.reco.FarmEvidence;
import io.hashdesk.core.reco.MeasuredOutcome;
import io.hashdesk.core.reco.MinerFacts;
import io.hashdesk.core.reco.OutcomeMeasurement;
import io.hashdesk.core.reco.OutcomePricing;
import io.hashdesk.core.reco.PassReport;
import io.hashdesk.core.reco.PolicyBacktest;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationApplier;
import io.hashdesk.core.reco.RecommendationEngine;
import io.hashdesk.core.reco.RecommendationQuery;
import io.hashdesk.core.reco.RecommendationSettings;
import io.hashdesk.core.reco.RecommendationStatus;
import io.hashdesk.core.reco.RecommendationStore;
import io.hashdesk.core.reco.StoredRecommendation;
import io.hashdesk.ml.advice.FarmEvidenceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The loop an operator runs on the farm with Hashdesk: build the evidence (the champion models through
 * {@link FarmEvidenceBuilder}, the economics through {@link EconomicEvidenceSource}), run the recommendation engine
 * with every advisor and the 7-day backtest, and apply each recommendation that changes miners (the engine has
 * already held back what is below its type's minimum confidence or gain) as the inbox's one click does, through
 * {@link RecommendationApplier} and the action executor, waiting for each action to end before the next. The engine
 * measures applied recommendations' outcomes on its later passes; the loop keeps the tally.
 *
 * <p>The executor changes one miner at a time here ({@value #ACTION_SETTINGS}), so its settle and watch waits can
 * move the simulation's clock from its single miner thread: every write, read-back and observation then happens at
 * a definite simulated instant. The app's default changes 20 miners at once (5 per room).
 */
final class OperatorLoop {

    static final String OPERATOR = "month evaluation";
    private static final String ACTION_SETTINGS = "{\"minersAtOnce\": 1, \"minersAtOncePerRoom\": 1}";
    private static final Duration BACKTEST_WINDOW = Duration.ofDays(7);
    private static final RecommendationQuery APPLIED = new RecommendationQuery(Set.of(), null, null,
            Set.of(RecommendationStatus.APPLIED), Integer.MAX_VALUE);
    /** The applier settles a recommendation on the executor's thread just after the action completes. */
    private static final long SETTLE_WAIT_MILLIS = 5_000;

    private final FarmMonth month;
    private final FarmEvidenceBuilder evidence;
    private final EconomicEvidenceSource economics;
    private final RecommendationEngine engine;
    private final OutcomeMeasurement outcomes;
    private final RecommendationSettings.OutcomeRules rules;
    private final RecommendationStore recommendations;
    private final RecommendationApplier applier;
    private final WriteAudit audit;
    private final LoopTally tally = new LoopTally();
    private final Set<String> seen = new HashSet<>();

    private OperatorLoop(FarmMonth month, FarmEvidenceBuilder evidence, EconomicEvidenceSource economics,
                         RecommendationEngine engine, OutcomeMeasurement outcomes, RecommendationSettings settings,
                         RecommendationApplier applier, WriteAudit audit) {
        this.month = month;
        this.evidence = evidence;
        this.economics = economics;
        this.engine = engine;
        this.outcomes = outcomes;
        this.rules = settings.outcomes();
        this.recommendations = month.store().recommendations();
        this.applier = applier;
        this.audit = audit;
    }

    static OperatorLoop start(FarmMonth month) throws IOException {
        Path data = Files.createDirectories(month.dataFolder());
        Files.writeString(data.resolve(ActionSettings.OVERRIDES_FILE), ACTION_SETTINGS);
        RecommendationSettings settings = RecommendationSettings.load(data);
        EconomicAdviceSettings economic = EconomicAdviceSettings.inDataFolder(data);
        ProfitSettings profit = ProfitSettings.inDataFolder(data);
        OutcomeMeasurement outcomes = new OutcomeMeasurement(month.store().telemetry(), settings.outcomes());
        RecommendationEngine engine = new RecommendationEngine(RecommendationEngine.allAdvisors(settings, economic,
                new PolicyBacktest(month.store(), CoinCatalog.bundled(), month.catalog(), profit, BACKTEST_WINDOW)),
                month.store().recommendations(), outcomes, settings);
        ActionSettings actions = ActionSettings.load(data);
        ActionValidator validator = new ActionValidator(month.catalog(), actions);
        ActionPlanner planner = new ActionPlanner(validator, actions, ActionPlanner.roomsOf(month.store().registry()),
                month.clock());
        WriteAudit audit = new WriteAudit(new SimulatorSettingsPort(month.fleet()), month.store().registry(),
                month.catalog());
        Sleeper simulated = duration -> month.advanceTo(month.clock().instant().plus(duration));
        ActionExecutor executor = new ActionExecutor(audit, month.store().actions(), validator, planner, actions,
                month.clock(), simulated);
        RecommendationApplier applier = new RecommendationApplier(month.store().recommendations(),
                month.store().actions(), executor, planner, audit, month.clock());
        EconomicEvidenceSource economics = new EconomicEvidenceSource(month.store(), CoinCatalog.bundled(),
                month.catalog(), profit, MarketSettings.defaults().staleAfter(), economic);
        return new OperatorLoop(month, new FarmEvidenceBuilder(month.store(), month.registry(), month.catalog(), data),
                economics, engine, outcomes, settings, applier, audit);
    }

    /** One look at the inbox at {@code now}: a pass, then every applicable recommendation applied. */
    void act(Instant now) throws InterruptedException {
        month.flush();
        FarmEvidence farm = evidenceAt(now);
        PassReport report = engine.run(farm, now);
        tally.pass();
        report.measured().forEach(outcome -> record(outcome, farm, now));
        for (Recommendation r : report.shown()) {
            if (seen.add(r.id())) {
                tally.recommended(r.type());
            }
            if (r.applicable()) {
                apply(r);
            }
        }
    }

    /** Measures what is due at the end of the month (later changes have no complete after-window). */
    void finish(Instant end) {
        month.flush();
        FarmEvidence farm = evidenceAt(end);
        outcomes.measureDue(recommendations, farm, end).forEach(outcome -> record(outcome, farm, end));
    }

    LoopTally tally() {
        return tally;
    }

    WriteAudit audit() {
        return audit;
    }

    private FarmEvidence evidenceAt(Instant now) {
        return evidence.build(now, economics.gather(now));
    }

    private void apply(Recommendation r) throws InterruptedException {
        if (!month.clock().instant().isBefore(r.expiresAt())) {
            // an earlier action of this pass outlasted this advice: the next pass advises afresh
            return;
        }
        ActionPlan plan = applier.plan(r.id(), OPERATOR);
        tally.accepted(r.type());
        ActionState state;
        try {
            state = applier.apply(plan, OPERATOR, ActionListener.NONE).completion().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the action for " + r.id() + " stopped unfinished", e.getCause());
        }
        switch (state) {
            case KEPT -> tally.kept(r.type());
            case ROLLED_BACK, PARTLY_ROLLED_BACK -> tally.rolledBack(r.type());
            default -> tally.failed(r.type());
        }
        awaitSettled(r.id());
    }

    /** Waits (in real time, briefly) until the applier has marked the recommendation applied or dismissed. */
    private void awaitSettled(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_WAIT_MILLIS;
        while (recommendations.find(id).orElseThrow().status() == RecommendationStatus.ACCEPTED) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("recommendation " + id + " was not settled after its action ended");
            }
            Thread.sleep(1);
        }
    }

    /**
     * Counts the engine's measurement as stored, and the same recommendation measured again here with only untouched
     * peers as controls, as an independent check of the engine's choice of controls.
     */
    private void record(MeasuredOutcome stored, FarmEvidence farm, Instant now) {
        count(LoopTally.Controls.AS_STORED, stored);
        Instant finished = stored.changeFinishedAt();
        Recommendation r = recommendations.find(stored.recommendationId()).orElseThrow().recommendation();
        Set<MinerId> targets = Set.copyOf(r.target().miners());
        Instant from = finished.minus(rules.before());
        Instant to = finished.plus(rules.settle()).plus(rules.after());
        Map<MinerId, List<Instant>> touched = new HashMap<>();
        for (StoredRecommendation other : appliedSince(from)) {
            Instant at = other.appliedAt().orElseThrow();
            if (!other.actionId().orElseThrow().equals(stored.actionId()) && !at.isAfter(to)) {
                other.recommendation().target().miners().forEach(m ->
                        touched.computeIfAbsent(m, k -> new ArrayList<>()).add(at));
            }
        }
        // a target another action changed in the windows is measured only between its changes; the others are no
        // control
        Map<MinerId, List<Instant>> touchedTargets = new HashMap<>(touched);
        touchedTargets.keySet().retainAll(targets);
        List<Miner> fleet = farm.miners().stream().map(MinerFacts::miner)
                .filter(m -> targets.contains(m.id()) || !touched.containsKey(m.id())).toList();
        count(LoopTally.Controls.UNTOUCHED_ONLY, outcomes.measure(r, stored.actionId(), finished, fleet,
                touchedTargets, OutcomePricing.forOutcomeOf(r, farm.economics().nextDay()), now));
    }

    private List<StoredRecommendation> appliedSince(Instant from) {
        return recommendations.list(APPLIED).stream()
                .filter(s -> s.appliedAt().isPresent() && s.actionId().isPresent())
                .filter(s -> !s.appliedAt().get().isBefore(from)).toList();
    }

    /** Counts an outcome judged against its prediction; one measured but not comparable (a schedule step) is not. */
    private void count(LoopTally.Controls controls, MeasuredOutcome outcome) {
        if (outcome.inside() == null) {
            return;
        }
        tally.outcome(controls, LoopTally.Figure.EFFICIENCY_J_PER_TH, outcome.predicted().efficiencyJPerTh(),
                outcome.efficiencyJPerTh());
        tally.outcome(controls, LoopTally.Figure.POWER_WATTS, outcome.predicted().powerWatts(), outcome.powerWatts());
        tally.outcome(controls, LoopTally.Figure.PROFIT_USD_PER_DAY, outcome.predicted().profitUsdPerDay(),
                outcome.profitUsdPerDay());
    }
}
