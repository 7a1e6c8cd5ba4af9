package io.hashdesk.app.overview;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The overview's history card: the fleet's hashrate (TH/s) and power (kW) over the chart window as two small charts
 * sharing a local-time axis, with a note in place of the lines while there are none. Bound to
 * {@link FleetHistoryViewModel}.
 */
final class FleetHistoryView {

    /** Ticks on round local hours, three hours apart: eight labels across a day stay readable in a small chart. */
    private static final Duration TICK = Duration.ofHours(3);
    private static final DateTimeFormatter TICK_LABEL = DateTimeFormatter.ofPattern("HH:mm", Locale.getDefault());

    private final ZoneId zone;
    private final VBox root;

    FleetHistoryView(FleetHistoryViewModel viewModel, ZoneId zone) {
        this.zone = zone;
        Label title = new Label("Fleet, " + viewModel.windowText());
        title.getStyleClass().add("overview-card-title");
        AreaChart<Number, Number> hashrate = chart("chart-fleet-hashrate", "Hashrate, TH/s");
        AreaChart<Number, Number> power = chart("chart-fleet-power", "Power, kW");
        Label message = new Label();
        message.setId("chart-fleet-message");
        message.getStyleClass().add("overview-chart-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.setMouseTransparent(true);
        VBox charts = new VBox(hashrate, power);
        VBox.setVgrow(hashrate, Priority.ALWAYS);
        VBox.setVgrow(power, Priority.ALWAYS);
        StackPane plot = new StackPane(charts, message);
        VBox.setVgrow(plot, Priority.ALWAYS);
        root = new VBox(title, plot);
        root.getStyleClass().addAll("overview-card", "fleet-history");
        viewModel.historyProperty().subscribe(history -> {
            if (history != null) {
                draw(hashrate, history, history.hashrateThs());
                draw(power, history, history.powerKilowatts());
            }
        });
    }

    VBox root() {
        return root;
    }

    private AreaChart<Number, Number> chart(String id, String unit) {
        NumberAxis time = new NumberAxis();
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        time.setTickUnit(TICK.toSeconds());
        time.setTickLabelFormatter(new LocalTime(TICK_LABEL.withZone(zone)));
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

    private void draw(AreaChart<Number, Number> chart, FleetHistory history, List<FleetHistory.Point> points) {
        NumberAxis time = (NumberAxis) chart.getXAxis();
        long tick = TICK.toSeconds();
        // ticks fall on lowerBound + n × tick: start at a round local hour before the window
        long offset = zone.getRules().getOffset(history.from()).getTotalSeconds();
        time.setLowerBound(Math.floorDiv(history.from().getEpochSecond() + offset, tick) * tick - offset);
        time.setUpperBound(history.to().getEpochSecond());
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().setAll(points.stream()
                .map(p -> new XYChart.Data<Number, Number>(p.epochSecond(), p.value())).toList());
        chart.getData().setAll(List.of(series));
    }

    /** Epoch seconds on the axis, local wall-clock time in the labels. */
    private static final class LocalTime extends StringConverter<Number> {

        private final DateTimeFormatter format;

        LocalTime(DateTimeFormatter format) {
            this.format = format;
        }

        @Override
        public String toString(Number epochSecond) {
            return format.format(Instant.ofEpochSecond(epochSecond.longValue()));
        }

        @Override
        public Number fromString(String text) {
            throw new UnsupportedOperationException("the time axis is not edited");
        }
    }
}
