package io.hashdesk.app.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.settings.DisplaySettings.ThemeChoice;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.sensor.SensorInventory;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.drivers.serial.DeviceProfile;
import io.hashdesk.drivers.serial.DeviceProfiles;
import java.awt.Desktop;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings section put together: the credentials, room sensors and settings view-models over the store and the
 * data folder, and their view; the sensors' statuses are re-read every second while the section is shown. The caller adds {@link #sectionScreen()} under {@code Section.SETTINGS}.
 */
public final class SettingsScreen {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsScreen.class);

    private final CredentialsViewModel credentials;
    private final SettingsViewModel settings;
    private final SensorsViewModel sensors;
    private final SettingsView view;
    private LiveRefresh<SensorsViewModel.Picture> sensorRefresh;

    public SettingsScreen(FarmStore store, DataFolder dataFolder, JobRunner jobs, Clock clock) {
        this.credentials = new CredentialsViewModel(store.credentials(), store.registry(), jobs);
        this.settings = new SettingsViewModel(dataFolder, jobs,
                () -> store.energy().activeTariff().map(Tariff::currency), SettingsScreen::applyTheme, fileManager());
        this.sensors = new SensorsViewModel(SensorInventory.load(dataFolder.path().resolve(SensorInventory.FILE)),
                store.sensors(), profileIds(dataFolder.path()),
                () -> store.registry().rooms().stream().map(Room::id).sorted().toList(), jobs, clock);
        this.view = new SettingsView(settings, new CredentialsView(credentials), new SensorsView(sensors));
        settings.load();
        // read each time the screen is shown: miners come and go (the welcome, discovery) while it is hidden
        view.root().sceneProperty().subscribe(scene -> {
            if (scene != null) {
                credentials.refresh();
                sensorRefresh = new LiveRefresh<>("sensor-status", sensors::read, sensors::show, FxExecutor.fx())
                        .start(LiveRefresh.MIN_PERIOD);
            } else if (sensorRefresh != null) {
                sensorRefresh.close();
                sensorRefresh = null;
            }
        });
    }

    /** The device profiles the form offers; a broken operator file is named in the log and the bundled ones used. */
    private static List<String> profileIds(Path dataFolder) {
        DeviceProfiles profiles;
        try {
            profiles = DeviceProfiles.withOperatorFile(dataFolder.resolve(DeviceProfiles.FILE));
        } catch (IllegalArgumentException e) {
            LOG.error("Using the bundled device profiles only: {}", e.getMessage(), e);
            profiles = DeviceProfiles.bundled();
        }
        return profiles.all().stream().map(DeviceProfile::id).toList();
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

    SensorsViewModel sensors() {
        return sensors;
    }
}
