package io.hashdesk.app.models;

import io.hashdesk.core.store.DriftVerdict;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The Models tables' cells: plain text, a main line over a muted one, and the drift verdict as a coloured pill. */
final class ModelCells {

    private ModelCells() {
    }

    /** A column of text whose full value shows in a tooltip when it is cut off. */
    static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** A column of longer text, wrapped onto the row's second line, the whole of it in a tooltip. */
    static <S> TableColumn<S, String> wrapped(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = text(title, value, width);
        column.getStyleClass().add("wrapped-column");
        return column;
    }

    /** A column showing a main line with a muted line under it. */
    static <S> TableColumn<S, S> twoLines(String title, Function<S, String> main, Function<S, String> under,
                                          double width) {
        TableColumn<S, S> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label top = styled(new Label(), "cell-main");
            private final Label bottom = styled(new Label(), "cell-under");
            private final VBox box = new VBox(top, bottom);

            @Override
            protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                top.setText(main.apply(row));
                bottom.setText(under.apply(row));
                setGraphic(box);
            }
        });
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** A column showing a drift verdict as a pill, with a muted line under it (empty for none). */
    static <S> TableColumn<S, S> verdict(String title, Function<S, Optional<DriftVerdict>> verdict,
                                         Function<S, String> under, double width) {
        TableColumn<S, S> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label pill = styled(new Label(), "verdict-pill");
            private final Label bottom = styled(new Label(), "cell-under");
            private final VBox box = new VBox(pill, bottom);

            @Override
            protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Optional<DriftVerdict> shown = verdict.apply(row);
                pill.setVisible(shown.isPresent());
                pill.setManaged(shown.isPresent());
                shown.ifPresent(v -> {
                    pill.setText(ModelText.verdict(v));
                    pill.getStyleClass().removeIf(s -> s.startsWith("verdict-") && !s.equals("verdict-pill"));
                    pill.getStyleClass().add("verdict-" + v.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                });
                String text = under.apply(row);
                bottom.setText(text);
                bottom.setVisible(!text.isEmpty());
                bottom.setManaged(!text.isEmpty());
                setGraphic(box);
            }
        });
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
