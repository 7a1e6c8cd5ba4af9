package io.hashdesk.app.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WelcomeViewModelTest {

    private final FakeFirstRunSetup setup = new FakeFirstRunSetup();
    /** Results are delivered on the job's own thread instead of the FX thread. */
    private final JobRunner jobs = new JobRunner(Runnable::run);
    private final WelcomeViewModel welcome = new WelcomeViewModel(setup, jobs);

    @AfterEach
    void stopJobs() {
        jobs.close();
    }

    /** Waits for the background save to report back. */
    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 5 s for the save to finish").isBefore(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void theFormStartsWithTheSuggestedPriceAndCanBeSubmitted() {
        assertThat(welcome.priceTextProperty().get()).isEqualTo("0.07");
        assertThat(welcome.currencyTextProperty().get()).isEqualTo("USD");
        assertThat(welcome.problemProperty().get()).isEmpty();
        assertThat(welcome.executableProperty().get()).isTrue();
    }

    @Test
    void findMyMinersTurnsTheDemoOffKeepsAnUntouchedSuggestionAndAsksForDiscovery() throws InterruptedException {
        welcome.findMyMiners();
        assertThat(welcome.executableProperty().get()).as("no second start while saving").isFalse();
        waitUntil(() -> welcome.doneProperty().get());

        assertThat(setup.completed).containsExactly(new WelcomeChoice(false, new ElectricityPrice(0.07, "USD"), false));
        assertThat(welcome.doneProperty().get()).isTrue();
        assertThat(welcome.discoveryWantedProperty().get()).as("the shell opens discovery next").isTrue();
        assertThat(welcome.executableProperty().get()).isFalse();
    }

    @Test
    void anEditedPriceIsMarkedSoItReplacesTheActiveTariff() throws InterruptedException {
        welcome.priceTextProperty().set("0,115");
        welcome.currencyTextProperty().set("eur");

        welcome.startWithDemoFarm();
        waitUntil(() -> welcome.doneProperty().get());

        assertThat(setup.completed).containsExactly(new WelcomeChoice(true, new ElectricityPrice(0.115, "EUR"), true));
        assertThat(welcome.discoveryWantedProperty().get()).as("the demo needs no discovery").isFalse();
    }

    @Test
    void aPriceThatIsNotANumberOrNegativeIsNamedAndBlocksTheStart() {
        welcome.priceTextProperty().set("cheap");
        assertThat(welcome.problemProperty().get()).isEqualTo("Electricity price must be a number such as 0.07, got 'cheap'");
        assertThat(welcome.executableProperty().get()).isFalse();

        welcome.priceTextProperty().set("-0.01");
        assertThat(welcome.problemProperty().get()).isEqualTo("Electricity price must be 0 or more, got '-0.01'");

        welcome.findMyMiners();
        assertThat(welcome.runningProperty().get()).as("nothing started").isFalse();
        assertThat(setup.completed).isEmpty();
        assertThat(welcome.doneProperty().get()).isFalse();
    }

    @Test
    void aCurrencyMustBeAThreeLetterIsoCode() {
        welcome.currencyTextProperty().set("US");
        assertThat(welcome.problemProperty().get())
                .isEqualTo("Currency must be a 3-letter ISO code such as USD or EUR, got 'US'");

        welcome.currencyTextProperty().set("XYZ");
        assertThat(welcome.problemProperty().get()).isEqualTo("Currency 'XYZ' is not an ISO 4217 currency code");

        welcome.currencyTextProperty().set("chf");
        assertThat(welcome.problemProperty().get()).isEmpty();
    }

    @Test
    void aFreePriceIsAllowed() throws InterruptedException {
        welcome.priceTextProperty().set("0");

        welcome.findMyMiners();
        waitUntil(() -> welcome.doneProperty().get());

        assertThat(setup.completed).extracting(choice -> choice.price().pricePerKwh()).containsExactly(0.0);
    }

    @Test
    void aFailedSaveSaysWhyAndCanBeTriedAgain() throws InterruptedException {
        setup.nextFailure = new IOException("disk full");

        welcome.findMyMiners();
        waitUntil(() -> !welcome.failureProperty().get().isEmpty());

        assertThat(welcome.failureProperty().get()).contains("disk full");
        assertThat(welcome.doneProperty().get()).isFalse();
        assertThat(welcome.runningProperty().get()).isFalse();
        assertThat(welcome.executableProperty().get()).isTrue();

        welcome.findMyMiners();
        waitUntil(() -> welcome.doneProperty().get());

        assertThat(welcome.failureProperty().get()).isEmpty();
    }
}
