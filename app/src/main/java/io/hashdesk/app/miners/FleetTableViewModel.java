package io.hashdesk.app.miners;

import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.JobState;
import io.hashdesk.core.domain.MinerId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The fleet table's state: every miner's row, what the search and filters let through, in the order the operator
 * chose (grouped first, then by the clicked columns), the miners selected for bulk commands, and the CSV export.
 * Fed by a live refresh on the FX thread; touches no node.
 */
public final class FleetTableViewModel {

    public static final String ALL_ROOMS = "All rooms";
    public static final String ALL_MODELS = "All models";

    private final FleetCsvExport csv;
    private final JobRunner jobs;
    private final ObservableList<MinerRow> rows = FXCollections.observableArrayList();
    private final FilteredList<MinerRow> filtered = new FilteredList<>(rows);
    private final SortedList<MinerRow> visible = new SortedList<>(filtered);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter",
            StatusFilter.ALL);
    private final ObjectProperty<String> roomFilter = new SimpleObjectProperty<>(this, "roomFilter", ALL_ROOMS);
    private final ObjectProperty<String> modelFilter = new SimpleObjectProperty<>(this, "modelFilter", ALL_MODELS);
    private final ObjectProperty<FleetGrouping> grouping = new SimpleObjectProperty<>(this, "grouping",
            FleetGrouping.NONE);
    private final ObjectProperty<Comparator<MinerRow>> columnOrder = new SimpleObjectProperty<>(this, "columnOrder");
    private final ObservableList<String> rooms = FXCollections.observableArrayList(ALL_ROOMS);
    private final ObservableList<String> models = FXCollections.observableArrayList(ALL_MODELS);
    private final ObservableList<MinerId> selectedMinerIds = FXCollections.observableArrayList();
    private final ObservableList<String> roomsView = FXCollections.unmodifiableObservableList(rooms);
    private final ObservableList<String> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ObservableList<MinerId> selectedView = FXCollections.unmodifiableObservableList(selectedMinerIds);
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyBooleanWrapper hasMiners = new ReadOnlyBooleanWrapper(this, "hasMiners");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private Set<String> firstRowsOfGroups = Set.of();
    private JobHandle export;
    private Consumer<MinerId> onOpenMiner = id -> { };

    public FleetTableViewModel(FleetCsvExport csv, JobRunner jobs) {
        this.csv = Objects.requireNonNull(csv, "csv export");
        this.jobs = Objects.requireNonNull(jobs, "job runner");
        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::filter, searchText, statusFilter,
                roomFilter, modelFilter));
        visible.comparatorProperty().bind(Bindings.createObjectBinding(this::order, grouping, columnOrder));
        visible.addListener((ListChangeListener<MinerRow>) change -> afterViewChanged());
        grouping.subscribe(this::afterViewChanged);
    }

    /** Takes a fresh read of the fleet; call on the FX thread. The rows replace the old ones in one change. */
    public void update(List<MinerRow> fresh) {
        refreshing.set(true);
        try {
            rows.setAll(fresh);
        } finally {
            refreshing.set(false);
        }
        hasMiners.set(!fresh.isEmpty());
        if (!selectedMinerIds.isEmpty()) {
            Set<MinerId> present = new HashSet<>();
            fresh.forEach(row -> present.add(row.id()));
            selectedMinerIds.removeIf(id -> !present.contains(id));
        }
        syncChoices(rooms, ALL_ROOMS, fresh.stream().map(MinerRow::roomId).toList());
        syncChoices(models, ALL_MODELS, fresh.stream().map(MinerRow::modelName).toList());
        afterViewChanged();
    }

    /** The operator's selection in the table, in table order; only the ids of rows that exist are kept. */
    public void select(Collection<MinerId> ids) {
        Set<MinerId> known = new HashSet<>();
        rows.forEach(row -> known.add(row.id()));
        selectedMinerIds.setAll(ids.stream().filter(known::contains).distinct().toList());
        updateSummary();
    }

    /** Asks the shell to open a miner's detail screen (double-click or Enter on its row). */
    public void openMiner(MinerId id) {
        onOpenMiner.accept(Objects.requireNonNull(id, "miner id"));
    }

    /** Where {@link #openMiner} requests go; the shell routes them to the miner detail screen. */
    public void setOnOpenMiner(Consumer<MinerId> handler) {
        this.onOpenMiner = Objects.requireNonNull(handler, "open miner handler");
    }

    /** Writes the rows as shown now (filtered, grouped and sorted) to {@code file} in the background. */
    public void exportCsv(Path file) {
        if (exporting.get()) {
            return;
        }
        List<MinerRow> snapshot = List.copyOf(visible);
        exporting.set(true);
        exportProgress.set(-1);
        exportMessage.set("Exporting " + snapshot.size() + " miners…");
        export = jobs.submit("Export fleet table", context -> csv.write(snapshot, file, context), written -> {
            exportMessage.set("Exported " + written + " miners to " + file.getFileName());
            endExport();
        }, failure -> {
            exportMessage.set(failure.getMessage() + " — choose another folder and export again.");
            endExport();
        });
        // a fast job may already have ended here: subscribe() replays the current values, so nothing is missed
        export.progressProperty().subscribe(progress -> exportProgress.set(progress.doubleValue()));
        export.stateProperty().subscribe(state -> {
            if (state == JobState.CANCELLED) {
                exportMessage.set("Export cancelled; no file was written.");
                endExport();
            }
        });
    }

    /** Stops a running export; the target file is left as it was. */
    public void cancelExport() {
        if (export != null) {
            export.cancel();
        }
    }

    private void endExport() {
        exporting.set(false);
    }

    /**
     * The label of a group's first row in the current order (e.g. "hall-a"), empty for the other rows and when not
     * grouping, so the group column reads like headings of a grouped list.
     */
    public String groupHeading(MinerRow row) {
        if (grouping.get() == FleetGrouping.NONE || !firstRowsOfGroups.contains(row.id().value())) {
            return "";
        }
        return grouping.get().keyOf(row);
    }

    private Predicate<MinerRow> filter() {
        String text = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        StatusFilter status = statusFilter.get() == null ? StatusFilter.ALL : statusFilter.get();
        String room = roomFilter.get();
        String model = modelFilter.get();
        return row -> status.test().test(row) && (text.isEmpty() || row.matches(text))
                && (room == null || ALL_ROOMS.equals(room) || room.equals(row.roomId()))
                && (model == null || ALL_MODELS.equals(model) || model.equals(row.modelName()));
    }

    private Comparator<MinerRow> order() {
        FleetGrouping groups = grouping.get() == null ? FleetGrouping.NONE : grouping.get();
        Comparator<MinerRow> columns = columnOrder.get() == null ? Comparator.comparing(MinerRow::id)
                : columnOrder.get().thenComparing(MinerRow::id);
        return Comparator.comparing(groups::keyOf).thenComparing(columns);
    }

    private void afterViewChanged() {
        FleetGrouping groups = grouping.get();
        Set<String> firsts = new HashSet<>();
        if (groups != FleetGrouping.NONE) {
            String previous = null;
            for (MinerRow row : visible) {
                String key = groups.keyOf(row);
                if (!key.equals(previous)) {
                    firsts.add(row.id().value());
                    previous = key;
                }
            }
        }
        firstRowsOfGroups = firsts;
        updateSummary();
    }

    private void updateSummary() {
        String shown = visible.size() == rows.size() ? rows.size() + " miners"
                : "Showing " + visible.size() + " of " + rows.size() + " miners";
        long stale = visible.stream().filter(MinerRow::stale).count();
        summary.set(shown + (stale > 0 ? " · " + stale + " not heard from recently" : "")
                + (selectedMinerIds.isEmpty() ? "" : " · " + selectedMinerIds.size() + " selected"));
    }

    private static void syncChoices(ObservableList<String> choices, String all, List<String> values) {
        List<String> wanted = new ArrayList<>();
        wanted.add(all);
        wanted.addAll(new TreeSet<>(values));
        if (!choices.equals(wanted)) {
            choices.setAll(wanted);
        }
    }

    /** The rows the table shows, in its order; the view sets them as the table's items. */
    public ObservableList<MinerRow> visibleRows() {
        return visible;
    }

    /** The table's column sort, as the view's {@code TableView.comparatorProperty()} says. */
    public ObjectProperty<Comparator<MinerRow>> columnOrderProperty() {
        return columnOrder;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<String> roomFilterProperty() {
        return roomFilter;
    }

    public ObjectProperty<String> modelFilterProperty() {
        return modelFilter;
    }

    public ObjectProperty<FleetGrouping> groupingProperty() {
        return grouping;
    }

    /** {@link #ALL_ROOMS} and every room with a miner, for the room filter. */
    public ObservableList<String> rooms() {
        return roomsView;
    }

    /** {@link #ALL_MODELS} and every model in the fleet, for the model filter. */
    public ObservableList<String> models() {
        return modelsView;
    }

    /** The miners a bulk command would act on, in table order. */
    public ObservableList<MinerId> selectedMinerIds() {
        return selectedView;
    }

    /** True while a refresh replaces the rows: the table's selection changes then are not the operator's. */
    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMinersProperty() {
        return hasMiners.getReadOnlyProperty();
    }

    /** E.g. "Showing 12 of 60 miners · 2 not heard from recently · 3 selected". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** 0 to 1, negative while unknown. */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    /** The export's outcome as one sentence, or what it is doing. */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }
}
