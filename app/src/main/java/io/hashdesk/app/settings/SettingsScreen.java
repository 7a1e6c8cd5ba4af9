package io.hashdesk.app.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.settings.DisplaySettings.ThemeChoice;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import java.awt.Desktop;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings section put together: the credentials and settings view-models over the store and the data folder,
 * and their view. The caller adds {@link #sectionScreen()} under {@code Section.SETTINGS}.
 */
public final class SettingsScreen {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsScreen.class);

    private final CredentialsViewModel credentials;
    private final SettingsViewModel settings;
    private final SettingsView view;

    public SettingsScreen(FarmStore store, DataFolder dataFolder, JobRunner jobs) {
        this.credentials = new CredentialsViewModel(store.credentials(), store.registry(), jobs);
        this.settings = new SettingsViewModel(dataFolder, jobs,
                () -> store.energy().activeTariff().map(Tariff::currency), SettingsScreen::applyTheme, fileManager());
        this.view = new SettingsView(settings, new CredentialsView(credentials));
        settings.load();
        // read each time the screen is shown: miners come and go (the welcome, discovery) while it is hidden
        view.root().sceneProperty().subscribe(scene -> {
            if (scene != null) {
                credentials.refresh();
            }
        });
    }

    /** The theme the operator chose, for the app to install before the first window shows. */
    public static void applySavedTheme(Path dataFolder) {
        try {
            applyTheme(DisplaySettings.load(dataFolder).theme());
        } catch (IllegalArgumentException e) {
            LOG.error("The display settings are broken, using the dark theme: {}", e.getMessage(), e);
            applyTheme(ThemeChoice.DARK);
        }
    }

    static void applyTheme(ThemeChoice theme) {
        Application.setUserAgentStylesheet(theme == ThemeChoice.LIGHT
                ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet());
    }

    /** The desktop's file manager, when AWT can reach one (not on a headless machine). */
    private static Optional<Consumer<Path>> fileManager() {
        if (java.awt.GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            return Optional.empty();
        }
        return Optional.of(folder -> Thread.ofVirtual().name("open-data-folder").start(() -> {
            try {
                Desktop.getDesktop().open(folder.toFile());
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("Could not open {} in the file manager: {}", folder, e.getMessage());
            }
        }));
    }

    /** Always has something to show, so no empty state. */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    public Node root() {
        return view.root();
    }

    CredentialsViewModel credentials() {
        return credentials;
    }
}
