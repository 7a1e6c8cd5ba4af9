package io.hashdesk.app.overview;

import io.hashdesk.app.common.LocalTimeLabels;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The overview's history card: the fleet's hashrate (one chart per algorithm, each in its own unit) and power (kW) over
 * the chart window as small charts sharing a local-time axis, with a note under the title while there are no lines. Bound to
 * {@link FleetHistoryViewModel}.
 */
final class FleetHistoryView {

    /** Ticks on round local hours, three hours apart: eight labels across a day stay readable in a small chart. */
    private static final Duration TICK = Duration.ofHours(3);
    private static final DateTimeFormatter TICK_LABEL = DateTimeFormatter.ofPattern("HH:mm", Locale.getDefault());

    private final ZoneId zone;
    private final VBox root;
    private final VBox charts;
    private final AreaChart<Number, Number> power;
    /** Names the power chart's two lines when meters measured; the chart's own legend drops out of a short chart. */
    private final HBox powerLegend = new HBox(legendEntry("reported by the miners", "power-legend-reported"),
            legendEntry("measured at the room meters", "power-legend-metered"));
    /** One hashrate chart per algorithm the fleet has, created when its first line arrives; SHA-256's always. */
    private final Map<Algorithm, AreaChart<Number, Number>> hashrate = new EnumMap<>(Algorithm.class);

    FleetHistoryView(FleetHistoryViewModel viewModel, ZoneId zone) {
        this.zone = zone;
        Label title = new Label("Fleet, " + viewModel.windowText());
        title.getStyleClass().add("overview-card-title");
        power = chart("chart-fleet-power", "Power, kW");
        // under the title, not over the plot: on a new farm the note would cover the axes
        Label message = new Label();
        message.setId("chart-fleet-message");
        message.getStyleClass().add("overview-chart-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        powerLegend.setId("chart-fleet-power-legend");
        powerLegend.getStyleClass().add("power-legend");
        powerLegend.managedProperty().bind(powerLegend.visibleProperty());
        powerLegend.setVisible(false);
        charts = new VBox(powerLegend, power);
        VBox.setVgrow(power, Priority.ALWAYS);
        hashrateChart(Algorithm.SHA256, FleetHistory.fleetUnit(Algorithm.SHA256));
        VBox.setVgrow(charts, Priority.ALWAYS);
        root = new VBox(title, message, charts);
        root.getStyleClass().addAll("overview-card", "fleet-history");
        viewModel.historyProperty().subscribe(history -> {
            if (history != null) {
                draw(history);
            }
        });
    }

    VBox root() {
        return root;
    }

    private void draw(FleetHistory history) {
        for (FleetHistory.HashrateLine line : history.hashrate()) {
            hashrateChart(line.algorithm(), line.unit());
        }
        hashrate.forEach((algorithm, chart) -> draw(chart, history, List.of(series("",
                history.hashrate(algorithm).map(FleetHistory.HashrateLine::points).orElse(List.of())))));
        boolean metered = !history.meteredKilowatts().isEmpty();
        powerLegend.setVisible(metered);
        // beside what the miners report, what the room meters measured: firmware power is often an estimate
        draw(power, history, metered ? List.of(series("reported by the miners", history.powerKilowatts()),
                series("measured at the meters", history.meteredKilowatts()))
                : List.of(series("", history.powerKilowatts())));
    }

    /** The algorithm's chart, added above the power chart in the algorithms' order the first time it is needed. */
    private AreaChart<Number, Number> hashrateChart(Algorithm algorithm, HashrateUnit unit) {
        return hashrate.computeIfAbsent(algorithm, a -> {
            String id = a == Algorithm.SHA256 ? "chart-fleet-hashrate"
                    : "chart-fleet-hashrate-" + a.name().toLowerCase(Locale.ROOT);
            AreaChart<Number, Number> chart = chart(id, a.displayName() + ", " + unit.label());
            VBox.setVgrow(chart, Priority.ALWAYS);
            // above the power chart and its legend row
            int before = (int) hashrate.keySet().stream().filter(other -> other.compareTo(a) < 0).count();
            charts.getChildren().add(before, chart);
            return chart;
        });
    }

    private AreaChart<Number, Number> chart(String id, String unit) {
        NumberAxis time = new NumberAxis();
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        time.setTickUnit(TICK.toSeconds());
        time.setTickLabelFormatter(new LocalTimeLabels(TICK_LABEL.withZone(zone)));
        NumberAxis values = new NumberAxis();
        values.setLabel(unit);
        // from zero: a fleet total zoomed into its last decimal turns noise into cliffs
        values.setForceZeroInRange(true);
        values.setMinorTickVisible(false);
        AreaChart<Number, Number> chart = new AreaChart<>(time, values);
        chart.setId(id);
        chart.getStyleClass().add("overview-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        chart.setMinHeight(120);
        return chart;
    }

    private void draw(AreaChart<Number, Number> chart, FleetHistory history,
                      List<XYChart.Series<Number, Number>> lines) {
        NumberAxis time = (NumberAxis) chart.getXAxis();
        long tick = TICK.toSeconds();
        // ticks fall on lowerBound + n × tick: start at a round local hour before the window
        long offset = zone.getRules().getOffset(history.from()).getTotalSeconds();
        time.setLowerBound(Math.floorDiv(history.from().getEpochSecond() + offset, tick) * tick - offset);
        time.setUpperBound(history.to().getEpochSecond());
        chart.getData().setAll(lines);
    }

    private static XYChart.Series<Number, Number> series(String name, List<FleetHistory.Point> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        series.getData().setAll(points.stream()
                .map(p -> new XYChart.Data<Number, Number>(p.epochSecond(), p.value())).toList());
        return series;
    }

    private static Label legendEntry(String text, String styleClass) {
        Region line = new Region();
        line.getStyleClass().add("power-legend-line");
        Label entry = new Label(text, line);
        entry.getStyleClass().addAll("power-legend-entry", styleClass);
        return entry;
    }
}
