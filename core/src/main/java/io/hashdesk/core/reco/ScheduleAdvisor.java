package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.energy.PriceSource;
import io.hashdesk.core.reco.SchedulePlan.Mode;
import io.hashdesk.core.reco.SchedulePlan.RampStep;
import io.hashdesk.core.reco.SchedulePlanner.Unit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * SCHEDULE: a time-of-use plan for the next 24 hours from the tariff, with strike-price curtailment and hysteresis,
 * staggered ramps and the site power cap (see {@link SchedulePlanner}). The recommendation's changes are the ramp
 * steps due now; the rest of the plan is in its steps with times, and the engine re-advises each interval. Pure given
 * the evidence and the {@link PolicyReplay} it attaches a backtest from.
 */
public final class ScheduleAdvisor implements Advisor {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final EconomicAdviceSettings settings;
    private final PolicyReplay replay;

    public ScheduleAdvisor(EconomicAdviceSettings settings, PolicyReplay replay) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.replay = Objects.requireNonNull(replay, "replay");
    }

    /** The plan alone, for screens and the executor that want its steps as data. */
    public SchedulePlan plan(FarmEvidence evidence, Instant now) {
        return new SchedulePlanner(settings.schedule()).plan(units(evidence), evidence.economics().prices(), now);
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        EconomicEvidence economics = evidence.economics();
        List<Unit> units = units(evidence);
        SchedulePlan plan = new SchedulePlanner(settings.schedule()).plan(units, economics.prices(), now);
        Map<MinerId, Mode> baseline = new HashMap<>();
        units.forEach(u -> baseline.put(u.miner().id(), u.current()));
        if (plan.intervals().isEmpty() || !plan.changesAnything(baseline) || economics.rate().isEmpty()) {
            return List.of();
        }
        ScheduleImpact impact = ScheduleImpact.of(units, plan, now, evidence.hashprice(), settings);
        Estimate profitUsd = impact.profit().times(1 / economics.rate().getAsDouble());
        if (profitUsd.mean() <= 0) {
            return List.of();
        }
        double confidence = IntervalConfidence.shown(trackRecord, RecommendationType.SCHEDULE,
                IntervalConfidence.of(profitUsd, marketShare(plan)));
        List<MinerId> affected = plan.modes().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(m -> m != baseline.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        Set<MinerId> touched = new HashSet<>(affected);
        Set<String> rooms = new LinkedHashSet<>();
        units.stream().filter(u -> touched.contains(u.miner().id())).forEach(u -> rooms.add(u.miner().roomId()));
        RecommendationTarget target = rooms.size() == 1
                ? new RecommendationTarget(TargetScope.ROOM, affected.size() + " miners in " + rooms.iterator().next(),
                rooms.iterator().next(), affected)
                : new RecommendationTarget(TargetScope.SITE, affected.size() + " miners in " + rooms.size() + " rooms",
                null, affected);
        List<SettingChange> changes = changesNow(plan, units, now);
        Optional<Backtest> backtest = replay.replay(new ReplayPolicy.Curtailment(affected,
                settings.schedule().strikePricePerKwh().isPresent() ? settings.schedule().strikePricePerKwh().getAsDouble()
                        : null, settings.schedule().pauseAfterIntervalsAbove(),
                settings.schedule().resumeAfterIntervalsBelow()), now);
        String currency = economics.nextDay().profit().currency();
        List<String> versions = impact.outlooks().values().stream().flatMap(o -> o.versions().stream()).distinct()
                .toList();
        return List.of(new Recommendation(RecommendationIds.forSubject(RecommendationType.SCHEDULE, target.label(),
                changes.toString()), RecommendationType.SCHEDULE, target, changes,
                new ExpectedImpact(Estimate.exactly(impact.hashrateThs()), Estimate.exactly(impact.powerWatts()),
                        impact.efficiencyJPerTh() == null ? null : Estimate.exactly(impact.efficiencyJPerTh()),
                        profitUsd),
                confidence, headline(plan, affected.size(), profitUsd), reasoning(plan, impact, economics, currency),
                evidence(plan, economics, currency), steps(plan, economics, units), changes.isEmpty() ? Urgency.LOW
                : Urgency.MEDIUM, now, expiry(plan, now), versions, profitUsd.mean() * confidence, backtest,
                List.of()));
    }

    private static List<Unit> units(FarmEvidence evidence) {
        Map<MinerId, SettingProposal> derates = new HashMap<>();
        for (SettingProposal p : evidence.proposals()) {
            ExpectedImpact i = p.impact();
            if (p.type() == RecommendationType.POWER && p.proposed().powerTargetWatts() != null
                    && i.powerWatts() != null && i.hashrateThs() != null && i.powerWatts().mean() < 0) {
                derates.put(p.miner(), p);
            }
        }
        List<Unit> units = new ArrayList<>();
        for (PricedMiner m : PricedMiner.of(evidence)) {
            SettingProposal d = derates.get(m.id());
            units.add(d == null ? new Unit(m, 0, 0, null) : new Unit(m, d.impact().powerWatts().mean() / 1000,
                    d.impact().hashrateThs().mean(), d));
        }
        return units;
    }

    /** Share of the plan's intervals priced from the tariff or market rather than a fallback. */
    private static double marketShare(SchedulePlan plan) {
        long known = plan.intervals().stream().filter(p -> p.source() != PriceSource.FALLBACK).count();
        return (double) known / plan.intervals().size();
    }

    private static List<SettingChange> changesNow(SchedulePlan plan, List<Unit> units, Instant now) {
        Map<MinerId, Unit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.miner().id(), u));
        List<SettingChange> changes = new ArrayList<>();
        for (RampStep step : plan.stepsAt(now)) {
            for (SchedulePlan.MinerStep s : step.changes()) {
                Unit u = byId.get(s.miner());
                changes.add(new SettingChange(s.miner(), u.miner().model().id(), settingsIn(u, s.from()),
                        settingsIn(u, s.to())));
            }
        }
        return changes;
    }

    /** The parts a mode sets: paused or not, and the power target when derating is involved. */
    private static SettingValues settingsIn(Unit u, Mode mode) {
        SettingValues values = SettingValues.none().withMiningPaused(mode == Mode.PAUSE);
        if (u.derate() == null) {
            return values;
        }
        SettingValues power = mode == Mode.DERATE ? u.derate().proposed() : u.derate().current();
        return values.withPowerTarget(power.powerTargetWatts());
    }

    /**
     * Valid through the plan interval it was made in (its price holds until then): an operator needs time to read
     * and apply it, and the next step comes with the next pass. Made in an interval's last quarter, it holds through
     * the next one too.
     */
    private static Instant expiry(SchedulePlan plan, Instant now) {
        PriceInterval current = plan.intervals().getFirst();
        Duration length = Duration.between(current.start(), current.end());
        boolean nearItsEnd = Duration.between(now, current.end()).compareTo(length.dividedBy(4)) < 0;
        return nearItsEnd && plan.intervals().size() > 1 ? plan.intervals().get(1).end() : current.end();
    }

    private static String headline(SchedulePlan plan, int miners, Estimate profitUsd) {
        long curtailedIntervals = IntStream.range(0, plan.intervals().size())
                .filter(i -> plan.modes().values().stream().anyMatch(m -> m.get(i) != Mode.RUN)).count();
        return String.format(Locale.ROOT, "Time-of-use plan: curtail %d miners in %d of the next %d intervals"
                + " (+$%.0f/day)", miners, curtailedIntervals, plan.intervals().size(), profitUsd.mean());
    }

    private String reasoning(SchedulePlan plan, ScheduleImpact impact, EconomicEvidence economics, String currency) {
        double low = plan.intervals().stream().mapToDouble(PriceInterval::pricePerKwh).min().orElseThrow();
        double high = plan.intervals().stream().mapToDouble(PriceInterval::pricePerKwh).max().orElseThrow();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Electricity costs %.4f to %.4f %s/kWh over the next 24 h. ", low, high, currency));
        text.append(settings.schedule().strikePricePerKwh().isPresent()
                ? String.format(Locale.ROOT, "Miners pause above the strike price of %.4f %s/kWh",
                settings.schedule().strikePricePerKwh().getAsDouble(), currency)
                : "Each group pauses above its own break-even price");
        text.append(String.format(Locale.ROOT, " after %d intervals in a row and resumes after %d below, so a price"
                        + " wiggling around it does not flap them. Room load changes by at most %.0f kW every %d min.",
                settings.schedule().pauseAfterIntervalsAbove(), settings.schedule().resumeAfterIntervalsBelow(),
                settings.schedule().rampMaxKwPerRoomStep(), settings.schedule().rampStepSpacing().toMinutes()));
        if (settings.schedule().sitePowerCapKw() != null) {
            text.append(String.format(Locale.ROOT, " The site cap of %.0f kW is filled with the most efficient miners"
                    + " first.", settings.schedule().sitePowerCapKw()));
        }
        impact.outlooks().values().forEach(o -> text.append(' ').append(capitalised(o.basis())).append('.'));
        text.append(" Paused miners' idle draw (fans, controller) is not counted.");
        economics.notes().forEach(n -> text.append(' ').append(n).append('.'));
        plan.notes().forEach(n -> text.append(' ').append(capitalised(n)).append('.'));
        return text.toString();
    }

    private List<String> evidence(SchedulePlan plan, EconomicEvidence economics, String currency) {
        List<String> lines = new ArrayList<>();
        for (SchedulePlan.Group g : plan.groups()) {
            lines.add(String.format(Locale.ROOT, "%s %s ×%d: break-even %.4f %s/kWh, strike %.4f%s", g.roomId(),
                    g.modelId(), g.miners().size(), g.breakEvenPricePerKwh(), currency, g.strikePricePerKwh(),
                    g.deratePricePerKwh() == null ? "" : String.format(Locale.ROOT, ", derate above %.4f",
                            g.deratePricePerKwh())));
        }
        for (PriceInterval p : plan.intervals()) {
            lines.add(String.format(Locale.ROOT, "%s %.4f %s/kWh%s", CLOCK.format(p.start().atZone(
                    economics.siteZone())), p.pricePerKwh(), currency, p.source() == PriceSource.FALLBACK
                    ? String.format(Locale.ROOT, " (fallback price, ± %.0f %%)",
                    settings.schedule().fallbackPriceUncertaintyPercent()) : ""));
        }
        return lines;
    }

    /** One line per ramp step: when, which room, how many miners do what, and the load change. */
    private static List<String> steps(SchedulePlan plan, EconomicEvidence economics, List<Unit> units) {
        List<String> lines = new ArrayList<>();
        for (RampStep step : plan.ramps()) {
            Map<String, Integer> counts = new TreeMap<>();
            step.changes().forEach(c -> counts.merge(verb(c.from(), c.to()), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((verb, n) -> parts.add(verb + " " + n + (n == 1 ? " miner" : " miners")));
            lines.add(String.format(Locale.ROOT, "%s %s: %s (%+.1f kW)", CLOCK.format(step.at().atZone(
                    economics.siteZone())), step.roomId(), String.join(", ", parts), step.deltaKw()));
        }
        return lines;
    }

    private static String verb(Mode from, Mode to) {
        return switch (to) {
            case PAUSE -> "pause";
            case DERATE -> from == Mode.PAUSE ? "resume derated" : "derate";
            case RUN -> from == Mode.PAUSE ? "resume" : "restore full power on";
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
