package io.hashdesk.app.miners;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The fleet table's columns. Each column's cells receive the whole row and show it through {@link MinerRowText};
 * sorting compares the column's raw value, with "not reported" after every number.
 */
final class FleetTableColumns {

    private static final double NARROW = 64;
    private static final double MEDIUM = 86;
    private static final double WIDE = 124;
    private static final double MODEL = 140;

    private FleetTableColumns() {
    }

    /** Every column except the group heading, in display order. */
    static List<TableColumn<MinerRow, MinerRow>> all() {
        return List.of(
                text("Miner", "col-miner", r -> r.id().value(), r -> r.id().value(), WIDE),
                status(),
                text("Model", "col-model", MinerRow::modelName, MinerRow::modelName, MODEL),
                text("Room / rack", "col-position", MinerRow::position, MinerRow::position, WIDE),
                number("TH/s", "col-hashrate", MinerRow::hashrateThs, MinerRowText::hashrate, WIDE - 24),
                number("% rated", "col-rated", MinerRow::percentOfRated,
                        r -> MinerRowText.number(r.percentOfRated(), 0), MEDIUM),
                number("Power W", "col-power", MinerRow::powerWatts, r -> MinerRowText.number(r.powerWatts(), 0),
                        MEDIUM),
                number("J/TH", "col-efficiency", MinerRow::efficiencyJPerTh, MinerRowText::efficiency, MEDIUM),
                number("Chip °C", "col-chip", MinerRow::chipTempMaxC, r -> MinerRowText.number(r.chipTempMaxC(), 0),
                        MEDIUM),
                number("Fan %", "col-fan", MinerRow::fanPercent, r -> MinerRowText.number(r.fanPercent(), 0), NARROW),
                number("Rejects %", "col-rejects", MinerRow::rejectsPercent,
                        r -> MinerRowText.number(r.rejectsPercent(), 2), WIDE - 24),
                text("Pool · coin", "col-pool", MinerRowText::poolAndCoin, MinerRowText::poolAndCoin, WIDE),
                text("Preset", "col-preset", MinerRow::preset, r -> MinerRowText.text(r.preset()), NARROW),
                number("Uptime", "col-uptime", r -> r.uptime() == null ? null : (double) r.uptime().toSeconds(),
                        r -> MinerRowText.uptime(r.uptime()), NARROW),
                lastSeen());
    }

    /** The group heading column, shown while grouping; not sortable, since the groups come first anyway. */
    static TableColumn<MinerRow, MinerRow> group(FleetTableViewModel viewModel) {
        TableColumn<MinerRow, MinerRow> column = column("Group", "col-group", row -> "", WIDE);
        column.setSortable(false);
        column.setCellFactory(c -> new RowCell(viewModel::groupHeading, "group-heading"));
        return column;
    }

    private static TableColumn<MinerRow, MinerRow> status() {
        TableColumn<MinerRow, MinerRow> column = column("Status", "col-status", MinerRow::status, MEDIUM);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label pill = new Label();

            @Override
            protected void updateItem(MinerRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                pill.setText(row.status().label());
                pill.getStyleClass().setAll("status-pill", row.status().styleClass());
                setGraphic(pill);
            }
        });
        return column;
    }

    private static TableColumn<MinerRow, MinerRow> lastSeen() {
        TableColumn<MinerRow, MinerRow> column = column("Last seen", "col-last-seen",
                r -> r.sinceLastSeen() == null ? Duration.ofSeconds(Long.MAX_VALUE) : r.sinceLastSeen(), MEDIUM);
        column.setCellFactory(c -> new RowCell(r -> MinerRowText.age(r.sinceLastSeen()), "number"));
        return column;
    }

    private static TableColumn<MinerRow, MinerRow> text(String title, String id, Function<MinerRow, String> value,
                                                        Function<MinerRow, String> shown, double width) {
        TableColumn<MinerRow, MinerRow> column = column(title, id, value, width);
        column.setCellFactory(c -> new RowCell(shown, null));
        return column;
    }

    private static TableColumn<MinerRow, MinerRow> number(String title, String id, Function<MinerRow, Double> value,
                                                          Function<MinerRow, String> shown, double width) {
        TableColumn<MinerRow, MinerRow> column = column(title, id, value, width);
        column.setCellFactory(c -> new RowCell(shown, "number"));
        column.getStyleClass().add("number-column");
        return column;
    }

    private static <T extends Comparable<? super T>> TableColumn<MinerRow, MinerRow> column(
            String title, String id, Function<MinerRow, T> sortKey, double width) {
        TableColumn<MinerRow, MinerRow> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(Comparator.comparing(sortKey, Comparator.nullsLast(Comparator.naturalOrder())));
        return column;
    }

    /** A cell showing one text drawn from its row, with an optional style class (right-aligned numbers). */
    private static final class RowCell extends TableCell<MinerRow, MinerRow> {

        private final Function<MinerRow, String> shown;

        RowCell(Function<MinerRow, String> shown, String styleClass) {
            this.shown = shown;
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
        }

        @Override
        protected void updateItem(MinerRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : shown.apply(row));
        }
    }
}
