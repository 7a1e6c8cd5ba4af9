package io.hashdesk.app.actions;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** The Actions screen's table columns: plain text, and text coloured by what it says (kept, rolled back, failed). */
final class ActionCells {

    private ActionCells() {
    }

    /** A text column whose cells show their whole text as a tooltip, for what a narrow column cuts off. */
    static <R> TableColumn<R, String> text(String title, Function<R, String> text, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /**
     * A column whose cell carries a style class named after {@code tone} ("tone-kept", "tone-failed"), so the CSS
     * colours outcomes without the view deciding what is good or bad.
     */
    static <R> TableColumn<R, String> toned(String title, Function<R, String> text, Function<R, String> tone,
                                            double width) {
        TableColumn<R, String> column = text(title, text, width);
        column.setCellFactory(c -> new TableCell<>() {
            private String applied;

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(applied);
                applied = null;
                R row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                if (row != null) {
                    applied = "tone-" + tone.apply(row).toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
                    getStyleClass().add(applied);
                }
            }
        });
        return column;
    }
}
