package io.hashdesk.core.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.profit.CoinQuote;
import io.hashdesk.core.profit.MinerProfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One miner the next-day report could price, with what it would hash, draw and earn while running: its own latest
 * figures when it is hashing, else its model's rating at the revenue per TH/s its coin pays its peers. Money is in
 * the tariff's currency per day.
 *
 * @param pausedNow whether its latest reading says mining is stopped
 */
record PricedMiner(Miner miner, MinerModel model, String coin, double hashrateThs, double powerWatts,
                   double revenuePerDay, boolean pausedNow, String poolUrl) {

    private static final double HOURS_PER_DAY = 24.0;

    MinerId id() {
        return miner.id();
    }

    String roomId() {
        return miner.position().roomId();
    }

    double kw() {
        return powerWatts / 1000.0;
    }

    double revenuePerHour() {
        return revenuePerDay / HOURS_PER_DAY;
    }

    double jPerTh() {
        return powerWatts / hashrateThs;
    }

    /** The price per kWh at which running earns exactly its electricity. */
    double breakEvenPricePerKwh() {
        return revenuePerHour() / kw();
    }

    /** Every miner the report priced and whose running figures are known, in id order. */
    static List<PricedMiner> of(FarmEvidence evidence) {
        EconomicEvidence economics = evidence.economics();
        Map<MinerId, MinerProfit> profits = new HashMap<>();
        economics.nextDay().profit().miners().forEach(p -> profits.put(p.miner(), p));
        Map<String, double[]> perThByCoin = new HashMap<>();
        for (MinerProfit p : profits.values()) {
            String coin = economics.nextDay().coinOf().get(p.miner());
            if (coin != null && p.hashrateThs() > 0) {
                double[] sums = perThByCoin.computeIfAbsent(coin, c -> new double[2]);
                sums[0] += p.revenue();
                sums[1] += p.hashrateThs();
            }
        }
        List<PricedMiner> out = new ArrayList<>();
        for (MinerFacts facts : evidence.miners()) {
            MinerProfit profit = profits.get(facts.miner().id());
            String coin = economics.nextDay().coinOf().get(facts.miner().id());
            Optional<MinerModel> model = economics.model(facts.miner().modelId());
            if (profit == null || coin == null || model.isEmpty()) {
                continue;
            }
            boolean hashing = profit.hashrateThs() > 0 && profit.powerWatts() > 0;
            double[] sums = perThByCoin.get(coin);
            OptionalDouble perTh = sums != null ? OptionalDouble.of(sums[0] / sums[1])
                    : quotedRevenuePerTh(economics, coin);
            if (!hashing && perTh.isEmpty()) {
                continue;
            }
            boolean paused = facts.latest().map(s -> s.status() == MinerStatus.STOPPED).orElse(false);
            double hashrate = hashing ? profit.hashrateThs() : model.get().ratedHashrateThs();
            double power = hashing ? profit.powerWatts() : model.get().ratedPowerWatts();
            double revenue = hashing ? profit.revenue() : hashrate * perTh.getAsDouble();
            String url = facts.latest().map(s -> s.poolUrl()).orElse(null);
            out.add(new PricedMiner(facts.miner(), model.get(), coin, hashrate, power, revenue, paused, url));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /**
     * What a TH/s of {@code coin} earns per day at its quoted market figures (gross hashprice, in the tariff's
     * currency): the price of a miner none of whose peers on that coin is hashing — all paused, say, when deciding
     * whether to resume them.
     */
    private static OptionalDouble quotedRevenuePerTh(EconomicEvidence economics, String coin) {
        CoinQuote quote = economics.quotes().get(coin);
        OptionalDouble rate = economics.rate();
        if (quote == null || quote.economics().isEmpty() || rate.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(quote.economics().get().hashprice().usdPerThPerDay() * rate.getAsDouble());
    }
}
