package io.hashdesk.app.detail;

import io.hashdesk.app.common.LocalTimeLabels;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One chart card of the detail screen: a title with the unit, a line chart over a local-time axis, and a note in place
 * of the lines when the miner reported nothing for it. Band lines (bucket minima and maxima) are drawn thin and dashed.
 */
final class TimeChart {

    private final ChartKind kind;
    private final ZoneId zone;
    private final NumberAxis time = new NumberAxis();
    private final NumberAxis values = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(time, values);
    private final Label title = new Label();
    private final Label empty = new Label("No data in this range");
    private final VBox root;

    /** @param zone the time zone of the axis labels: the operator's own */
    TimeChart(ChartKind kind, ZoneId zone) {
        this.kind = kind;
        this.zone = zone;
        chart.setId("chart-" + kind.name().toLowerCase(Locale.ROOT));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        values.setForceZeroInRange(kind == ChartKind.REJECTS);
        values.setMinorTickVisible(false);
        title.getStyleClass().add("chart-card-title");
        empty.getStyleClass().add("chart-empty");
        empty.setMouseTransparent(true);
        StackPane plot = new StackPane(chart, empty);
        root = new VBox(title, plot);
        root.getStyleClass().add("chart-card");
        show(null);
    }

    VBox root() {
        return root;
    }

    /** Draws the history's lines for this chart; {@code null} clears it. */
    void show(MinerHistory history) {
        if (history == null) {
            title.setText(kind.title() + " (" + kind.unit() + ")");
            chart.getData().clear();
            empty.setVisible(false);
            return;
        }
        title.setText(kind.title() + " (" + history.unit(kind) + ")");
        values.setLabel(history.unit(kind));
        DetailRange range = history.range();
        long tick = range.tickSpacing().toSeconds();
        // ticks fall on lowerBound + n × tick: start at a round local time (on the hour, at midnight) before the data
        long offset = zone.getRules().getOffset(history.from()).getTotalSeconds();
        time.setLowerBound(Math.floorDiv(history.from().getEpochSecond() + offset, tick) * tick - offset);
        time.setUpperBound(history.to().getEpochSecond());
        time.setTickUnit(tick);
        time.setTickLabelFormatter(new LocalTimeLabels(DateTimeFormatter.ofPattern(range.tickPattern(), Locale.getDefault())
                .withZone(zone)));
        List<ChartLine> lines = history.lines(kind);
        chart.getData().setAll(lines.stream().map(TimeChart::series).toList());
        for (int i = 0; i < lines.size(); i++) {
            chart.getData().get(i).getNode().getStyleClass().add("line-" + lines.get(i).role().name()
                    .toLowerCase(Locale.ROOT));
        }
        empty.setVisible(lines.isEmpty());
    }

    private static XYChart.Series<Number, Number> series(ChartLine line) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(line.name());
        series.getData().setAll(line.points().stream()
                .map(p -> new XYChart.Data<Number, Number>(p.epochSecond(), p.value())).toList());
        return series;
    }
}
