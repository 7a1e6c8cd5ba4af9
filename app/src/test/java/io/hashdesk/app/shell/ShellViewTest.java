package io.hashdesk.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.settings.DataFolder;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Clicks through the main window as an operator would; runs headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {

    private ShellViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new ShellViewModel(new DataFolder(Path.of("/srv/hashdesk-data"), DataFolder.Source.OS_DEFAULT), "1.2.3");
        stage.setScene(new Scene(new ShellView(viewModel).root(), 1024, 700));
        stage.show();
    }

    @Test
    void opensOnTheFleetSection(FxRobot robot) {
        assertEquals("Fleet", text(robot, "#section-title"));
        assertEquals(Section.FLEET.emptyTitle(), text(robot, "#empty-state-title"));
        assertTrue(toggle(robot, Section.FLEET).isSelected());
    }

    @Test
    void clickingANavigationItemShowsThatSection(FxRobot robot) {
        robot.clickOn("#" + ShellView.navId(Section.MINERS));

        assertEquals(Section.MINERS, viewModel.getSelectedSection());
        assertEquals("Miners", text(robot, "#section-title"));
        assertEquals("No miners registered yet", text(robot, "#empty-state-title"));
        assertTrue(toggle(robot, Section.MINERS).isSelected());
        assertFalse(toggle(robot, Section.FLEET).isSelected());
    }

    @Test
    void clickingTheSelectedItemAgainKeepsItSelected(FxRobot robot) {
        robot.clickOn("#" + ShellView.navId(Section.MODELS));
        robot.clickOn("#" + ShellView.navId(Section.MODELS));

        assertEquals(Section.MODELS, viewModel.getSelectedSection());
        assertTrue(toggle(robot, Section.MODELS).isSelected());
    }

    @Test
    void statusBarShowsDataFolderAndVersion(FxRobot robot) {
        assertEquals(viewModel.dataFolderText(), text(robot, "#status-data-folder"));
        assertEquals("Hashdesk 1.2.3", text(robot, "#status-version"));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static ToggleButton toggle(FxRobot robot, Section section) {
        return robot.lookup("#" + ShellView.navId(section)).queryAs(ToggleButton.class);
    }
}
