package io.hashdesk.app.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks through the welcome as a new operator would; runs headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {

    private FakeFirstRunSetup setup;
    private StackPane welcome;
    private JobRunner jobs;

    @Start
    void start(Stage stage) {
        setup = new FakeFirstRunSetup();
        jobs = new JobRunner(FxExecutor.fx());
        welcome = new WelcomeView(new WelcomeViewModel(setup, jobs)).root();
        stage.setScene(new Scene(new StackPane(new Label("main window"), welcome), 1024, 700));
        stage.show();
    }

    @AfterEach
    void stopJobs() {
        jobs.close();
    }

    /** The choice is saved in the background; the welcome closes when it is done. */
    private void waitUntilClosed() throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !welcome.isVisible());
    }

    @Test
    void typingAPriceAndChoosingFindMyMinersStoresItAndCloses(FxRobot robot) throws TimeoutException {
        TextField price = robot.lookup("#welcome-price").queryAs(TextField.class);
        robot.clickOn(price).eraseText(price.getText().length()).write("0.12");
        TextField currency = robot.lookup("#welcome-currency").queryAs(TextField.class);
        robot.clickOn(currency).eraseText(currency.getText().length()).write("EUR");

        robot.clickOn("#welcome-find");
        waitUntilClosed();

        assertThat(setup.completed).containsExactly(new WelcomeChoice(false, new ElectricityPrice(0.12, "EUR"), true));
    }

    @Test
    void aBadPriceIsExplainedAndBothStartsAreDisabled(FxRobot robot) {
        TextField price = robot.lookup("#welcome-price").queryAs(TextField.class);
        robot.clickOn(price).eraseText(price.getText().length()).write("abc");

        assertThat(robot.lookup("#welcome-problem").queryAs(Label.class).getText())
                .isEqualTo("Electricity price must be a number such as 0.07, got 'abc'");
        assertThat(robot.lookup("#welcome-demo").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#welcome-find").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(welcome.isVisible()).isTrue();
    }

    @Test
    void theDemoFarmIsOneClickWithTheSuggestedPrice(FxRobot robot) throws TimeoutException {
        robot.clickOn("#welcome-demo");
        waitUntilClosed();

        assertThat(setup.completed).containsExactly(new WelcomeChoice(true, new ElectricityPrice(0.07, "USD"), false));
    }
}
