package io.hashdesk.app.models;

import io.hashdesk.app.common.ConfirmationDialog;
import io.hashdesk.app.common.FxConfirmationDialog;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.common.WhileShown;
import io.hashdesk.app.shell.Refreshable;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.ModelVersionStore;
import io.hashdesk.ml.registry.RegistrySettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * The Models section put together: the registry read in the background, the view-model and view, and a live refresh
 * that runs only while the screen is shown. The screen keeps its own empty state (so Retrain now stays at hand), so
 * the shell never replaces it with the section's.
 */
public final class ModelsScreen implements Refreshable, AutoCloseable {

    private final ModelsViewModel viewModel;
    private final ModelsView view;
    private final ModelsScreenSettings settings;
    private final Executor fx;
    private LiveRefresh<ModelsPicture> refresh;

    /**
     * @param registrySettings the registry's settings, for the metric each model type is judged on
     * @param commands         the running model training, once started ({@code Optional.empty()} before, or while the
     *                         site agent holds the database); asked at each read
     * @param operator         who rolls back, kept in the reason stored with the versions (the OS user name)
     */
    public ModelsScreen(ModelVersionStore versions, RegistrySettings registrySettings, MinerModelCatalog catalog,
                        Supplier<Optional<ModelCommands>> commands, JobRunner jobs, Clock clock,
                        ModelsScreenSettings settings, String operator) {
        this(versions, registrySettings, catalog, commands, jobs, clock, settings, operator, FxExecutor.fx(),
                ZoneId.systemDefault(), null);
    }

    /** As the public constructor; a {@code null} dialog means the JavaFX confirmation dialog. */
    ModelsScreen(ModelVersionStore versions, RegistrySettings registrySettings, MinerModelCatalog catalog,
                 Supplier<Optional<ModelCommands>> commands, JobRunner jobs, Clock clock,
                 ModelsScreenSettings settings, String operator, Executor fx, ZoneId zone, ConfirmationDialog dialog) {
        this.settings = settings;
        this.fx = fx;
        ModelsReader reader = new ModelsReader(versions, registrySettings, clock);
        this.viewModel = new ModelsViewModel(reader::read, new SlotRows(catalog, zone), commands, jobs,
                dialog != null ? dialog : question -> new FxConfirmationDialog(root()).confirm(question), operator);
        this.view = new ModelsView(viewModel);
        WhileShown.bind(view.root(), this::activate, this::deactivate);
    }

    /** The screen for the shell's MODELS section; it shows its own empty state, so it always has data. */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    public Node root() {
        return view.root();
    }

    /** F5: re-reads the registry now. */
    @Override
    public void refresh() {
        viewModel.refresh();
    }

    ModelsViewModel viewModel() {
        return viewModel;
    }

    private void activate() {
        if (refresh == null) {
            refresh = new LiveRefresh<>("models", viewModel::read, viewModel::update, fx).start(settings.refresh());
        }
    }

    private void deactivate() {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
    }

    @Override
    public void close() {
        deactivate();
    }
}
