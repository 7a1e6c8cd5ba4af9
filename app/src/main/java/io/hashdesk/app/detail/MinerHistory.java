package io.hashdesk.app.detail;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A miner's charts and event history over one range, read together in one background job.
 *
 * @param hashrateUnit the unit of the hashrate chart (TH/s, or GH/s for a Scrypt miner)
 * @param samples      points the store returned (before any thinning for the charts)
 * @param events       newest first
 */
public record MinerHistory(MinerId minerId, DetailRange range, Instant from, Instant to, String hashrateUnit,
                           int samples, Map<ChartKind, List<ChartLine>> charts, List<MinerEvent> events) {

    public MinerHistory {
        charts = Map.copyOf(charts);
        events = List.copyOf(events);
    }

    /** The lines of one chart; empty when the miner reported nothing for it in the range. */
    public List<ChartLine> lines(ChartKind kind) {
        return charts.getOrDefault(kind, List.of());
    }

    /** The unit of a chart's value axis: the miner's own hashrate unit for hashrate and efficiency. */
    public String unit(ChartKind kind) {
        return switch (kind) {
            case HASHRATE -> hashrateUnit;
            case EFFICIENCY -> "J/" + hashrateUnit.replace("/s", "");
            default -> kind.unit();
        };
    }
}
