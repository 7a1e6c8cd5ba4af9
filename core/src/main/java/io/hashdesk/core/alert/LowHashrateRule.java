package io.hashdesk.core.alert;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Low hashrate: a mining miner below a percentage of its model's rated hashrate; it clears only at a higher one.
 * A miner that is not mining is judged by the offline rule, not this one.
 */
final class LowHashrateRule implements AlertRule {

    private final AlertSettings settings;

    LowHashrateRule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.LOW_HASHRATE;
    }

    @Override
    public Duration raiseAfter() {
        return settings.lowHashrateAfter();
    }

    @Override
    public Verdict judge(TelemetrySnapshot latest, Optional<MinerModel> model, Instant now) {
        if (!latest.status().hashing() || latest.hashrateThs() == null || model.isEmpty()) {
            return Verdict.hold();
        }
        MinerModel rated = model.get();
        double percent = 100 * latest.hashrateThs() / rated.ratedHashrateThs();
        if (percent < settings.lowHashratePercent()) {
            HashrateUnit unit = rated.algorithm().displayUnit();
            return Verdict.raise(kind().severity(), "Hashrate " + Figures.number(unit.fromThs(latest.hashrateThs()))
                    + " " + unit.label() + " is " + Figures.percent(percent) + " of the rated "
                    + Figures.number(unit.fromThs(rated.ratedHashrateThs())) + " " + unit.label() + ".");
        }
        return percent >= settings.lowHashrateClearPercent() ? Verdict.clear() : Verdict.hold();
    }
}
