package io.hashdesk.core.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The schedule at the size the benchmark targets: 10,000 instantly answering miners, three minutes of one-second
 * ticks by the test clock. CPU use is the benchmark's job; this proves every miner is polled exactly once per
 * interval, in one batch per cycle, and that nothing counts as late.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenThousandMinersTest {

    private static final int MINERS = 10_000;

    @Test
    void everyMinerIsPolledOncePerIntervalInOneBatchPerCycle() {
        try (FakeFarm farm = new FakeFarm(MINERS, PollSettings.defaults())) {
            List<PollCycle> cycles = farm.runFor(Duration.ofMinutes(3));

            assertEquals(3, cycles.size());
            assertEquals(List.of(MINERS, MINERS, MINERS), farm.store.batches.stream().map(List::size).toList());
            for (int i = 0; i < MINERS; i++) {
                assertEquals(3, farm.reader.reads(Fleet.id(i)), Fleet.id(i)::toString);
            }
            PollMetrics totals = farm.scheduler.totals();
            assertEquals(3L * MINERS, totals.ok());
            assertEquals(0, totals.late());
            assertEquals(Duration.ZERO, totals.maxQueueLag());
        }
    }
}
