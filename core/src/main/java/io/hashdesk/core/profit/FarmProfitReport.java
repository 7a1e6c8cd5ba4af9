package io.hashdesk.core.profit;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import java.util.Map;

/**
 * The farm's profit over a period, with everything an operator needs to trust it.
 *
 * @param profit      per miner, per room and fleet figures for the miners that could be priced, in the tariff's
 *                    currency
 * @param coinOf      the coin each priced miner was taken to earn
 * @param notPriced   miners left out, each with the reason
 * @param quotes      the market figures used, per coin
 * @param notes       what was assumed or is stale, one sentence each
 */
public record FarmProfitReport(FleetProfit profit, Map<MinerId, String> coinOf, Map<MinerId, String> notPriced,
                               Map<String, CoinQuote> quotes, List<String> notes) {

    public FarmProfitReport {
        coinOf = Map.copyOf(coinOf);
        notPriced = Map.copyOf(notPriced);
        quotes = Map.copyOf(quotes);
        notes = List.copyOf(notes);
    }
}
