package io.hashdesk.core.reco;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.profit.CoinEconomics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A coin's economics as a switching decision should see them: as of the start of the current check interval (so a
 * decision holds for the whole interval), and with a latest figure that strays more than {@code k} median absolute
 * deviations from the recent median hashprice ignored as an outlier in favour of the newest one that does not.
 *
 * @param economics the figures used
 * @param note      what was ignored, or {@code null} when nothing was
 */
record CheckedMarket(CoinEconomics economics, String note) {

    /** 1.4826 × MAD estimates the standard deviation of normal data. */
    private static final double MAD_TO_SIGMA = 1.4826;
    /** A flat history has a MAD of zero; a spread below 1 % of the median is not taken as its noise. */
    private static final double MIN_RELATIVE_SPREAD = 0.01;

    static Optional<CheckedMarket> of(Coin coin, List<MarketSnapshot> history, Instant asOf, double outlierMads) {
        List<CoinEconomics> states = states(coin, history, asOf);
        if (states.isEmpty()) {
            return Optional.empty();
        }
        double[] values = states.stream().mapToDouble(e -> e.hashprice().usdPerThPerDay()).toArray();
        double median = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double spread = Math.max(MAD_TO_SIGMA * median(deviations), MIN_RELATIVE_SPREAD * Math.abs(median));
        for (int i = states.size() - 1; i >= 0; i--) {
            if (Math.abs(values[i] - median) <= outlierMads * spread) {
                String note = i == states.size() - 1 ? null : String.format(Locale.ROOT,
                        "%s's latest hashprice %.4g is more than %.0f MADs from its median %.4g and was ignored",
                        coin.symbol(), values[values.length - 1], outlierMads, median);
                return Optional.of(new CheckedMarket(states.get(i), note));
            }
        }
        return Optional.empty();
    }

    /** The coin's economics after each snapshot fetched by {@code asOf}, merging fields as they arrive. */
    private static List<CoinEconomics> states(Coin coin, List<MarketSnapshot> history, Instant asOf) {
        NewestMarketFigures newest = new NewestMarketFigures();
        List<CoinEconomics> states = new ArrayList<>();
        for (MarketSnapshot s : history) {
            if (s.fetchedAt().isAfter(asOf)) {
                break;
            }
            newest.take(s);
            newest.economicsOf(coin, s.fetchedAt()).ifPresent(states::add);
        }
        return states;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
