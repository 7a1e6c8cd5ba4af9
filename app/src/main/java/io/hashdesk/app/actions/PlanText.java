package io.hashdesk.app.actions;

import java.time.Duration;
import java.util.List;

/** A plan in the words of its confirmation: the pacing sentence and the from → to table's lines. */
public final class PlanText {

    private PlanText() {
    }

    /** "3 waves of at most 10 miners, 2 steps each, about 12 minutes". */
    public static String pacing(ActionPlan plan) {
        if (!plan.changesAnything()) {
            return "Nothing to apply: every miner was refused.";
        }
        String waves = plan.waves() == 1 ? "1 wave of " + miners(plan.miners().size())
                : plan.waves() + " waves of at most " + miners(plan.minersPerWave());
        String steps = plan.stepsPerMiner() == 1 ? "1 step each" : plan.stepsPerMiner() + " steps each";
        return waves + ", " + steps + ", about " + duration(plan.estimated());
    }

    /** "12 miners change, 2 refused" — the dialog's header. */
    public static String headline(ActionPlan plan) {
        String changed = miners(plan.miners().size()) + (plan.miners().size() == 1 ? " changes" : " change");
        return plan.refused().isEmpty() ? changed : changed + ", " + plan.refused().size() + " refused";
    }

    /** Every setting of every miner, from → to. */
    public static List<SettingText.Line> lines(ActionPlan plan) {
        return plan.miners().stream().flatMap(m -> SettingText.lines(m.name(), m.from(), m.to()).stream()).toList();
    }

    static String miners(int count) {
        return count == 1 ? "1 miner" : count + " miners";
    }

    /** Rounded the way a person plans: seconds under a minute, minutes under two hours, then hours. */
    static String duration(Duration duration) {
        long minutes = Math.round(duration.toSeconds() / 60.0);
        if (duration.toSeconds() < 60) {
            return duration.toSeconds() + " seconds";
        }
        if (minutes < 120) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return String.format(java.util.Locale.ROOT, "%.1f hours", duration.toMinutes() / 60.0);
    }
}
