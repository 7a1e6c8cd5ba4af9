package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.reco.PoolLedger.Share;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * RISK (market): groups whose margin is near break-even, the fleet's exposure to a hashprice drop, miners with no
 * backup pool or a pool carrying most of a coin's hashrate, miners hashing on a URL outside the pool directory, and
 * dev-fee leakage. Advice only; each finding's impact is the profit at stake per day (negative), with the hashprice
 * forecast's or the measurement's interval.
 */
public final class MarketRiskAdvisor implements Advisor {

    private static final double PERCENT = 100.0;
    private static final Duration EXPIRY = Duration.ofDays(1);
    /** A URL that carried more than this share of a miner's hashing is where it mines, not a diversion. */
    private static final double MAINLY = 0.5;

    private final EconomicAdviceSettings settings;

    public MarketRiskAdvisor(EconomicAdviceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        EconomicEvidence economics = evidence.economics();
        List<PricedMiner> miners = PricedMiner.of(evidence).stream().filter(m -> !m.pausedNow()).toList();
        List<Recommendation> out = new ArrayList<>();
        Finder finder = new Finder(now, trackRecord);
        if (economics.rate().isPresent() && !miners.isEmpty()) {
            double rate = economics.rate().getAsDouble();
            Map<String, double[]> costs = costs(economics);
            Map<String, List<PricedMiner>> groups = new TreeMap<>();
            miners.forEach(m -> groups.computeIfAbsent(m.roomId() + " " + m.model().id(), k -> new ArrayList<>())
                    .add(m));
            groups.forEach((name, group) -> nearBreakEven(name, group, costs, rate, evidence, finder)
                    .ifPresent(out::add));
            stress(miners, costs, rate, evidence, finder).ifPresent(out::add);
        }
        PoolLedger ledger = new PoolLedger(economics);
        singlePool(economics, miners, finder).ifPresent(out::add);
        out.addAll(concentration(economics, miners, finder));
        out.addAll(untrustedAndLeaking(economics, ledger, miners, finder));
        return out;
    }

    /** Per miner id (as text), its next-day revenue and energy cost in the tariff's currency. */
    private static Map<String, double[]> costs(EconomicEvidence economics) {
        Map<String, double[]> out = new HashMap<>();
        economics.nextDay().profit().miners().forEach(p -> out.put(p.miner().value(),
                new double[] {p.revenue(), p.energyCost()}));
        return out;
    }

    private Optional<Recommendation> nearBreakEven(String name, List<PricedMiner> group,
                                                             Map<String, double[]> costs, double rate,
                                                             FarmEvidence evidence, Finder finder) {
        double revenue = group.stream().mapToDouble(m -> costs.get(m.id().value())[0]).sum();
        double cost = group.stream().mapToDouble(m -> costs.get(m.id().value())[1]).sum();
        if (!(revenue > 0)) {
            return Optional.empty();
        }
        double threshold = settings.risk().marginNearBreakEvenPercent() / PERCENT;
        RevenueOutlook outlook = RevenueOutlook.of(group.getFirst().coin(), evidence.hashprice(),
                settings.switching().noForecastSpreadPercent());
        double margin = (revenue - cost) / revenue;
        if (margin >= threshold) {
            return Optional.empty();
        }
        Estimate f = outlook.factor();
        // how far below the threshold the margin is; with the forecast's range of revenue
        Estimate shortfall = new Estimate(threshold - margin, threshold - marginAt(revenue, cost, f.high()),
                threshold - marginAt(revenue, cost, Math.max(f.low(), 1e-9)));
        Estimate stake = f.times(revenue).plus(Estimate.exactly(-revenue)).times(1 / rate);
        return Optional.of(finder.risk("margin " + name, "Margin near break-even: " + name,
                new RecommendationTarget(TargetScope.GROUP, group.size() + " " + group.getFirst().model().name()
                        + " in " + group.getFirst().roomId(), group.getFirst().roomId(), ids(group)),
                String.format(Locale.ROOT, "These miners keep %.1f %% of their revenue after electricity (%.2f of %.2f %s a"
                                + " day), below the %.0f %% warning level. %s.", margin * PERCENT, revenue - cost, revenue,
                        evidence.economics().nextDay().profit().currency(), threshold * PERCENT,
                        capitalise(outlook.basis())), stake, shortfall, 1.0,
                margin < 0 ? Urgency.HIGH : Urgency.MEDIUM, outlook.versions(),
                List.of("Consider a lower power target or curtailing them in expensive hours (see SCHEDULE advice)")));
    }

    private static double marginAt(double revenue, double cost, double factor) {
        return (revenue * factor - cost) / (revenue * factor);
    }

    private Optional<Recommendation> stress(List<PricedMiner> miners, Map<String, double[]> costs,
                                                      double rate, FarmEvidence evidence, Finder finder) {
        double drop = settings.risk().hashpriceStressDropPercent() / PERCENT;
        List<PricedMiner> losing = miners.stream().filter(m -> costs.get(m.id().value())[0] * (1 - drop)
                < costs.get(m.id().value())[1]).toList();
        if (losing.isEmpty()) {
            return Optional.empty();
        }
        double revenue = miners.stream().mapToDouble(m -> costs.get(m.id().value())[0]).sum();
        double cost = miners.stream().mapToDouble(m -> costs.get(m.id().value())[1]).sum();
        double atStress = revenue * (1 - drop) - cost;
        Estimate stake = Estimate.exactly(-revenue * drop / rate);
        double share = (double) losing.size() / miners.size();
        Estimate exposure = new Estimate(share, share, share);
        return Optional.of(finder.risk("stress", String.format(Locale.ROOT,
                        "Hashprice exposure: %d of %d miners lose money if hashprice falls %.0f %%", losing.size(),
                        miners.size(), drop * PERCENT), new RecommendationTarget(TargetScope.SITE, losing.size()
                        + " miners", null, ids(losing)),
                String.format(Locale.ROOT, "At a hashprice %.0f %% below today's the fleet would make %.2f %s a day"
                                + " instead of %.2f, and %d miners would cost more in electricity than they earn.",
                        drop * PERCENT, atStress, evidence.economics().nextDay().profit().currency(), revenue - cost,
                        losing.size()), stake, exposure, 1.0, atStress < 0 ? Urgency.HIGH : Urgency.MEDIUM,
                List.of(), List.of("Know which miners to curtail first: the least efficient (highest J/TH)")));
    }

    private Optional<Recommendation> singlePool(EconomicEvidence economics, List<PricedMiner> miners,
                                                          Finder finder) {
        List<MinerId> noBackup = economics.poolPlans().values().stream().filter(p -> p.slots().size() == 1)
                .map(MinerPoolPlan::miner).sorted().toList();
        if (noBackup.isEmpty()) {
            return Optional.empty();
        }
        Set<MinerId> lone = new HashSet<>(noBackup);
        double revenue = miners.stream().filter(m -> lone.contains(m.id())).mapToDouble(PricedMiner::revenuePerDay)
                .sum() / economics.rate().orElse(1);
        Estimate share = new Estimate(1, 1, 1);
        return Optional.of(finder.risk("single pool", "No backup pool on " + noBackup.size() + " miners",
                new RecommendationTarget(TargetScope.GROUP, noBackup.size() + " miners", null, noBackup),
                String.format(Locale.ROOT, "%d miners have one pool in their plan: if it goes down they stop earning"
                        + " (about $%.2f a day at stake).", noBackup.size(), revenue),
                Estimate.exactly(-revenue), share, 1.0, Urgency.MEDIUM, List.of(),
                List.of("Add a second pool of the same coin to their pool plans")));
    }

    private List<Recommendation> concentration(EconomicEvidence economics, List<PricedMiner> miners, Finder finder) {
        Map<String, Map<String, Double>> byCoin = new TreeMap<>();
        Map<String, List<MinerId>> onPool = new TreeMap<>();
        for (PricedMiner m : miners) {
            MinerPoolPlan plan = economics.poolPlans().get(m.id());
            if (plan != null) {
                byCoin.computeIfAbsent(m.coin(), c -> new TreeMap<>()).merge(plan.first().poolId(), m.hashrateThs(),
                        Double::sum);
                onPool.computeIfAbsent(plan.first().poolId(), p -> new ArrayList<>()).add(m.id());
            }
        }
        List<Recommendation> out = new ArrayList<>();
        byCoin.forEach((coin, pools) -> {
            double total = pools.values().stream().mapToDouble(Double::doubleValue).sum();
            pools.forEach((pool, ths) -> {
                double share = ths / total;
                if (share > settings.risk().poolConcentrationShare() && total > 0) {
                    out.add(finder.risk("concentration " + pool, String.format(Locale.ROOT,
                                    "%.0f %% of the %s hashrate is on %s", share * PERCENT, coin, pool),
                            new RecommendationTarget(TargetScope.GROUP, onPool.get(pool).size() + " miners on " + pool,
                                    null, onPool.get(pool)),
                            String.format(Locale.ROOT, "%s carries %.0f %% of the farm's %s hashrate as first choice,"
                                            + " above the %.0f %% limit: an outage or a change of terms there hits"
                                            + " nearly everything.", pool, share * PERCENT, coin,
                                    settings.risk().poolConcentrationShare() * PERCENT),
                            null, new Estimate(share, share, share), 1.0, Urgency.LOW, List.of(),
                            List.of("Move part of the fleet's first choice to another pool of " + coin)));
                }
            });
        });
        return out;
    }

    private List<Recommendation> untrustedAndLeaking(EconomicEvidence economics, PoolLedger ledger,
                                                     List<PricedMiner> miners, Finder finder) {
        Map<MinerId, Double> revenueUsd = new HashMap<>();
        miners.forEach(m -> revenueUsd.put(m.id(), m.revenuePerDay() / economics.rate().orElse(1)));
        List<Recommendation> out = new ArrayList<>();
        double threshold = settings.switching().devFeeLeakagePercent() / PERCENT;
        ledger.minerLeakage().forEach((miner, leak) -> {
            double revenue = revenueUsd.getOrDefault(miner, 0.0);
            Map<String, Integer> urls = ledger.unknownUrls().getOrDefault(miner, Map.of());
            String where = urls.isEmpty() ? "pools outside its plan" : String.join(", ", urls.keySet());
            RecommendationTarget target = new RecommendationTarget(TargetScope.MINER, miner.value(), null,
                    List.of(miner));
            Estimate stake = new Estimate(-leak.value() * revenue, -leak.high() * revenue, -leak.low() * revenue);
            if (leak.value() > MAINLY) {
                out.add(finder.risk("untrusted " + miner, "Untrusted pool URL on " + miner, target,
                        String.format(Locale.ROOT, "%s spent %.0f %% of its hashing over the last %d h on %s, which"
                                        + " is not in the farm's pool directory or its plan: its rewards may go to"
                                        + " someone else.", miner, leak.value() * PERCENT,
                                settings.switching().poolMeasurementWindow().toHours(), where),
                        stake, shareAbove(leak, 0), 1.0, Urgency.HIGH, List.of(),
                        List.of("Check the miner's pool settings and password; rewrite its planned pool list",
                                "If it changes back by itself, reflash the firmware")));
            } else if (leak.value() > threshold) {
                out.add(finder.risk("leakage " + miner, String.format(Locale.ROOT, "Dev-fee leakage of %.1f %% on %s",
                                leak.value() * PERCENT, miner), target,
                        String.format(Locale.ROOT, "%s hashed %.1f %% [%.1f, %.1f] of the time on %s, above the %.1f %%"
                                        + " threshold: that share of its revenue (about $%.2f a day) goes elsewhere.",
                                miner, leak.value() * PERCENT, leak.low() * PERCENT, leak.high() * PERCENT, where,
                                threshold * PERCENT, leak.value() * revenue), stake, shareAbove(leak, threshold),
                        1.0, Urgency.MEDIUM, List.of(),
                        List.of("Compare its firmware's dev fee with what was measured",
                                "Move it to firmware with a lower or no dev fee if the figure is higher than stated")));
            }
        });
        return out;
    }

    /** How far a measured share lies above a threshold, as an estimate with the measurement's interval. */
    private static Estimate shareAbove(Share share, double threshold) {
        return new Estimate(share.value() - threshold, share.low() - threshold, share.high() - threshold);
    }

    private static List<MinerId> ids(List<PricedMiner> miners) {
        return miners.stream().map(PricedMiner::id).toList();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Builds RISK recommendations alike. */
    private record Finder(Instant now, TrackRecord trackRecord) {

        /**
         * @param stakeUsd the profit at stake per day (negative), or {@code null} when none is predicted
         * @param evidence how firmly the finding holds (its mean above zero), with its interval
         */
        Recommendation risk(String key, String headline, RecommendationTarget target, String reasoning,
                            Estimate stakeUsd, Estimate evidence, double coverage, Urgency urgency,
                            List<String> modelVersions, List<String> steps) {
            double confidence = IntervalConfidence.shown(trackRecord, RecommendationType.RISK,
                    IntervalConfidence.of(evidence, coverage));
            ExpectedImpact impact = new ExpectedImpact(null, null, null, stakeUsd);
            double rank = (stakeUsd == null ? 0 : -stakeUsd.mean()) * confidence;
            return new Recommendation(RecommendationIds.forSubject(RecommendationType.RISK, key), RecommendationType.RISK, target,
                    List.of(), impact, confidence, headline, reasoning, List.of(), steps, urgency, now,
                    now.plus(EXPIRY), modelVersions, rank, Optional.empty(), List.of());
        }
    }
}
