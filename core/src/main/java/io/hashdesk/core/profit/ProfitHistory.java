package io.hashdesk.core.profit;

import io.hashdesk.core.domain.MinerId;
import java.time.LocalDate;
import java.util.List;

/** Each miner's profit day by day, kept with the farm's other data. */
public interface ProfitHistory {

    /**
     * Records a day's figures for each miner in {@code figures} (normally {@link ProfitCalculator#fleet} over that
     * local day); recording a day again replaces that day's rows of those miners.
     *
     * @throws IllegalArgumentException when a miner is not in the inventory
     */
    void recordDay(LocalDate day, FleetProfit figures);

    /** A miner's recorded days from {@code from} to {@code to}, both included, oldest first. */
    List<DailyProfit> history(MinerId miner, LocalDate from, LocalDate to);
}
