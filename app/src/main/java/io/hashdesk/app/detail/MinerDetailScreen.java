package io.hashdesk.app.detail;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import javafx.scene.Node;

/**
 * The miner detail screen put together: reader, view-model and view, and the live header refresh that runs only
 * while the screen is on screen. The Miners section shows it in place of the fleet table.
 */
public final class MinerDetailScreen implements AutoCloseable {

    private final MinerDetailReader reader;
    private final MinerDetailViewModel viewModel;
    private final MinerDetailView view;
    private final MinerDetailSettings settings;
    private final Executor fx;
    private LiveRefresh<MinerHeader> refresh;

    public MinerDetailScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, Clock clock,
                             MinerDetailSettings settings) {
        this(store, catalog, jobs, clock, settings, FxExecutor.fx(), ZoneId.systemDefault());
    }

    /** @param zone the zone the charts' time axes and the event times are shown in */
    MinerDetailScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, Clock clock,
                      MinerDetailSettings settings, Executor fx, ZoneId zone) {
        this.settings = settings;
        this.fx = fx;
        this.reader = new MinerDetailReader(store, catalog, clock, settings);
        this.viewModel = new MinerDetailViewModel(reader, jobs, settings.staleAfter());
        this.view = new MinerDetailView(viewModel, zone);
        view.root().sceneProperty().subscribe(scene -> {
            if (scene == null) {
                stopRefresh();
            } else if (refresh == null) {
                refresh = new LiveRefresh<MinerHeader>("miner-detail",
                        () -> viewModel.minerId().flatMap(reader::header).orElse(null), viewModel::updateHeader, fx)
                        .start(settings.refresh());
            }
        });
    }

    /** Shows {@code id}: its header at once, its history over the chosen range as soon as it is read. */
    public void show(MinerId id) {
        viewModel.open(id);
        view.focusBack();
    }

    /** What the back button and Esc do: the Miners section puts its table back. */
    public void setOnBack(Runnable handler) {
        viewModel.setOnBack(handler);
    }

    public Node root() {
        return view.root();
    }

    public MinerDetailViewModel viewModel() {
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
        viewModel.cancelLoad();
        stopRefresh();
    }
}
