package io.hashdesk.core.profit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Profit over {@code [from, to)} per miner, per room (keyed by room id, sorted) and for the whole fleet. Money in
 * {@code currency}, the tariff's.
 */
public record FleetProfit(Instant from, Instant to, String currency, List<MinerProfit> miners,
                          SortedMap<String, ProfitTotals> rooms, ProfitTotals fleet) {

    public FleetProfit {
        miners = List.copyOf(miners);
        rooms = Collections.unmodifiableSortedMap(new TreeMap<>(rooms));
    }

    /** The miners' figures with their room and fleet totals. */
    public static FleetProfit of(Instant from, Instant to, String currency, List<MinerProfit> miners) {
        Map<String, ProfitTotals> rooms = new TreeMap<>();
        ProfitTotals fleet = ProfitTotals.NONE;
        for (MinerProfit m : miners) {
            rooms.put(m.roomId(), rooms.getOrDefault(m.roomId(), ProfitTotals.NONE).plus(m));
            fleet = fleet.plus(m);
        }
        return new FleetProfit(from, to, currency, miners, new TreeMap<>(rooms), fleet);
    }
}
