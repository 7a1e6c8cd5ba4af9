package io.hashdesk.app.actions;

import io.hashdesk.app.actions.ActionRecord.MeasuredImpact;
import io.hashdesk.app.actions.ImpactText.Figure;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * One action in the history table, in words.
 *
 * @param predicted the headline prediction with its interval, e.g. "+$12.40/day (8.10 – 16.70)"
 * @param measured  what was measured of the same figure, e.g. "+$10.90/day"; "not measured yet" until then
 * @param verdict   whether the measured figure fell inside the predicted interval: "yes", "no", or empty when
 *                  there is nothing to compare
 */
record HistoryRow(ActionRecord record, String when, String who, String what, String status, String predicted,
                  String measured, String verdict) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    String actionId() {
        return record.actionId();
    }

    boolean insideInterval() {
        return verdict.equals(INSIDE);
    }

    static final String INSIDE = "yes";
    static final String OUTSIDE = "no";

    static HistoryRow of(ActionRecord record, ZoneId zone) {
        String what = record.title() + " · " + PlanText.miners(record.minerCount());
        Optional<Figure> figure = record.predicted().flatMap(p -> record.measured().flatMap(MeasuredImpact::judgedBy)
                .filter(f -> ImpactText.estimate(p, f).isPresent()).or(() -> headlineFigure(p)));
        String predicted = figure.map(f -> ImpactText.estimate(f, estimate(record.predicted().get(), f)))
                .orElse("—");
        Optional<Double> actual = figure.flatMap(f -> record.measured().map(m -> measured(m, f)));
        String measured = record.measured().isEmpty() ? (record.status() == ActionRecord.Status.APPLIED
                ? "not measured yet" : "—") : actual.map(v -> ImpactText.value(figure.get(), v)).orElse("—");
        String verdict = figure.isPresent() && actual.isPresent()
                ? estimate(record.predicted().get(), figure.get()).contains(actual.get()) ? INSIDE : OUTSIDE : "";
        return new HistoryRow(record, WHEN.format(record.startedAt().atZone(zone)), record.operator(), what,
                statusText(record.status()), predicted, measured, verdict);
    }

    static String statusText(ActionRecord.Status status) {
        String words = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The figure the operator judges a change by: profit when predicted, else efficiency, hashrate, power. */
    private static Optional<Figure> headlineFigure(ExpectedImpact impact) {
        for (Figure figure : Figure.values()) {
            if (ImpactText.estimate(impact, figure).isPresent()) {
                return Optional.of(figure);
            }
        }
        return Optional.empty();
    }

    private static Estimate estimate(ExpectedImpact impact, Figure figure) {
        return ImpactText.estimate(impact, figure).orElseThrow();
    }

    private static Double measured(MeasuredImpact impact, Figure figure) {
        return switch (figure) {
            case PROFIT -> impact.profitUsdPerDay();
            case EFFICIENCY -> impact.efficiencyJPerTh();
            case HASHRATE -> impact.hashrateThs();
            case POWER -> impact.powerWatts();
        };
    }
}
