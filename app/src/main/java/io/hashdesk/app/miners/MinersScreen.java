package io.hashdesk.app.miners;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Miners section put together: the row service, view-model and view, and the live refresh that runs only while
 * the table is on screen (one read at start tells the shell whether there is anything to show).
 */
public final class MinersScreen implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MinersScreen.class);

    private final FleetRows rows;
    private final FleetTableSettings settings;
    private final FleetTableViewModel viewModel;
    private final FleetTableView view;
    private LiveRefresh<List<MinerRow>> refresh;

    public MinersScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, Clock clock,
                        FleetTableSettings settings) {
        this.settings = settings;
        this.rows = new FleetRows(store, catalog, clock, settings);
        this.viewModel = new FleetTableViewModel(new FleetCsvExport(), jobs);
        this.view = new FleetTableView(viewModel);
        jobs.submit("Read the fleet", context -> rows.read(), viewModel::update,
                failure -> LOG.warn("The fleet table stays empty until the next refresh: {}", failure.getMessage()));
        view.root().sceneProperty().subscribe(scene -> {
            if (scene == null) {
                stopRefresh();
            } else if (refresh == null) {
                refresh = new LiveRefresh<>("fleet-table", rows::read, viewModel::update, FxExecutor.fx())
                        .start(settings.refresh());
            }
        });
    }

    /** What the shell shows under {@code Section.MINERS}. */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), viewModel.hasMinersProperty());
    }

    public Node root() {
        return view.root();
    }

    /** For the shell: the selection for bulk commands and {@link FleetTableViewModel#setOnOpenMiner}. */
    public FleetTableViewModel viewModel() {
        return viewModel;
    }

    private void stopRefresh() {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
    }

    @Override
    public void close() {
        stopRefresh();
    }
}
