package io.hashdesk.core.reco;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.pool.MinerPoolPlan;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.pool.PoolSlot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the farm measured about its pools over the measurement window: each pool's reject rate (with the shares it
 * rests on), each miner's dev-fee leakage (the share of its hashing buckets spent on URLs outside its pool plan, or
 * outside the directory when it has no plan), and each pool's leakage (that of the miners whose first choice it is).
 */
final class PoolLedger {

    private final PoolDirectory directory;
    /** Reading a URL is a regular expression; a farm reports few distinct URLs, each read once. */
    private final Map<String, Optional<PoolDefinition>> byUrl = new HashMap<>();
    private final Map<String, long[]> sharesByPool = new HashMap<>();
    private final Map<String, int[]> leakageByPool = new HashMap<>();
    private final Map<MinerId, int[]> leakageByMiner = new TreeMap<>();
    private final Map<MinerId, Map<String, Integer>> unknownUrls = new TreeMap<>();
    private long allAccepted;
    private long allRejected;

    PoolLedger(EconomicEvidence economics) {
        this.directory = new PoolDirectory(economics.pools());
        for (PoolUsage usage : economics.poolUsage()) {
            Optional<PoolDefinition> pool = poolAt(usage.poolUrl());
            pool.ifPresent(p -> {
                long[] shares = sharesByPool.computeIfAbsent(p.id(), k -> new long[2]);
                shares[0] += usage.acceptedShares();
                shares[1] += usage.rejectedShares();
            });
            allAccepted += usage.acceptedShares();
            allRejected += usage.rejectedShares();
            if (pool.isEmpty()) {
                unknownUrls.computeIfAbsent(usage.miner(), m -> new TreeMap<>()).merge(usage.poolUrl(),
                        usage.buckets(), Integer::sum);
            }
            MinerPoolPlan plan = economics.poolPlans().get(usage.miner());
            boolean onPlan = plan == null ? pool.isPresent()
                    : pool.isPresent() && plan.slots().stream().anyMatch(s -> s.poolId().equals(pool.get().id()));
            int[] miner = leakageByMiner.computeIfAbsent(usage.miner(), m -> new int[2]);
            miner[0] += onPlan ? 0 : usage.buckets();
            miner[1] += usage.buckets();
            if (plan != null) {
                int[] byPool = leakageByPool.computeIfAbsent(plan.first().poolId(), k -> new int[2]);
                byPool[0] += onPlan ? 0 : usage.buckets();
                byPool[1] += usage.buckets();
            }
        }
    }

    /** A measured share with its 90 % interval (binomial standard error), from {@code of} out of {@code total}. */
    record Share(double value, double low, double high, long total) {

        static Share of(long part, long total) {
            double p = (double) part / total;
            double margin = 1.6449 * Math.sqrt(p * (1 - p) / total);
            return new Share(p, Math.max(0, p - margin), Math.min(1, p + margin), total);
        }
    }

    /** The pool's reject rate; empty when no share was measured on it. */
    Optional<Share> rejectRate(String poolId) {
        long[] s = sharesByPool.get(poolId);
        return s == null || s[0] + s[1] == 0 ? Optional.empty() : Optional.of(Share.of(s[1], s[0] + s[1]));
    }

    /** The reject rate over every share the farm submitted; empty when none was counted. */
    OptionalDouble farmRejectRate() {
        long total = allAccepted + allRejected;
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) allRejected / total);
    }

    /** Leakage of the miners whose first choice the pool is; empty when none was measured. */
    Optional<Share> poolLeakage(String poolId) {
        int[] l = leakageByPool.get(poolId);
        return l == null || l[1] == 0 ? Optional.empty() : Optional.of(Share.of(l[0], l[1]));
    }

    /** Each measured miner's leakage. */
    Map<MinerId, Share> minerLeakage() {
        Map<MinerId, Share> out = new TreeMap<>();
        leakageByMiner.forEach((id, l) -> {
            if (l[1] > 0) {
                out.put(id, Share.of(l[0], l[1]));
            }
        });
        return out;
    }

    /** Per miner, the URLs outside the directory it hashed on, with their bucket counts. */
    Map<MinerId, Map<String, Integer>> unknownUrls() {
        return unknownUrls;
    }

    Optional<PoolDefinition> poolAt(String url) {
        return url == null ? Optional.empty() : byUrl.computeIfAbsent(url, directory::byUrl);
    }

    /** The worker name the miner's plan uses, if it has a plan. */
    static Optional<String> worker(EconomicEvidence economics, MinerId miner) {
        return Optional.ofNullable(economics.poolPlans().get(miner)).map(MinerPoolPlan::first).map(PoolSlot::worker);
    }

    /** The miner's planned pools as the executor would send them, first choice first. */
    static List<PoolTarget> plannedTargets(EconomicEvidence economics, MinerPoolPlan plan) {
        return plan.slots().stream().flatMap(s -> economics.pool(s.poolId()).stream()
                .map(p -> target(p, s.worker()))).toList();
    }

    static PoolTarget target(PoolDefinition pool, String worker) {
        return new PoolTarget("stratum+tcp://" + pool.endpoint(), worker, "");
    }
}
