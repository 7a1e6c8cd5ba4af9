package io.hashdesk.app.market;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The coins' latest figures as a table: each cell the value over its age and source, stale ones marked. */
final class CoinTableView {

    private static final double ROW_HEIGHT = 50;
    private static final double HEADER_HEIGHT = 44;

    private final TableView<CoinRow> table;

    CoinTableView(ObservableList<CoinRow> rows) {
        table = new TableView<>(rows);
        table.setId("market-coins");
        table.getStyleClass().add("market-coins");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setFocusTraversable(false);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(rows).multiply(ROW_HEIGHT).add(HEADER_HEIGHT));
        table.minHeightProperty().bind(table.prefHeightProperty());
        TableColumn<CoinRow, CoinRow> coin = new TableColumn<>("Coin");
        coin.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        coin.setCellFactory(c -> new CoinCell());
        coin.setPrefWidth(175);
        coin.setMinWidth(160);
        table.getColumns().add(coin);
        table.getColumns().add(figureColumn("Price", CoinRow::price));
        table.getColumns().add(figureColumn("Difficulty", CoinRow::difficulty));
        table.getColumns().add(figureColumn("Net hashrate", CoinRow::networkHashrate));
        table.getColumns().add(figureColumn("Block reward", CoinRow::blockReward));
        table.getColumns().add(figureColumn("Fees / block", CoinRow::fees));
        table.getColumns().add(figureColumn("Hashprice", CoinRow::hashprice));
        table.getColumns().forEach(c -> c.setSortable(false));
    }

    TableView<CoinRow> root() {
        return table;
    }

    private static TableColumn<CoinRow, FigureText> figureColumn(String title, Function<CoinRow, FigureText> figure) {
        TableColumn<CoinRow, FigureText> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(figure.apply(c.getValue())));
        column.setCellFactory(c -> new FigureCell());
        column.setPrefWidth(140);
        return column;
    }

    /** A value over a muted line with its age and source; orange and marked when stale. */
    private static final class FigureCell extends TableCell<CoinRow, FigureText> {
        private final Label value = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(value, detail);

        FigureCell() {
            value.getStyleClass().add("figure-value");
            detail.getStyleClass().add("figure-detail");
            box.getStyleClass().add("figure-box");
        }

        @Override
        protected void updateItem(FigureText item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            value.setText(item.value());
            detail.setText(item.detail());
            box.pseudoClassStateChanged(MarketStyles.STALE, item.stale());
            CoinRow row = getTableRow() == null ? null : getTableRow().getItem();
            boolean hashprice = getTableColumn() != null && "Hashprice".equals(getTableColumn().getText());
            setTooltip(hashprice && row != null && !row.notes().isEmpty() ? new Tooltip(row.notes())
                    : new Tooltip(item.value() + " — " + item.detail()));
            setGraphic(box);
        }
    }

    /** The ticker and name over the algorithm. */
    private static final class CoinCell extends TableCell<CoinRow, CoinRow> {
        private final Label name = new Label();
        private final Label algorithm = new Label();
        private final VBox box = new VBox(name, algorithm);

        CoinCell() {
            name.getStyleClass().add("coin-name");
            algorithm.getStyleClass().add("figure-detail");
            box.getStyleClass().add("figure-box");
        }

        @Override
        protected void updateItem(CoinRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.coin());
            algorithm.setText(item.algorithm());
            setGraphic(box);
        }
    }
}
