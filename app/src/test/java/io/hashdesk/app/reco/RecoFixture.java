package io.hashdesk.app.reco;

import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.Backtest;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationTarget;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.TargetScope;
import io.hashdesk.core.reco.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Recommendations as the engine would give them, for inbox tests. */
public final class RecoFixture {

    public static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");

    private RecoFixture() {
    }

    /** A POWER recommendation lowering {@code miners} in {@code room} from the 3,250 W to the {@code watts} target. */
    public static Recommendation power(String id, String room, Urgency urgency, int watts, String... miners) {
        List<SettingChange> changes = java.util.Arrays.stream(miners).map(m -> new SettingChange(MinerId.of(m),
                "antminer-s19j-pro", SettingValues.none().withPowerTarget(3_250),
                SettingValues.none().withPowerTarget(watts))).toList();
        return new Recommendation(id, RecommendationType.POWER, target(room, miners), changes,
                new ExpectedImpact(new Estimate(-1.5, -2.4, -0.8), new Estimate(-180, -220, -140),
                        new Estimate(-2.1, -3.0, -1.2), new Estimate(12.4, 8.1, 16.7)),
                0.72, "Lower " + String.join(", ", miners) + " to " + watts + " W",
                "The efficiency curve of these units is flat above " + watts + " W: 180 W less costs 1.5 TH/s.",
                List.of("J/TH 29.8 now, 27.7 forecast"), List.of("Set the power target", "Watch 15 minutes"),
                urgency, NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofHours(5)),
                List.of("efficiency/antminer-s19j-pro@4"), 9.0,
                Optional.of(new Backtest(NOW.minus(Duration.ofDays(7)), NOW, 1000, 1087, 5000, 4700, 1,
                        "Over the last 7 days this would have earned $87 more (+8.7 %).")), List.of());
    }

    /** A MAINTENANCE recommendation: advice with steps and parts, no settings. */
    public static Recommendation maintenance(String id, String room, String miner) {
        return new Recommendation(id, RecommendationType.MAINTENANCE, target(room, miner), List.of(),
                ExpectedImpact.none(), 0.64, "Clean " + miner + ": its thermal resistance rose 18 %",
                "Chip temperature at the same power climbed 6 °C over three weeks; dust is the usual cause.",
                List.of(), List.of("Power it down", "Blow out the heatsinks", "Check both fans"), Urgency.HIGH,
                NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofDays(3)), List.of("thermal/fleet@2"), 4.0,
                Optional.empty(), List.of("Compressed air", "Spare 12 cm fan"));
    }

    private static RecommendationTarget target(String room, String... miners) {
        return new RecommendationTarget(miners.length == 1 ? TargetScope.MINER : TargetScope.GROUP,
                miners.length == 1 ? miners[0] + " (" + room + ")" : miners.length + " S19j Pro in " + room, room,
                java.util.Arrays.stream(miners).map(MinerId::of).toList());
    }
}
