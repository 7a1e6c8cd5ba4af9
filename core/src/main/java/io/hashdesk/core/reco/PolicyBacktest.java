package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.reco.ReplayWeek.MinerWeek;
import io.hashdesk.core.store.FarmStore;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The what-if: replays a POWER, SCHEDULE or COIN_SWITCH policy hour by hour over the last days of the farm's own
 * stored data (hourly telemetry rollups, market snapshots, the tariff's prices) beside what actually happened. Hours
 * without telemetry or market figures are left out of both sides and lower the coverage. The week is read from the
 * store once per window and reused for every policy replayed in it. Thread-safe.
 */
public final class PolicyBacktest implements PolicyReplay {

    private static final double PERCENT = 100.0;

    private final FarmStore store;
    private final CoinCatalog coins;
    private final MinerModelCatalog models;
    private final ProfitSettings profitSettings;
    private final Duration window;
    private ReplayWeek week;

    /** @param window how far back to replay: 7 days for the inbox */
    public PolicyBacktest(FarmStore store, CoinCatalog coins, MinerModelCatalog models, ProfitSettings profitSettings,
                          Duration window) {
        this.store = Objects.requireNonNull(store, "store");
        this.coins = Objects.requireNonNull(coins, "coins");
        this.models = Objects.requireNonNull(models, "models");
        this.profitSettings = Objects.requireNonNull(profitSettings, "profit settings");
        if (window == null || window.toHours() < 1) {
            throw new IllegalArgumentException("a backtest window must be at least an hour, got " + window);
        }
        this.window = window;
    }

    /** The window ends at the top of {@code now}'s hour: the last whole hour the rollups hold. */
    @Override
    public Optional<Backtest> replay(ReplayPolicy policy, Instant now) {
        Instant to = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(window);
        ReplayWeek data = week(from, to);
        if (data.currencyPerUsd.isEmpty()) {
            return Optional.empty();
        }
        double rate = data.currencyPerUsd.getAsDouble();
        Tally tally = new Tally();
        for (MinerId id : policy.miners()) {
            MinerWeek miner = data.miners.get(id);
            if (miner != null) {
                replayMiner(policy, id, miner, data, rate, tally);
            }
        }
        if (policy instanceof ReplayPolicy.CoinSwitch s && tally.coveredHours > 0) {
            tally.policyProfitUsd -= s.switchingCostUsd();
        }
        long possible = (long) policy.miners().size() * data.hours;
        if (tally.coveredHours == 0 || possible == 0) {
            return Optional.empty();
        }
        double coverage = (double) tally.coveredHours / possible;
        return Optional.of(new Backtest(from, to, tally.actualProfitUsd, tally.policyProfitUsd, tally.actualKwh,
                tally.policyKwh, coverage, summary(tally, coverage, window)));
    }

    private synchronized ReplayWeek week(Instant from, Instant to) {
        if (week == null || !week.from.equals(from)) {
            week = new ReplayWeek(store, coins, models, profitSettings, from, to);
        }
        return week;
    }

    private static final class Tally {
        long coveredHours;
        double actualProfitUsd;
        double policyProfitUsd;
        double actualKwh;
        double policyKwh;
    }

    private static void replayMiner(ReplayPolicy policy, MinerId id, MinerWeek m, ReplayWeek data, double rate,
                                    Tally tally) {
        boolean[] paused = policy instanceof ReplayPolicy.Curtailment c ? curtailed(c, m, data, rate) : null;
        for (int h = 0; h < data.hours; h++) {
            double net = data.netUsdPerThPerDay(m.coin()[h], m.terms()[h], h);
            if (Double.isNaN(m.hashrateThs()[h]) || Double.isNaN(net)) {
                continue;
            }
            double ths = m.hashrateThs()[h];
            double kw = m.powerWatts()[h] / 1000;
            double price = data.pricePerKwh[h];
            double policyThs = ths;
            double policyKw = kw;
            double policyNet = net;
            switch (policy) {
                case ReplayPolicy.PowerChange p -> {
                    ReplayPolicy.Delta d = p.deltas().get(id);
                    if (ths > 0) {
                        policyThs = Math.max(0, ths + d.hashrateThs());
                        policyKw = Math.max(0, kw + d.powerWatts() / 1000);
                    }
                }
                case ReplayPolicy.Curtailment c -> {
                    if (paused[h]) {
                        policyThs = 0;
                        policyKw = 0;
                    }
                }
                case ReplayPolicy.CoinSwitch s -> policyNet = data.netUsdPerThPerDay(s.toCoin(), s.toTerms(), h);
            }
            if (Double.isNaN(policyNet)) {
                continue;
            }
            tally.coveredHours++;
            tally.actualProfitUsd += ths * net / 24 - kw * price / rate;
            tally.policyProfitUsd += policyThs * policyNet / 24 - policyKw * price / rate;
            tally.actualKwh += kw;
            tally.policyKwh += policyKw;
        }
    }

    /** The same hysteresis as the live plan, over the hours: above the strike (or the hour's break-even) or not. */
    private static boolean[] curtailed(ReplayPolicy.Curtailment c, MinerWeek m, ReplayWeek data, double rate) {
        boolean[] above = new boolean[data.hours];
        for (int h = 0; h < data.hours; h++) {
            double ths = m.hashrateThs()[h];
            double kw = m.powerWatts()[h] / 1000;
            double net = data.netUsdPerThPerDay(m.coin()[h], m.terms()[h], h);
            if (Double.isNaN(ths) || Double.isNaN(net) || !(kw > 0)) {
                continue;
            }
            double strike = c.strikePricePerKwh() != null ? c.strikePricePerKwh() : ths * net / 24 * rate / kw;
            above[h] = data.pricePerKwh[h] > strike;
        }
        return new Hysteresis(c.pauseAfter(), c.resumeAfter()).run(above, false);
    }

    private static String summary(Tally t, double coverage, Duration window) {
        double gain = t.policyProfitUsd - t.actualProfitUsd;
        double relative = t.actualProfitUsd == 0 ? 0 : gain / Math.abs(t.actualProfitUsd) * PERCENT;
        double energy = t.policyKwh - t.actualKwh;
        return String.format(Locale.ROOT, "Over the last %d days (%.0f %% of miner-hours with data) this policy would"
                        + " have %s $%,.0f (%+.1f %%) and used %,.0f kWh %s than what happened.", window.toDays(),
                coverage * PERCENT, gain >= 0 ? "earned" : "lost", Math.abs(gain), relative, Math.abs(energy),
                energy <= 0 ? "less" : "more");
    }
}
