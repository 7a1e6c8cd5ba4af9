package io.hashdesk.core.reco;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.profit.CoinEconomics;
import io.hashdesk.core.profit.RevenueTerms;
import io.hashdesk.core.reco.PoolLedger.Share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * COIN_SWITCH and POOL_SWITCH: for each group of miners on one pool in one room, the pool (of the same coin, another
 * coin of the same algorithm, or a merge-mining pair) that pays most per TH/s once its fee, payout scheme, measured
 * reject rate and dev-fee leakage are counted, at market figures as of the start of the check interval with outliers
 * ignored and the hashprice forecast applied. A switch is advised only when it beats the current pool by the minimum
 * gain and repays its switching cost within the forecast horizon; switching back needs the same margin, and a group
 * that changed coin within the check interval is left alone, so it does not flap.
 */
public final class SwitchAdvisor implements Advisor {

    private static final double PERCENT = 100.0;
    private static final double MINUTES_PER_DAY = 1_440.0;

    private final EconomicAdviceSettings.Switching settings;
    private final PolicyReplay replay;

    public SwitchAdvisor(EconomicAdviceSettings settings, PolicyReplay replay) {
        this.settings = Objects.requireNonNull(settings, "settings").switching();
        this.replay = Objects.requireNonNull(replay, "replay");
    }

    /** A pool's net USD per TH/s per day with its interval, and the sentences behind it. */
    record PoolScore(PoolDefinition pool, Estimate usdPerThPerDay, List<String> basis, RevenueOutlook outlook) {
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        EconomicEvidence economics = evidence.economics();
        Instant asOf = checkStart(now);
        Map<String, CheckedMarket> markets = new HashMap<>();
        for (Coin coin : economics.coins().all()) {
            CheckedMarket.of(coin, economics.marketHistory().getOrDefault(coin.symbol(), List.of()), asOf,
                    settings.outlierMads()).ifPresent(m -> markets.put(coin.symbol(), m));
        }
        PoolLedger ledger = new PoolLedger(economics);
        Map<String, List<PricedMiner>> groups = new TreeMap<>();
        for (PricedMiner m : PricedMiner.of(evidence)) {
            Optional<PoolDefinition> pool = ledger.poolAt(m.poolUrl());
            if (pool.isPresent() && !m.pausedNow() && economics.poolPlans().containsKey(m.id())) {
                groups.computeIfAbsent(m.roomId() + "\u0000" + pool.get().id(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Recommendation> out = new ArrayList<>();
        for (List<PricedMiner> members : groups.values()) {
            PoolDefinition current = ledger.poolAt(members.getFirst().poolUrl()).orElseThrow();
            Optional<PoolScore> from = score(current, economics, markets, ledger, evidence.hashprice());
            if (from.isEmpty() || recentlySwitched(members, current, economics, ledger, now)) {
                continue;
            }
            economics.pools().stream().filter(p -> !p.id().equals(current.id()))
                    .filter(p -> sameAlgorithm(economics, p.coin(), current.coin()))
                    .flatMap(p -> score(p, economics, markets, ledger, evidence.hashprice()).stream())
                    .max(Comparator.comparingDouble(s -> s.usdPerThPerDay().mean()))
                    .flatMap(best -> advice(members, from.get(), best, economics, now, trackRecord))
                    .ifPresent(out::add);
        }
        return out;
    }

    /** The start of the check interval holding {@code now}, counted from the epoch. */
    Instant checkStart(Instant now) {
        long step = settings.checkInterval().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), step) * step);
    }

    private static boolean sameAlgorithm(EconomicEvidence economics, String a, String b) {
        Optional<Coin> x = economics.coins().bySymbol(a);
        Optional<Coin> y = economics.coins().bySymbol(b);
        return x.isPresent() && y.isPresent() && x.get().algorithm() == y.get().algorithm();
    }

    /** Whether a member hashed on a pool of another coin (or, for the same coin, another pool) within the interval. */
    private boolean recentlySwitched(List<PricedMiner> members, PoolDefinition current, EconomicEvidence economics,
                                     PoolLedger ledger, Instant now) {
        Instant since = now.minus(settings.checkInterval());
        Set<MinerId> ids = members.stream().map(PricedMiner::id).collect(Collectors.toSet());
        return economics.poolUsage().stream().filter(u -> u.lastSeen().isAfter(since) && ids.contains(u.miner()))
                .anyMatch(u -> ledger.poolAt(u.poolUrl()).filter(p -> !p.id().equals(current.id())).isPresent());
    }

    private Optional<PoolScore> score(PoolDefinition pool, EconomicEvidence economics,
                                      Map<String, CheckedMarket> markets, PoolLedger ledger,
                                      List<HashpriceOutlook> hashprice) {
        CheckedMarket market = markets.get(pool.coin());
        if (market == null) {
            return Optional.empty();
        }
        List<String> basis = new ArrayList<>();
        Optional<CoinEconomics> aux = Optional.empty();
        if (economics.mergeMining()) {
            aux = economics.coins().mergeMinedWith(pool.coin()).stream().map(c -> markets.get(c.symbol()))
                    .filter(Objects::nonNull).map(CheckedMarket::economics).findFirst();
        }
        double net = new RevenueTerms(market.economics(), pool.terms(), aux).usdPerDay(1);
        Share reject = ledger.rejectRate(pool.id()).orElseGet(() -> {
            double farm = ledger.farmRejectRate().orElse(0);
            basis.add(String.format(Locale.ROOT, "%s: no shares measured, reject rate taken as the farm's %.2f %%"
                    + " (0–%.2f %%)", pool.id(), farm * PERCENT, 2 * farm * PERCENT));
            return new Share(farm, 0, Math.min(1, 2 * farm), 0);
        });
        Share leak = ledger.poolLeakage(pool.id()).orElse(new Share(0, 0, 0, 0));
        RevenueOutlook outlook = RevenueOutlook.of(pool.coin(), hashprice, settings.noForecastSpreadPercent());
        Estimate factor = outlook.factor();
        Estimate score = new Estimate(net * (1 - reject.value()) * (1 - leak.value()) * factor.mean(),
                net * (1 - reject.high()) * (1 - leak.high()) * factor.low(),
                net * (1 - reject.low()) * (1 - leak.low()) * factor.high());
        basis.add(String.format(Locale.ROOT, "%s (%s, %.1f %% %s%s): $%.4f per TH/s per day net, rejects %.2f %%,"
                        + " dev-fee leakage %.2f %%", pool.id(), pool.coin(), pool.terms().feePercent(),
                pool.terms().scheme(), aux.map(a -> " + " + a.coin() + " merge-mined").orElse(""), net,
                reject.value() * PERCENT, leak.value() * PERCENT));
        if (market.note() != null) {
            basis.add(market.note());
        }
        return Optional.of(new PoolScore(pool, score, basis, outlook));
    }

    private Optional<Recommendation> advice(List<PricedMiner> members, PoolScore from, PoolScore to,
                                            EconomicEvidence economics, Instant now, TrackRecord trackRecord) {
        double ths = members.stream().mapToDouble(PricedMiner::hashrateThs).sum();
        double relative = to.usdPerThPerDay().mean() / from.usdPerThPerDay().mean() - 1;
        double horizonDays = settings.forecastHorizon().toMinutes() / MINUTES_PER_DAY;
        double costUsd = ths * from.usdPerThPerDay().mean() * settings.switchingCostMinutes() / MINUTES_PER_DAY
                + settings.switchingCostUsd() * members.size();
        Estimate gainPerDay = new Estimate(ths * (to.usdPerThPerDay().mean() - from.usdPerThPerDay().mean()),
                ths * (to.usdPerThPerDay().low() - from.usdPerThPerDay().high()),
                ths * (to.usdPerThPerDay().high() - from.usdPerThPerDay().low()));
        Estimate net = gainPerDay.plus(Estimate.exactly(-costUsd / horizonDays));
        if (relative * PERCENT < settings.minimumGainPercent() || net.mean() <= 0) {
            return Optional.empty();
        }
        RecommendationType type = to.pool().coin().equals(from.pool().coin()) ? RecommendationType.POOL_SWITCH
                : RecommendationType.COIN_SWITCH;
        List<SettingChange> changes = new ArrayList<>();
        List<PoolDefinition> backups = economics.pools().stream()
                .filter(p -> p.coin().equals(to.pool().coin()) && !p.id().equals(to.pool().id())).limit(2).toList();
        for (PricedMiner m : members) {
            MinerPoolPlan plan = economics.poolPlans().get(m.id());
            String worker = plan.first().worker();
            List<PoolTarget> list = new ArrayList<>();
            list.add(PoolLedger.target(to.pool(), worker));
            backups.forEach(b -> list.add(PoolLedger.target(b, worker)));
            changes.add(new SettingChange(m.id(), m.model().id(),
                    SettingValues.none().withPools(PoolLedger.plannedTargets(economics, plan)),
                    SettingValues.none().withPools(list)));
        }
        double confidence = IntervalConfidence.shown(trackRecord, type, IntervalConfidence.of(net, 1.0));
        String room = members.getFirst().roomId();
        RecommendationTarget target = new RecommendationTarget(members.size() == 1 ? TargetScope.MINER
                : TargetScope.GROUP, members.size() + " miners in " + room + " on " + from.pool().id(), room,
                members.stream().map(PricedMiner::id).toList());
        Optional<Backtest> backtest = replay.replay(new ReplayPolicy.CoinSwitch(target.miners(), to.pool().coin(),
                to.pool().terms(), costUsd), now);
        List<String> evidence = new ArrayList<>(from.basis());
        evidence.addAll(to.basis());
        evidence.add(from.outlook().basis());
        if (!to.outlook().basis().equals(from.outlook().basis())) {
            evidence.add(to.outlook().basis());
        }
        String reasoning = String.format(Locale.ROOT, "%s pays $%.4f [%.4f, %.4f] per TH/s per day against $%.4f"
                        + " [%.4f, %.4f] on %s: %+.1f %%, above the %.1f %% minimum. Over %.0f TH/s that is $%.2f a day;"
                        + " the switch costs about $%.2f (%.0f min of revenue%s) and repays it within %d h. Figures are as"
                        + " of %s (checked every %d h) after the hashprice forecast; the low end assumes both forecasts"
                        + " err against the switch.", to.pool().name(), to.usdPerThPerDay().mean(),
                to.usdPerThPerDay().low(), to.usdPerThPerDay().high(), from.usdPerThPerDay().mean(),
                from.usdPerThPerDay().low(), from.usdPerThPerDay().high(), from.pool().name(), relative * PERCENT,
                settings.minimumGainPercent(), ths, gainPerDay.mean(), costUsd, settings.switchingCostMinutes(),
                settings.switchingCostUsd() > 0 ? String.format(Locale.ROOT, " + $%.2f per miner",
                        settings.switchingCostUsd()) : "", settings.forecastHorizon().toHours(),
                checkStart(now), settings.checkInterval().toHours());
        List<String> versions = new ArrayList<>(from.outlook().versions());
        to.outlook().versions().stream().filter(v -> !versions.contains(v)).forEach(versions::add);
        String headline = type == RecommendationType.COIN_SWITCH
                ? String.format(Locale.ROOT, "Mine %s on %s instead of %s (+%.1f %%)", to.pool().coin(),
                to.pool().name(), from.pool().coin(), relative * PERCENT)
                : String.format(Locale.ROOT, "Move to %s from %s (+%.1f %%)", to.pool().name(), from.pool().name(),
                relative * PERCENT);
        List<String> steps = List.of("Write the new pool list to each miner (first: " + to.pool().endpoint()
                        + ", worker names kept)", "Read the pool list back and watch accepted shares on the new pool",
                "Update the miners' pool plans in Hashdesk once the shares are accepted");
        return Optional.of(new Recommendation(RecommendationIds.forSubject(type, target.label(), to.pool().id()), type, target,
                changes, new ExpectedImpact(Estimate.exactly(0), Estimate.exactly(0), Estimate.exactly(0), net),
                confidence, headline, reasoning, evidence, steps, Urgency.MEDIUM, now,
                checkStart(now).plus(settings.checkInterval()), versions, net.mean() * confidence, backtest,
                List.of()));
    }
}
