package io.hashdesk.ml.advice;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.ml.maintenance.HourlyHistory;
import io.hashdesk.ml.optimiser.Setting;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every unit's hourly history for the evidence in one pass over the store ({@code forEachSeries}), rather than a
 * query per unit: at 5,000 units the per-unit queries were most of the time.
 */
final class FleetHistory {

    private FleetHistory() {
    }

    /** The past of every registered unit whose model is in the catalog and that has data in {@code [from, now)}. */
    static Map<MinerId, UnitPast> read(FarmStore store, MinerModelCatalog catalog, Instant from, Instant now) {
        Map<MinerId, Miner> known = new HashMap<>();
        Map<MinerId, MinerModel> models = new HashMap<>();
        for (Miner miner : store.registry().miners()) {
            Optional<MinerModel> model = catalog.byId(miner.modelId());
            if (model.isPresent()) {
                known.put(miner.id(), miner);
                models.put(miner.id(), model.get());
            }
        }
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Map<MinerId, UnitPast> out = new ConcurrentHashMap<>();
        store.telemetry().forEachSeries(start, now, Resolution.ONE_HOUR, (id, points) -> {
            Miner miner = known.get(id);
            if (miner != null) {
                HourlyHistory hours = HourlyHistory.of(id, peerGroup(miner),
                        models.get(id).safeLimits().chipTempMaxC(), start, now, points);
                out.put(id, new UnitPast(hours, presets(points)));
            }
        });
        return out;
    }

    /** The failure predictor compares a unit with the units of its model in its room, as its trainer does. */
    static String peerGroup(Miner miner) {
        return miner.modelId() + "/" + miner.position().roomId();
    }

    /**
     * The numeric presets (target watts) in the history with the clocks of the latest hour spent hashing throughout at
     * each; an hour whose preset changed within it reports the new preset with clocks averaged over both, so only an
     * hour that follows an hour at the same preset counts.
     */
    static Map<String, Setting> presets(List<SeriesPoint> points) {
        Map<String, Setting> presets = new HashMap<>();
        for (int i = 1; i < points.size(); i++) {
            SeriesPoint p = points.get(i);
            SeriesPoint before = points.get(i - 1);
            if (wattsOf(p.preset()).isPresent() && p.preset().equals(before.preset())
                    && before.start().plus(before.width()).equals(p.start()) && p.samples() > 0
                    && p.hashingSamples() == p.samples() && p.frequencyMhz() != null && p.voltageVolts() != null
                    && p.frequencyMhz() > 0 && p.voltageVolts() > 0) {
                presets.put(p.preset(), new Setting(p.frequencyMhz(), p.voltageVolts()));
            }
        }
        return presets;
    }

    /** The watts a preset name stands for, empty for names that are not a positive whole number ("disabled"). */
    static Optional<Integer> wattsOf(String preset) {
        if (preset == null || preset.isEmpty() || preset.length() > 6 || !preset.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int watts = Integer.parseInt(preset);
        return watts > 0 ? Optional.of(watts) : Optional.empty();
    }
}
