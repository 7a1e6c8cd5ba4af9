package io.hashdesk.app.reco;

import io.hashdesk.app.actions.ImpactText;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.reco.Backtest;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One recommendation as its card shows it, every figure already in words.
 *
 * @param room       the room's name, or "Several rooms"
 * @param impact     each predicted figure with its interval, profit first
 * @param confidence 0–1, drawn as a bar
 * @param where      "12 S19j Pro in Room A · expires in 5 h"
 * @param backtest   the replay's one-line summary, when the recommendation has one
 * @param models     "Models: efficiency/S19j Pro@4, thermal/fleet@2", or empty for rule-based advice
 */
record RecommendationCard(Recommendation recommendation, String typeText, String urgencyText, String room,
                          List<ImpactText.Shown> impact, double confidence, String confidenceText, String where,
                          List<String> miners, Optional<String> backtest, String models) {

    static final String SEVERAL_ROOMS = "Several rooms";

    static RecommendationCard of(Recommendation r, Instant now) {
        List<String> miners = r.target().miners().stream().map(MinerId::value).toList();
        String room = r.target().roomId() == null ? SEVERAL_ROOMS : r.target().roomId();
        // the label names the miners (and counts them for a group); the list below the card has them all
        String where = r.target().label() + " · " + expiry(r.expiresAt(), now);
        return new RecommendationCard(r, typeText(r.type()), words(r.urgency().name()), room,
                ImpactText.lines(r.impact()), r.confidence(),
                String.format(Locale.ROOT, "%.0f %%", r.confidence() * 100), where, miners,
                r.backtest().map(RecommendationCard::backtestText),
                r.modelVersions().isEmpty() ? "" : "Models: " + String.join(", ", r.modelVersions()));
    }

    String id() {
        return recommendation.id();
    }

    String headline() {
        return recommendation.headline();
    }

    RecommendationType type() {
        return recommendation.type();
    }

    Urgency urgency() {
        return recommendation.urgency();
    }

    /** Whether Apply is offered: it changes miners and carries the exact settings to write. */
    boolean applicable() {
        return recommendation.type().changesMiners() && recommendation.applicable();
    }

    /** Whether the card offers "Open work order" instead of Apply. */
    boolean maintenance() {
        return recommendation.type() == RecommendationType.MAINTENANCE;
    }

    static String typeText(RecommendationType type) {
        return switch (type) {
            case COIN_SWITCH -> "Coin switch";
            case POOL_SWITCH -> "Pool switch";
            default -> words(type.name());
        };
    }

    private static String words(String constant) {
        String lower = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String backtestText(Backtest backtest) {
        return backtest.coverage() < 1
                ? backtest.summary() + String.format(Locale.ROOT, " (data for %.0f %% of the window)",
                backtest.coverage() * 100)
                : backtest.summary();
    }

    /** "expires in 5 h", "expires in 40 min", "expired". */
    static String expiry(Instant expiresAt, Instant now) {
        Duration left = Duration.between(now, expiresAt);
        if (left.isNegative() || left.isZero()) {
            return "expired";
        }
        if (left.toHours() >= 48) {
            return "expires in " + left.toDays() + " days";
        }
        if (left.toHours() >= 1) {
            return "expires in " + left.toHours() + " h";
        }
        return "expires in " + Math.max(1, left.toMinutes()) + " min";
    }
}
