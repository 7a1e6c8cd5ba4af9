package io.hashdesk.core.alert;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fan failure: while the miner is mining, a fan has stopped or turns far slower than the others. Judged only while
 * mining because a stopped miner may stop its fans on purpose.
 */
final class FanFailureRule implements AlertRule {

    private final AlertSettings settings;

    FanFailureRule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.FAN_FAILURE;
    }

    @Override
    public Duration raiseAfter() {
        return settings.fanFailureAfter();
    }

    @Override
    public Verdict judge(TelemetrySnapshot latest, Optional<MinerModel> model, Instant now) {
        List<Integer> fans = latest.fanRpm();
        if (!latest.status().hashing() || fans.isEmpty()) {
            return Verdict.hold();
        }
        boolean allHealthy = true;
        for (int i = 0; i < fans.size(); i++) {
            int rpm = fans.get(i);
            double others = medianOfOthers(fans, i);
            if (rpm <= settings.fanStoppedRpm()) {
                return Verdict.raise(kind().severity(), "Fan " + (i + 1) + " turns at " + Figures.rpm(rpm)
                        + (others > 0 ? " while the others run at about " + Figures.rpm(others) : "") + ".");
            }
            if (others > 0 && rpm < others * settings.fanBelowOthersFraction()) {
                return Verdict.raise(kind().severity(), "Fan " + (i + 1) + " turns at " + Figures.rpm(rpm)
                        + ", under " + Figures.percent(100 * settings.fanBelowOthersFraction())
                        + " of the others' " + Figures.rpm(others) + ".");
            }
            if (others > 0 && rpm < others * settings.fanClearFraction()) {
                allHealthy = false;
            }
        }
        return allHealthy ? Verdict.clear() : Verdict.hold();
    }

    /** The median speed of every fan but {@code index}; 0 when it is the only fan. */
    private static double medianOfOthers(List<Integer> fans, int index) {
        List<Integer> others = new ArrayList<>(fans);
        others.remove(index);
        if (others.isEmpty()) {
            return 0;
        }
        others.sort(Integer::compare);
        int mid = others.size() / 2;
        return others.size() % 2 == 1 ? others.get(mid) : (others.get(mid - 1) + others.get(mid)) / 2.0;
    }
}
