package io.hashdesk.core.alert;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Overheating: the hottest chip at or above the limit (the configured one, else the model's safe chip temperature);
 * it clears only a margin below the limit.
 */
final class OverheatingRule implements AlertRule {

    private final AlertSettings settings;

    OverheatingRule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.OVERHEATING;
    }

    @Override
    public Duration raiseAfter() {
        return settings.overheatAfter();
    }

    @Override
    public Verdict judge(TelemetrySnapshot latest, Optional<MinerModel> model, Instant now) {
        Double chip = latest.chipTempMaxC();
        if (chip == null) {
            return Verdict.hold();
        }
        double limit = limitFor(model);
        if (chip >= limit) {
            return Verdict.raise(kind().severity(), "Chip temperature " + Figures.celsius(chip)
                    + " is at or above the " + Figures.celsius(limit) + " limit.");
        }
        return chip < limit - settings.overheatClearMarginC() ? Verdict.clear() : Verdict.hold();
    }

    private double limitFor(Optional<MinerModel> model) {
        if (settings.chipTempMaxC() != null) {
            return settings.chipTempMaxC();
        }
        return model.map(m -> m.safeLimits().chipTempMaxC()).orElse(settings.unknownModelChipTempMaxC());
    }
}
