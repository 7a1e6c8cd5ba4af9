package io.hashdesk.app.discovery;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.discovery.DriverProbe;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.ZoneId;
import javafx.scene.Node;

/**
 * The discovery wizard put together: the Vnish and CGMiner drivers it probes with (web API first, then RPC), the
 * registration service over the store, the view-models and the view. Closing it closes its drivers.
 */
public final class DiscoveryScreen implements AutoCloseable {

    private final VnishDrivers web;
    private final CgminerRpcDrivers rpc;
    private final DiscoveryViewModel viewModel;
    private final DiscoveryView view;

    public DiscoveryScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, DiscoverySettings settings,
                           ZoneId newSiteZone) {
        DriverOptions options = DriverOptions.defaults();
        this.web = new VnishDrivers(options);
        this.rpc = new CgminerRpcDrivers(options);
        MinerRegistration registration = new MinerRegistration(store.registry(), store.credentials(), catalog,
                newSiteZone);
        this.viewModel = new DiscoveryViewModel(DriverProbe.webThenRpc(web, rpc), registration, jobs, FxExecutor.fx(),
                settings);
        this.view = new DiscoveryView(viewModel);
    }

    public Node root() {
        return view.root();
    }

    /** What "Close" does, e.g. going back to the miners table; a running scan is cancelled first. */
    public void setOnClose(Runnable onClose) {
        view.setOnClose(() -> {
            viewModel.cancel();
            onClose.run();
        });
    }

    @Override
    public void close() {
        viewModel.cancel();
        web.close();
        rpc.close();
    }
}
