package io.hashdesk.app.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FileDialogs;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.shell.ScreenInShell;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An operator opens Market & energy, types a bad price and then a good one, and reads the tariff's strip. */
@ExtendWith(ApplicationExtension.class)
class MarketScreenInShellTest {

    private SqliteFarmStore store;
    private JobRunner jobs;
    private MarketScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("market-screen");
        Clock clock = Clock.systemUTC();
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        store.market().append(List.of(new MarketSnapshot("BTC", clock.instant(), "coingecko", 90_000.0, 1.45e14, null,
                3.125, 0.02)));
        store.energy().saveTariff(Tariff.flat("Grid", "USD", ZoneOffset.UTC, 0.07));
        store.energy().activateTariff("Grid");
        jobs = new JobRunner(FxExecutor.fx());
        screen = new MarketScreen(store, CoinCatalog.bundled(), MarketSettings.defaults(), List::of, ZoneOffset.UTC,
                jobs, clock, FileDialogs.system(), FxExecutor.fx(), new MarketScreenSettings(Duration.ofSeconds(1), 4));
        ScreenInShell.show(stage, dir, Section.MARKET, screen.sectionScreen());
    }

    @AfterEach
    void stop() {
        screen.close();
        jobs.close();
        store.close();
    }

    @Test
    void aZeroPriceIsExplainedNextToTheFieldAndAGoodOneShowsUpInTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.MARKET));
        TableView<?> coins = robot.lookup("#market-coins").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !coins.getItems().isEmpty());

        robot.clickOn("#manual-price").write("0");
        robot.clickOn("#manual-save");
        assertThat(robot.lookup("#manual-price-error").queryAs(Label.class).getText())
                .isEqualTo("Price (USD) must be above 0, got 0.");

        robot.doubleClickOn("#manual-price").write("91000");
        robot.clickOn("#manual-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> btcPrice(coins).equals("$91,000"));
        assertThat(robot.lookup("#manual-price-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#manual-message").queryAs(Label.class).getText()).startsWith("Saved BTC figures");
    }

    @Test
    void theElectricityTabShowsTheActiveTariffAndItsNext24Hours(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.MARKET));
        robot.clickOn("Electricity");
        HBox strip = robot.lookup("#price-strip").queryAs(HBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> strip.getChildren().size() == 24);

        assertThat(robot.lookup("#tariff-active-name").queryAs(Label.class).getText()).isEqualTo("Grid");
        assertThat(robot.lookup("#tariff-active-details").queryAs(Label.class).getText())
                .startsWith("Flat price · USD · zone Z · now 0.0700 USD/kWh");
        assertThat(robot.lookup("#tariff-flat-price").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("0.07");
    }

    private static String btcPrice(TableView<?> coins) {
        return coins.getItems().stream().map(CoinRow.class::cast).filter(r -> r.symbol().equals("BTC")).findFirst()
                .map(r -> r.price().value()).orElse("");
    }
}
