package io.hashdesk.app.overview;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.common.WhileShown;
import io.hashdesk.app.shell.Refreshable;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fleet section put together: the tiles (fed by the app's fleet and profit refreshes), the rooms' sensor strip,
 * the 24 h history chart and the room map. The chart (every few minutes), the map and the strip (every second) are read
 * only while the section is on screen.
 * Clicking a map cell or the alerts tile asks the shell to switch sections; F5 re-reads chart and map at once.
 */
public final class FleetOverviewScreen implements Refreshable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetOverviewScreen.class);

    private final FarmStore store;
    private final JobRunner jobs;
    private final Clock clock;
    private final OverviewSettings settings;
    private final Executor fx;
    private final FleetOverviewViewModel tiles;
    private final FleetHistoryViewModel history;
    private final RoomMapViewModel map;
    private final RoomClimateViewModel climate = new RoomClimateViewModel();
    private final FleetOverviewView view;
    private LiveRefresh<FleetHistory> historyRefresh;
    private Duration historyPeriod;
    private LiveRefresh<RoomMapPicture> mapRefresh;
    private LiveRefresh<List<RoomClimate>> climateRefresh;

    /** @param tiles the tiles' view-model, fed by the app's fleet summary and profit refreshes */
    public FleetOverviewScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, Clock clock,
                               OverviewSettings settings, FleetOverviewViewModel tiles) {
        this(store, catalog, jobs, clock, settings, tiles, FxExecutor.fx(), ZoneId.systemDefault());
    }

    FleetOverviewScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, Clock clock,
                        OverviewSettings settings, FleetOverviewViewModel tiles, Executor fx, ZoneId zone) {
        this.store = store;
        this.jobs = jobs;
        this.clock = clock;
        this.settings = settings;
        this.fx = fx;
        this.tiles = tiles;
        this.history = new FleetHistoryViewModel(
                (from, to) -> store.telemetry().fleetSeries(from, to, Resolution.FIVE_MINUTES),
                (from, to) -> store.telemetry().fleetSeriesByAlgorithm(from, to, Resolution.FIVE_MINUTES,
                        catalog.algorithmsOf(store.registry().miners())),
                (from, to) -> store.sensors().powerByRoom(from, to, Resolution.FIVE_MINUTES),
                jobs, clock, settings.chartWindow());
        this.map = new RoomMapViewModel(catalog, settings);
        this.view = new FleetOverviewView(tiles, List.of(new RoomClimateView(climate).root()),
                List.of(new FleetHistoryView(history, zone).root(), new RoomMapView(map).root()));
        WhileShown.bind(view.root(), this::activate, this::deactivate);
    }

    /** What the shell shows under {@code Section.FLEET}: the empty state until the first miners report. */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), tiles.hasMinersProperty());
    }

    public Node root() {
        return view.root();
    }

    /** What clicking a miner on the room map does: the app opens its detail in the Miners section. */
    public void setOnOpenMiner(Consumer<MinerId> onOpenMiner) {
        map.setOnOpenMiner(onOpenMiner);
    }

    /** Shows the alerts tile with this live count of unacknowledged alerts; clicking it runs {@code onOpenAlerts}. */
    public void showAlerts(ObservableIntegerValue unacknowledged, Runnable onOpenAlerts) {
        tiles.setOnOpenAlerts(onOpenAlerts);
        unacknowledged.subscribe(count -> tiles.showActiveAlerts(count.intValue()));
    }

    /** F5: reads the history and the map now instead of at their next refresh. */
    @Override
    public void refresh() {
        history.refresh();
        jobs.submit("Read the room map", context -> readMap(), map::update,
                failure -> LOG.warn("The room map keeps its last colours: {}", failure.getMessage()));
    }

    private RoomMapPicture readMap() {
        return new RoomMapPicture(store.registry().rooms(), store.registry().miners(), store.telemetry().latest(),
                clock.instant());
    }

    /** The rooms' sensors beside what their miners report; the same pace and staleness as the map. */
    private List<RoomClimate> readClimate() {
        return RoomClimate.of(store.registry().rooms(), store.registry().miners(), store.telemetry().latest(),
                store.sensors().latest(), clock.instant(), settings.staleAfter());
    }

    private void activate() {
        if (mapRefresh == null) {
            mapRefresh = new LiveRefresh<>("room-map", this::readMap, map::update, fx).start(settings.mapRefresh());
            climateRefresh = new LiveRefresh<>("room-climate", this::readClimate, climate::update, fx)
                    .start(settings.mapRefresh());
            FleetHistory shown = history.historyProperty().get();
            startHistoryRefresh(shown == null || shown.isEmpty() ? settings.chartRefreshWhileEmpty()
                    : settings.chartRefresh());
        }
    }

    private void startHistoryRefresh(Duration period) {
        historyPeriod = period;
        historyRefresh = new LiveRefresh<>("fleet-history", history::read, this::showHistory, fx).start(period);
    }

    /** Shows a read; the first readings of a new farm switch the chart from its quick re-reads to its usual pace. */
    private void showHistory(FleetHistory read) {
        history.show(read);
        Duration wanted = read.isEmpty() ? settings.chartRefreshWhileEmpty() : settings.chartRefresh();
        if (historyRefresh != null && !wanted.equals(historyPeriod)) {
            historyRefresh.close();
            startHistoryRefresh(wanted);
        }
    }

    private void deactivate() {
        if (mapRefresh != null) {
            mapRefresh.close();
            climateRefresh.close();
            historyRefresh.close();
            mapRefresh = null;
            climateRefresh = null;
            historyRefresh = null;
        }
    }

    @Override
    public void close() {
        deactivate();
    }
}
