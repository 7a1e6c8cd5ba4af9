package io.hashdesk.app.actions;

import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Expected and measured impact in words, with the interval beside the mean: "+$12.40/day (8.10 – 16.70)". Shared by
 * the inbox cards and the action history, so a prediction reads the same in both.
 */
public final class ImpactText {

    /** One figure a recommendation predicts. */
    public enum Figure {
        PROFIT("$/day"),
        EFFICIENCY("J/TH"),
        HASHRATE("TH/s"),
        POWER("W");

        private final String unit;

        Figure(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /** Whether a predicted change is one the operator wants, so the card can colour it. */
    public enum Tone {
        GOOD,
        BAD,
        NEUTRAL
    }

    /** One predicted figure as shown: "−2.1 J/TH (−3.0 – −1.2)", good. */
    public record Shown(String text, Tone tone) {
    }

    private ImpactText() {
    }

    /** The figures an impact predicts, profit first, each as "+$12.40/day (8.10 – 16.70)" with its tone. */
    public static List<Shown> lines(ExpectedImpact impact) {
        List<Shown> lines = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            estimate(impact, figure).ifPresent(e -> lines.add(new Shown(estimate(figure, e), tone(figure,
                    e.mean()))));
        }
        return lines;
    }

    /**
     * More profit and hashrate are good, more J/TH is bad; power is neither on its own (less power is the point of
     * a curtailment and the cost of an overclock), so it stays neutral.
     */
    public static Tone tone(Figure figure, double change) {
        if (change == 0 || figure == Figure.POWER) {
            return Tone.NEUTRAL;
        }
        boolean better = figure == Figure.EFFICIENCY ? change < 0 : change > 0;
        return better ? Tone.GOOD : Tone.BAD;
    }

    /** One estimate with its interval; an exact figure (a rated or planned one) without. */
    public static String estimate(Figure figure, Estimate estimate) {
        String mean = value(figure, estimate.mean());
        String low = plain(figure, estimate.low());
        String high = plain(figure, estimate.high());
        return low.equals(high) ? mean : mean + " (" + low + " – " + high + ")";
    }

    /** A signed value with its unit: "+$12.40/day", "−2.1 J/TH", "−180 W", "+3.2 TH/s". */
    public static String value(Figure figure, double value) {
        String sign = value > 0 ? "+" : value < 0 ? "−" : "±";
        return switch (figure) {
            case PROFIT -> sign + "$" + plain(figure, Math.abs(value)) + "/day";
            default -> sign + plain(figure, Math.abs(value)) + " " + figure.unit();
        };
    }

    public static Optional<Estimate> estimate(ExpectedImpact impact, Figure figure) {
        return Optional.ofNullable(switch (figure) {
            case PROFIT -> impact.profitUsdPerDay();
            case EFFICIENCY -> impact.efficiencyJPerTh();
            case HASHRATE -> impact.hashrateThs();
            case POWER -> impact.powerWatts();
        });
    }

    /** A number without its unit, with the precision the figure is measured to. */
    static String plain(Figure figure, double value) {
        String text = switch (figure) {
            case PROFIT -> String.format(Locale.ROOT, "%,.2f", value);
            case EFFICIENCY, HASHRATE -> String.format(Locale.ROOT, "%,.1f", value);
            case POWER -> String.format(Locale.ROOT, "%,.0f", value);
        };
        // the typographic minus, as in the signed values beside it
        return text.replace('-', '−');
    }
}
